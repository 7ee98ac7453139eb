import { ApiCallError, type ApiClient, createApiClient, ERRORS } from '@hall/protocol'

/** The hall server's HTTP API, on the origin that served the page. */
export function hallApi(token: () => string | null, baseUrl = location.origin): ApiClient {
  return createApiClient({ baseUrl, token, timeoutMs: 8000 })
}

/** The Chinese sentence to show for a failed call. */
export function errorText(error: unknown): string {
  if (error instanceof ApiCallError) {
    const details = error.details.filter((d) => d && d !== error.message)
    return details.length > 0 ? `${error.message}（${details.join('；')}）` : error.message
  }
  return ERRORS.INTERNAL.message
}

export function errorCode(error: unknown): string | null {
  return error instanceof ApiCallError ? error.code : null
}

export { ApiCallError }
