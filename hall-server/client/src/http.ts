import { ApiCallError, type ApiClient, createApiClient, ERRORS, type ErrorCode } from '@hall/protocol'

/**
 * HTTP calls to the hall server: the contract's typed `createApiClient` (every route by its
 * operation id, answers typed from the route's schema), with the defaults the screens and the agent
 * share, and the one place that turns a failed call into what a screen shows. A refusal arrives as
 * `ApiCallError` carrying the server's code and Chinese message; an unreachable server as OFFLINE.
 */

export interface HallApiOptions {
  /** The hall server; the page's own origin when left out. */
  baseUrl?: string
  token: () => string | null
  /** Default 8000 ms. */
  timeoutMs?: number
  fetch?: typeof fetch
}

export function hallApi(options: HallApiOptions): ApiClient {
  const baseUrl = options.baseUrl ?? globalThis.location?.origin
  if (!baseUrl) throw new Error('hallApi: no baseUrl and no page origin')
  return createApiClient({
    baseUrl,
    token: options.token,
    timeoutMs: options.timeoutMs ?? 8000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })
}

export interface ErrorTextOptions {
  /** Add the server's details (which fields were wrong) in brackets; default true. */
  details?: boolean
  /** For a failure that is not an answer of the server (a bug here); default ERRORS.INTERNAL. */
  fallback?: string
}

/** The Chinese sentence to show for a failed call; never a stack trace. */
export function errorText(error: unknown, options: ErrorTextOptions = {}): string {
  if (!(error instanceof ApiCallError)) return options.fallback ?? ERRORS.INTERNAL.message
  if (options.details === false) return error.message
  const details = error.details.filter((d) => d && d !== error.message)
  return details.length > 0 ? `${error.message}（${details.join('；')}）` : error.message
}

/** The contract's error code of a failed call; null for anything else. */
export function errorCode(error: unknown): ErrorCode | null {
  return error instanceof ApiCallError ? error.code : null
}

export { ApiCallError, type ApiClient }
