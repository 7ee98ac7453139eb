/** Errors thrown by the scanner encoders and constructors; decoders return problems as values. */

export const ScannerErrorCode = {
  unsupportedChar: 'UNSUPPORTED_CHAR',
  invalidArgument: 'INVALID_ARGUMENT',
} as const
export type ScannerErrorCode = (typeof ScannerErrorCode)[keyof typeof ScannerErrorCode]

export class ScannerCodecError extends Error {
  readonly code: ScannerErrorCode
  constructor(code: ScannerErrorCode, message: string) {
    super(message)
    this.name = 'ScannerCodecError'
    this.code = code
  }
}
