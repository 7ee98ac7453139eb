/** Stable error codes thrown by the ESC/POS composer on programmer errors (bad arguments). */
import { CodedError } from '../../coded-error.js'
export const EscPosErrorCode = {
  invalidArgument: 'ESCPOS_INVALID_ARGUMENT',
  qrTooLong: 'ESCPOS_QR_TOO_LONG',
} as const
export type EscPosErrorCode = (typeof EscPosErrorCode)[keyof typeof EscPosErrorCode]

/**
 * Thrown only by encoders, for arguments a caller could have checked (a size of 9, a QR payload
 * longer than a version-40 symbol holds). Decoders never throw: they return error values.
 */
export class EscPosError extends CodedError<EscPosErrorCode> {
  override readonly name = 'EscPosError'
}
