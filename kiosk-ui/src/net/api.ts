import { ApiCallError, type ApiClient, createApiClient } from '@hall/protocol'

/** The typed HTTP client of the hall server, on the origin that served the kiosk. */
export function createApi(token: () => string | null, origin: string): ApiClient {
  return createApiClient({ baseUrl: origin, token, timeoutMs: 8000 })
}

/** The Chinese sentence to show for a failed call; never a stack trace. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiCallError) return error.message
  return '系统暂时出现问题，请稍后再试或请工作人员帮助。'
}

export function codeOf(error: unknown): string | null {
  return error instanceof ApiCallError ? error.code : null
}

export type { ApiClient }
