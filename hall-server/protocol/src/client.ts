import { ERRORS, type ErrorCode } from './errors.js'
import { type OperationId, type OperationInput, type OperationOutput, routePath, routes } from './routes.js'

/**
 * A typed HTTP client for the screens and the device agent: `call('issueTicket', { body })`.
 * Errors come back as `ApiCallError` with the contract's code and Chinese message; a server that
 * cannot be reached gives code OFFLINE.
 */

export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    readonly details: string[] = [],
  ) {
    super(message)
  }
}

export interface ClientOptions {
  baseUrl: string
  token: () => string | null
  fetch?: typeof fetch
  timeoutMs?: number
}

type Defined<T> = { [K in keyof T as T[K] extends undefined ? never : K]: T[K] }
export type CallInput<Op extends OperationId> = Defined<OperationInput<Op>>

export type ApiClient = <Op extends OperationId>(
  op: Op,
  ...input: keyof CallInput<Op> extends never ? [] : [CallInput<Op>]
) => Promise<OperationOutput<Op>>

export function createApiClient(options: ClientOptions): ApiClient {
  const doFetch = options.fetch ?? fetch
  return (async (op: OperationId, input?: Partial<OperationInput<OperationId>>) => {
    const def = routes[op]
    let url =
      options.baseUrl.replace(/\/$/, '') + routePath(def.path, input?.params as Record<string, string>)
    const query = input?.query as Record<string, unknown> | undefined
    if (query) {
      const search = new URLSearchParams()
      for (const [key, value] of Object.entries(query))
        if (value !== undefined) search.set(key, String(value))
      if ([...search].length > 0) url += `?${search}`
    }
    const headers: Record<string, string> = {}
    const token = options.token()
    if (token) headers['authorization'] = `Bearer ${token}`
    const body = input?.body
    if (body !== undefined) headers['content-type'] = 'application/json'
    let response: Response
    try {
      response = await doFetch(url, {
        method: def.method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      })
    } catch {
      throw new ApiCallError('OFFLINE', ERRORS.OFFLINE.message, 0)
    }
    if (response.ok && 'produces' in def) return new Uint8Array(await response.arrayBuffer())
    const text = await response.text()
    let parsed: unknown = null
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      parsed = null
    }
    if (!response.ok) {
      const error = parsed as { code?: ErrorCode; message?: string; details?: string[] } | null
      const code =
        error?.code && error.code in ERRORS ? error.code : response.status >= 500 ? 'INTERNAL' : 'VALIDATION'
      throw new ApiCallError(
        code,
        error?.message ?? ERRORS[code].message,
        response.status,
        error?.details ?? [],
      )
    }
    return parsed
  }) as ApiClient
}
