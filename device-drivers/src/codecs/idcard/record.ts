/**
 * What a card says, after parsing the 256-byte GA 467 text record (see text-record.ts for the byte
 * layouts). Dates are `YYYY-MM-DD` strings, free of any time zone; `validUntil` may be `长期`.
 *
 * These values are personal information: show and log them only through `maskName` and
 * `maskIdNumber`, and keep no more of them than the purpose needs.
 */

import type { GenderName } from './tables.js'

/** The text a long-term (no expiry) card stores instead of a date. */
export const LONG_TERM = '长期'

export type CardType = 'resident' | 'foreigner' | 'hkmotw'

interface RecordBase {
  /** Name as printed on the card. For a foreigner without a Chinese name: the English name. */
  name: string
  gender: GenderName
  /** The raw GB/T 2261.1 code from the card ('1', '2', ...), kept so unknown codes stay visible. */
  genderCode: string
  birthDate: string
  /** Citizen ID number, residence permit number or permanent residence card number. */
  idNumber: string
  validFrom: string
  /** `YYYY-MM-DD` or `长期`. */
  validUntil: string
}

/** 居民身份证: UCS-2 space at offset 248. */
export interface ResidentIdRecord extends RecordBase {
  cardType: 'resident'
  /** GB 3304 name, undefined when the code is outside the table. */
  nation?: string
  /** The raw two-digit code. */
  nationCode: string
  address: string
  /** 签发机关. */
  issuer: string
}

/** 外国人永久居留身份证, 2017 edition: 'I' at offset 248. */
export interface ForeignerRecord2017 extends RecordBase {
  cardType: 'foreigner'
  edition: '2017'
  englishName: string
  /** May be empty: many holders have no Chinese name. */
  chineseName: string
  /** ISO 3166-1 alpha-3 code of the nationality or region, e.g. `USA`. */
  nationality: string
  /** 证件版本号. */
  cardVersion: string
  /** 当次申请受理机关代码. */
  issuingAuthorityCode: string
}

/**
 * 外国人永久居留身份证, 2023 edition: believed to be 'Y' at offset 248 (unverified: the notes say
 * "believed", and the field layout comes from one public vendor SDK header, not the standard).
 */
export interface ForeignerRecord2023 extends RecordBase {
  cardType: 'foreigner'
  edition: '2023'
  /** Up to 46 characters, stored as 35 + 11 in two fields. */
  englishName: string
  chineseName: string
  nationality: string
  /** 换证次数. */
  renewalCount: string
  /** 既往版本外国人永久居留证件号码关联项. */
  previousNumberLink: string
}

export type ForeignerRecord = ForeignerRecord2017 | ForeignerRecord2023

/** 港澳台居民居住证: 'J' at offset 248. */
export interface HkMoTwRecord extends RecordBase {
  cardType: 'hkmotw'
  address: string
  issuer: string
  /** 通行证号码 (the holder's travel permit to the mainland). */
  passNumber: string
  /** 签发次数. */
  issueCount: string
  /** From the ID number prefix 81/82/83; undefined for anything else. */
  region?: 'HK' | 'MO' | 'TW'
}

export type IdCardRecord = ResidentIdRecord | ForeignerRecord | HkMoTwRecord
