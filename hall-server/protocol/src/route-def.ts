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

/**
 * How callers prove who they are, as OpenAPI security schemes. All three travel as
 * `Authorization: Bearer <token>`; the server tells them apart by looking the token up.
 */
export const SECURITY_SCHEMES = {
  deviceToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'opaque',
    description:
      'The enrolment token of a hall device (kiosk, counter, pad, display, window screen, wall, device agent), issued once by `hallctl enroll` and kept only as a hash. Revoking or re-enrolling the device ends it.',
  },
  staffSession: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'opaque',
    description:
      'The session token `signIn` answers when a clerk or manager signs in with staff number and PIN on an enrolled counter (managers also on the wall screen). It carries the staff role and, at a counter, the window; it ends at `signOut` or after the configured session hours.',
  },
  platformToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'opaque',
    description:
      'Reserved for the provincial platform pulling case and rating data. Not issued yet: no operation accepts it today.',
  },
} as const

export type SecuritySchemeName = keyof typeof SECURITY_SCHEMES
export type SecurityRequirement = Partial<Record<SecuritySchemeName, []>>

const DEVICE_ACCESS: readonly Access[] = ANY_DEVICE
const STAFF_ACCESS: readonly Access[] = STAFF

/**
 * The OpenAPI `security` of an operation, derived from its access list: none for public
 * operations, else a device token (if a device role may call it) or a staff session (if a staff
 * role may). The roles themselves are in the operation's `x-access`.
 */
export function securityOf(access: readonly Access[]): SecurityRequirement[] {
  if (access.includes('public')) return []
  const requirements: SecurityRequirement[] = []
  if (access.some((a) => DEVICE_ACCESS.includes(a))) requirements.push({ deviceToken: [] })
  if (access.some((a) => STAFF_ACCESS.includes(a))) requirements.push({ staffSession: [] })
  return requirements
}
