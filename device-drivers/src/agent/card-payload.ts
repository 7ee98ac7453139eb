/**
 * An ID card read as the contract's `IdCardPayload`: only the fields a hall's purposes need
 * (queue priority by age, the applicant of a case). Address, issuer, validity, photo and
 * fingerprint stay on the terminal and are forgotten. Log lines get `cardLogFields`, masked.
 */

import { type IdCardPayload, maskIdNumber, maskName } from '@hall/protocol'
import type { IdCardRecord } from '../codecs/idcard/index.js'

export function cardPayload(record: IdCardRecord): IdCardPayload {
  const payload: IdCardPayload = {
    cardType: record.cardType,
    name: record.name,
    idNumber: record.idNumber,
    gender: record.gender,
    birthDate: record.birthDate,
  }
  if (record.cardType === 'foreigner' && record.nationality)
    payload.nationality = record.nationality.slice(0, 8)
  return payload
}

/** What a log line may say about a card: its type and the masked name and number. */
export function cardLogFields(card: IdCardPayload): Record<string, string> {
  return { cardType: card.cardType, nameMasked: maskName(card.name), idMasked: maskIdNumber(card.idNumber) }
}
