import { type Access, type OperationId, routePath, routes } from '@hall/protocol'
import type { FastifyInstance, InjectOptions } from 'fastify'
import type { Json } from '../helper.js'

/** One request through `app.inject`; the body read as JSON when it is JSON, else left as bytes. */

export interface Answer {
  status: number
  contentType: string
  body: Json
}

export async function send(app: FastifyInstance, options: InjectOptions): Promise<Answer> {
  const response = await app.inject(options)
  const contentType = String(response.headers['content-type'] ?? '')
  const json = contentType.startsWith('application/json')
  return {
    status: response.statusCode,
    contentType,
    body: json && response.body ? JSON.parse(response.body) : response.rawPayload,
  }
}

export function callOp(
  app: FastifyInstance,
  op: OperationId,
  token: string | null,
  input: { params?: Record<string, string>; query?: Record<string, string | string[]>; body?: unknown } = {},
): Promise<Answer> {
  const def = routes[op]
  return send(app, {
    method: def.method,
    url: routePath(def.path, input.params),
    ...(input.query ? { query: input.query } : {}),
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(input.body !== undefined ? { payload: input.body as object } : {}),
  })
}

/** The enrolled test device that plays each device role (the agent is a window's, for button ratings). */
export const DEVICE_FOR: Readonly<Partial<Record<Access, string>>> = {
  kiosk: 'kiosk-1',
  counter: 'counter-1',
  pad: 'pad-1',
  display: 'display-1',
  window_screen: 'window-screen-1',
  wall: 'wall-1',
  agent: 'agent-counter-1',
}
