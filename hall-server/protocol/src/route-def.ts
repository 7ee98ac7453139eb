import type { TSchema } from 'typebox'

/** Who may call an operation: a device role, a signed-in staff role, or anyone. */
export const ACCESS = [
  'public',
  'kiosk',
  'counter',
  'pad',
  'display',
  'window_screen',
  'wall',
  'agent',
  'clerk',
  'manager',
] as const
export type Access = (typeof ACCESS)[number]

export interface RouteDef {
  method: 'GET' | 'POST'
  path: string
  summary: string
  tag: string
  access: readonly Access[]
  params?: TSchema
  querystring?: TSchema
  body?: TSchema
  response: TSchema
  /** Status of a successful answer, 200 unless stated. */
  status?: 200 | 201
  /** Media type of a non-JSON answer (the body is then bytes). */
  produces?: string
}

export const ANY_DEVICE = ['kiosk', 'counter', 'pad', 'display', 'window_screen', 'wall', 'agent'] as const
export const ANYONE_SIGNED = [...ANY_DEVICE, 'clerk', 'manager'] as const
export const STAFF = ['clerk', 'manager'] as const
