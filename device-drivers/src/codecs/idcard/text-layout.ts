/**
 * Byte layouts of the 256-byte GA 467 text record, shared by the parser and the encoder.
 *
 * Every field is UCS-2 little-endian, padded with spaces (20 00) to its fixed size. Dates are
 * `YYYYMMDD`; the validity end may be the text 长期. The UCS-2 character at offsets 248-249 tells
 * the card types apart. Offsets and sizes in bytes (source: device-drivers/docs/protocols.md; the 2017
 * foreigner layout also matches public reader code that parses it):
 *
 * resident ID card (' ')   name 0/30, gender 30/2, nation 32/4, birth 36/16, address 52/70,
 *                          ID number 122/36, issuer 158/30, valid from 188/16, valid until 204/16,
 *                          reserved 220/36 (holds the type character at 248)
 * foreigner, 2017 ('I')    English name 0/120, gender 120/2, card number 122/30, nationality
 *                          152/6, Chinese name 158/30, valid from 188/16, valid until 204/16,
 *                          birth 220/16, version 236/4, issuing agency 240/8, type 248/2,
 *                          reserved 250/6
 * foreigner, 2023 ('Y')    UNVERIFIED: the flag is "believed" in the notes, and this layout is
 *                          from one public vendor SDK header, not from the standard. Chinese name
 *                          0/30, gender 30/2, renewal count 32/4, birth 36/16, English name part 1
 *                          52/70, card number 122/36, reserved 158/30, valid from 188/16, valid
 *                          until 204/16, English name part 2 220/22, nationality 242/6, type
 *                          248/2, previous-number link 250/6
 * HK/Macao/Taiwan ('J')    like the ID card with nation replaced by reserved 32/4, then pass
 *                          number 220/18, issue count 238/4, reserved 242/6, type 248/2,
 *                          reserved 250/6
 */

export const TEXT_RECORD_LENGTH = 256

export interface Field {
  readonly offset: number
  readonly length: number
}
export const f = (offset: number, length: number): Field => ({ offset, length })

export const TYPE_FLAG = f(248, 2)

/** The fields the resident ID card and the HK/Macao/Taiwan residence permit put at the same offsets. */
const PERSON_FIELDS = {
  name: f(0, 30),
  gender: f(30, 2),
  birthDate: f(36, 16),
  address: f(52, 70),
  idNumber: f(122, 36),
  issuer: f(158, 30),
  validFrom: f(188, 16),
  validUntil: f(204, 16),
} as const

export const RESIDENT_LAYOUT = { ...PERSON_FIELDS, nation: f(32, 4) } as const

export const HKMOTW_LAYOUT = { ...PERSON_FIELDS, passNumber: f(220, 18), issueCount: f(238, 4) } as const

export const FOREIGNER_2017_LAYOUT = {
  englishName: f(0, 120),
  gender: f(120, 2),
  idNumber: f(122, 30),
  nationality: f(152, 6),
  chineseName: f(158, 30),
  validFrom: f(188, 16),
  validUntil: f(204, 16),
  birthDate: f(220, 16),
  cardVersion: f(236, 4),
  issuingAuthorityCode: f(240, 8),
} as const

export const FOREIGNER_2023_LAYOUT = {
  chineseName: f(0, 30),
  gender: f(30, 2),
  renewalCount: f(32, 4),
  birthDate: f(36, 16),
  englishName1: f(52, 70),
  idNumber: f(122, 36),
  validFrom: f(188, 16),
  validUntil: f(204, 16),
  englishName2: f(220, 22),
  nationality: f(242, 6),
  previousNumberLink: f(250, 6),
} as const

/** Type characters at offset 248. */
export const CARD_TYPE_FLAG = {
  resident: ' ',
  foreigner2017: 'I',
  foreigner2023: 'Y',
  hkmotw: 'J',
} as const
