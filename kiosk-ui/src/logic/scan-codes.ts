/**
 * What a scanned code means at the kiosk (conventions of the hall server): tickets
 * `HALLTICKET:<ticketId>`, receipts `HALLCASE:<caseId>` or a receipt number `SL…`, appointments
 * `HALLAPPT:<code>` or the bare 8-character code (alphabet without 0, 1, I and O).
 */

export type ScannedCode =
  | { kind: 'ticket'; ticketId: string }
  | { kind: 'case'; ref: string }
  | { kind: 'appointment'; code: string }
  | { kind: 'unknown'; text: string }

const APPOINTMENT_CODE = /^[A-HJ-NP-Z2-9]{8}$/
const RECEIPT_NO = /^SL\d{8,}$/

export function classifyScan(raw: string): ScannedCode {
  // Scanners in keyboard mode may append CR/LF; some send lower case.
  const text = raw.trim()
  const upper = text.toUpperCase()
  if (upper.startsWith('HALLTICKET:')) return { kind: 'ticket', ticketId: text.slice('HALLTICKET:'.length) }
  if (upper.startsWith('HALLCASE:')) return { kind: 'case', ref: text }
  if (upper.startsWith('HALLAPPT:')) return { kind: 'appointment', code: upper.slice('HALLAPPT:'.length) }
  if (RECEIPT_NO.test(upper)) return { kind: 'case', ref: upper }
  if (APPOINTMENT_CODE.test(upper)) return { kind: 'appointment', code: upper }
  return { kind: 'unknown', text }
}

/** Whether typed text could be an appointment code (for the on-screen keyboard's OK key). */
export function isAppointmentCode(text: string): boolean {
  return APPOINTMENT_CODE.test(text.toUpperCase())
}

/** Whether typed text could be a receipt number. */
export function isReceiptNo(text: string): boolean {
  return RECEIPT_NO.test(text.toUpperCase())
}
