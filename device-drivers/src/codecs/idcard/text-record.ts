/**
 * Parsing of the 256-byte GA 467 text record into an `IdCardRecord`. Byte layouts per card type
 * are in text-layout.ts; the character at offset 248 picks the layout.
 */

import { Ga467ErrorCode, type Ga467Result } from './frame.js'
import type {
  ForeignerRecord2017,
  ForeignerRecord2023,
  HkMoTwRecord,
  IdCardRecord,
  ResidentIdRecord,
} from './record.js'
import { LONG_TERM } from './record.js'
import { genderName, nationName } from './tables.js'
import {
  CARD_TYPE_FLAG,
  type Field,
  FOREIGNER_2017_LAYOUT,
  FOREIGNER_2023_LAYOUT,
  HKMOTW_LAYOUT,
  RESIDENT_LAYOUT,
  TEXT_RECORD_LENGTH,
  TYPE_FLAG,
} from './text-layout.js'

class ParseFailure {
  constructor(
    readonly code: Ga467ErrorCode,
    readonly message: string,
  ) {}
}

/** Code units as they are, so even unpaired surrogates survive a round trip. */
function readRaw(bytes: Uint8Array, field: Field): string {
  let s = ''
  for (let i = field.offset; i < field.offset + field.length; i += 2) {
    s += String.fromCharCode(bytes[i]! | (bytes[i + 1]! << 8))
  }
  return s
}

/** Padding is spaces; NULs are trimmed too, in case a reader zero-fills unused fields. */
function trimPadding(s: string): string {
  return s.replace(/[ \u0000]+$/, '')
}

function readText(bytes: Uint8Array, field: Field): string {
  return trimPadding(readRaw(bytes, field))
}

function readDate(bytes: Uint8Array, field: Field, label: string, longTermAllowed = false): string {
  const raw = readText(bytes, field)
  if (longTermAllowed && raw === LONG_TERM) return LONG_TERM
  if (!/^\d{8}$/.test(raw)) {
    throw new ParseFailure(Ga467ErrorCode.badDate, `${label}不是有效日期: "${raw}"`)
  }
  return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`
}

function region(idNumber: string): HkMoTwRecord['region'] {
  if (idNumber.startsWith('81')) return 'HK'
  if (idNumber.startsWith('82')) return 'MO'
  if (idNumber.startsWith('83')) return 'TW'
  return undefined
}

function parseResident(b: Uint8Array): ResidentIdRecord {
  const L = RESIDENT_LAYOUT
  const genderCode = readText(b, L.gender)
  const nationCode = readText(b, L.nation)
  const record: ResidentIdRecord = {
    cardType: 'resident',
    name: readText(b, L.name),
    gender: genderName(genderCode),
    genderCode,
    nationCode,
    birthDate: readDate(b, L.birthDate, '出生日期'),
    address: readText(b, L.address),
    idNumber: readText(b, L.idNumber),
    issuer: readText(b, L.issuer),
    validFrom: readDate(b, L.validFrom, '有效期起始日期'),
    validUntil: readDate(b, L.validUntil, '有效期截止日期', true),
  }
  const nation = nationName(nationCode)
  if (nation !== undefined) record.nation = nation
  return record
}

function parseHkMoTw(b: Uint8Array): HkMoTwRecord {
  const L = HKMOTW_LAYOUT
  const genderCode = readText(b, L.gender)
  const idNumber = readText(b, L.idNumber)
  const record: HkMoTwRecord = {
    cardType: 'hkmotw',
    name: readText(b, L.name),
    gender: genderName(genderCode),
    genderCode,
    birthDate: readDate(b, L.birthDate, '出生日期'),
    address: readText(b, L.address),
    idNumber,
    issuer: readText(b, L.issuer),
    validFrom: readDate(b, L.validFrom, '有效期起始日期'),
    validUntil: readDate(b, L.validUntil, '有效期截止日期', true),
    passNumber: readText(b, L.passNumber),
    issueCount: readText(b, L.issueCount),
  }
  const r = region(idNumber)
  if (r !== undefined) record.region = r
  return record
}

/** The fields both editions of the permanent residence card have, each at its own offset. */
type ForeignerCommonLayout = Record<
  'gender' | 'chineseName' | 'birthDate' | 'idNumber' | 'nationality' | 'validFrom' | 'validUntil',
  Field
>

function foreignerCommon(b: Uint8Array, L: ForeignerCommonLayout, englishName: string) {
  const genderCode = readText(b, L.gender)
  const chineseName = readText(b, L.chineseName)
  return {
    cardType: 'foreigner' as const,
    name: chineseName || englishName,
    englishName,
    chineseName,
    gender: genderName(genderCode),
    genderCode,
    birthDate: readDate(b, L.birthDate, '出生日期'),
    idNumber: readText(b, L.idNumber),
    nationality: readText(b, L.nationality),
    validFrom: readDate(b, L.validFrom, '有效期起始日期'),
    validUntil: readDate(b, L.validUntil, '有效期截止日期', true),
  }
}

function parseForeigner2017(b: Uint8Array): ForeignerRecord2017 {
  const L = FOREIGNER_2017_LAYOUT
  return {
    ...foreignerCommon(b, L, readText(b, L.englishName)),
    edition: '2017',
    cardVersion: readText(b, L.cardVersion),
    issuingAuthorityCode: readText(b, L.issuingAuthorityCode),
  }
}

function parseForeigner2023(b: Uint8Array): ForeignerRecord2023 {
  const L = FOREIGNER_2023_LAYOUT
  // Join before trimming: a space at the 35/36 boundary belongs to the name.
  const englishName = trimPadding(readRaw(b, L.englishName1) + readRaw(b, L.englishName2))
  return {
    ...foreignerCommon(b, L, englishName),
    edition: '2023',
    renewalCount: readText(b, L.renewalCount),
    previousNumberLink: readText(b, L.previousNumberLink),
  }
}

/** The card type character at offset 248, as a string (one UCS-2 code unit). */
export function cardTypeFlag(text: Uint8Array): string {
  return text.length >= TEXT_RECORD_LENGTH ? readRaw(text, TYPE_FLAG) : ''
}

/** Parses a 256-byte text record of any of the known card types; never throws. */
export function parseTextRecord(text: Uint8Array): Ga467Result<IdCardRecord> {
  if (text.length !== TEXT_RECORD_LENGTH) {
    return {
      ok: false,
      code: Ga467ErrorCode.textLength,
      message: `文字信息应为 ${TEXT_RECORD_LENGTH} 字节，实际 ${text.length} 字节`,
    }
  }
  const flag = cardTypeFlag(text)
  try {
    switch (flag) {
      case CARD_TYPE_FLAG.resident:
      // Also accepted as NUL, in case a reader zero-fills the reserved area instead of padding it.
      case '\u0000':
        return { ok: true, value: parseResident(text) }
      case CARD_TYPE_FLAG.hkmotw:
        return { ok: true, value: parseHkMoTw(text) }
      case CARD_TYPE_FLAG.foreigner2017:
        return { ok: true, value: parseForeigner2017(text) }
      case CARD_TYPE_FLAG.foreigner2023:
        return { ok: true, value: parseForeigner2023(text) }
      default: {
        const hex = flag.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
        return { ok: false, code: Ga467ErrorCode.unknownCardType, message: `未知证件类型标识 U+${hex}` }
      }
    }
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, code: e.code, message: e.message }
    throw e
  }
}
