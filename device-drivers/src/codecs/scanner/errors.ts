/** Errors thrown by the scanner encoders and constructors; decoders return problems as values. */
import { CodedError } from '../../coded-error.js'

export const ScannerErrorCode = {
  unsupportedChar: 'UNSUPPORTED_CHAR',
  invalidArgument: 'INVALID_ARGUMENT',
} as const
export type ScannerErrorCode = (typeof ScannerErrorCode)[keyof typeof ScannerErrorCode]

export class ScannerCodecError extends CodedError<ScannerErrorCode> {
  override readonly name = 'ScannerCodecError'
}
