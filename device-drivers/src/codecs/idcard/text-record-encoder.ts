/**
 * Encoding of `IdCardRecord` into the 256-byte GA 467 text record, for simulated readers. Byte
 * layouts are in text-layout.ts. Strings are written as UTF-16 code units (UCS-2 for every
 * character a card can hold), space padded.
 */

import { Ga467Error, Ga467ErrorCode } from './frame.js'
import { type IdCardRecord, LONG_TERM } from './record.js'
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

function writeText(out: Uint8Array, field: Field, value: string, label: string): void {
  if (value.length * 2 > field.length) {
    throw new Ga467Error(
      Ga467ErrorCode.fieldTooLong,
      `${label} "${value}" needs ${value.length * 2} bytes, the field has ${field.length}`,
    )
  }
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i)
    out[field.offset + 2 * i] = unit & 0xff
    out[field.offset + 2 * i + 1] = unit >> 8
  }
}

function writeDate(
  out: Uint8Array,
  field: Field,
  value: string,
  label: string,
  longTermAllowed = false,
): void {
  if (longTermAllowed && value === LONG_TERM) {
    writeText(out, field, value, label)
    return
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) throw new Ga467Error(Ga467ErrorCode.invalidArgument, `${label} must be YYYY-MM-DD, got "${value}"`)
  writeText(out, field, m[1]! + m[2]! + m[3]!, label)
}

/** Fields shared by name across layouts that have them. */
function writeCommon(
  out: Uint8Array,
  L: { gender: Field; birthDate: Field; idNumber: Field; validFrom: Field; validUntil: Field },
  r: IdCardRecord,
): void {
  writeText(out, L.gender, r.genderCode, 'genderCode')
  writeDate(out, L.birthDate, r.birthDate, 'birthDate')
  writeText(out, L.idNumber, r.idNumber, 'idNumber')
  writeDate(out, L.validFrom, r.validFrom, 'validFrom')
  writeDate(out, L.validUntil, r.validUntil, 'validUntil', true)
}

/**
 * Builds the 256-byte record a reader would send for `record`, space padded. Derived fields
 * (`gender`, `nation`, `name` of a foreigner, `region`) are not stored on a card and are ignored:
 * the codes and `chineseName` are what get written. Throws `Ga467Error` for values that do not fit.
 */
export function encodeTextRecord(record: IdCardRecord): Uint8Array {
  const out = new Uint8Array(TEXT_RECORD_LENGTH)
  for (let i = 0; i < TEXT_RECORD_LENGTH; i += 2) out[i] = 0x20
  switch (record.cardType) {
    case 'resident': {
      const L = RESIDENT_LAYOUT
      writeCommon(out, L, record)
      writeText(out, L.name, record.name, 'name')
      writeText(out, L.nation, record.nationCode, 'nationCode')
      writeText(out, L.address, record.address, 'address')
      writeText(out, L.issuer, record.issuer, 'issuer')
      writeText(out, TYPE_FLAG, CARD_TYPE_FLAG.resident, 'type')
      break
    }
    case 'hkmotw': {
      const L = HKMOTW_LAYOUT
      writeCommon(out, L, record)
      writeText(out, L.name, record.name, 'name')
      writeText(out, L.address, record.address, 'address')
      writeText(out, L.issuer, record.issuer, 'issuer')
      writeText(out, L.passNumber, record.passNumber, 'passNumber')
      writeText(out, L.issueCount, record.issueCount, 'issueCount')
      writeText(out, TYPE_FLAG, CARD_TYPE_FLAG.hkmotw, 'type')
      break
    }
    case 'foreigner': {
      if (record.edition === '2017') {
        const L = FOREIGNER_2017_LAYOUT
        writeCommon(out, L, record)
        writeText(out, L.englishName, record.englishName, 'englishName')
        writeText(out, L.chineseName, record.chineseName, 'chineseName')
        writeText(out, L.nationality, record.nationality, 'nationality')
        writeText(out, L.cardVersion, record.cardVersion, 'cardVersion')
        writeText(out, L.issuingAuthorityCode, record.issuingAuthorityCode, 'issuingAuthorityCode')
        writeText(out, TYPE_FLAG, CARD_TYPE_FLAG.foreigner2017, 'type')
      } else {
        const L = FOREIGNER_2023_LAYOUT
        const part1Chars = L.englishName1.length / 2
        if (record.englishName.length > part1Chars + L.englishName2.length / 2) {
          throw new Ga467Error(Ga467ErrorCode.fieldTooLong, `englishName "${record.englishName}" is too long`)
        }
        writeCommon(out, L, record)
        writeText(out, L.chineseName, record.chineseName, 'chineseName')
        writeText(out, L.renewalCount, record.renewalCount, 'renewalCount')
        writeText(out, L.englishName1, record.englishName.slice(0, part1Chars), 'englishName')
        writeText(out, L.englishName2, record.englishName.slice(part1Chars), 'englishName')
        writeText(out, L.nationality, record.nationality, 'nationality')
        writeText(out, L.previousNumberLink, record.previousNumberLink, 'previousNumberLink')
        writeText(out, TYPE_FLAG, CARD_TYPE_FLAG.foreigner2023, 'type')
      }
      break
    }
  }
  return out
}
