/**
 * The one shape of every error device-drivers throws: a stable `code` from the thrower's code
 * table (callers branch on it), a message people can act on, and optionally the error it wraps.
 * Subclasses only name themselves, so `err.name` says which part threw.
 */
export class CodedError<Code extends string> extends Error {
  override readonly cause?: Error

  constructor(
    readonly code: Code,
    message: string,
    cause?: Error,
  ) {
    super(message)
    if (cause) this.cause = cause
  }
}
