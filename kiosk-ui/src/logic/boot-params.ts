/**
 * What the kiosk's URL carries at enrolment: `?token=…` (the device token, once), optionally
 * `&pin=…` (the technician PIN), and for tests `&idle=<seconds>`. The token and PIN are kept in
 * localStorage and removed from the address so they do not linger in history or on screen.
 */

export interface BootParams {
  token: string | null
  pin: string | null
  idleMs: number | null
  /** The same URL without token and pin, for history.replaceState; null if nothing to remove. */
  cleanUrl: string | null
}

export function parseBootParams(href: string): BootParams {
  const url = new URL(href)
  const token = url.searchParams.get('token')?.trim() || null
  const pinRaw = url.searchParams.get('pin')?.trim() ?? ''
  const pin = /^\d{4,12}$/.test(pinRaw) ? pinRaw : null
  const idleRaw = Number(url.searchParams.get('idle'))
  const idleMs = Number.isFinite(idleRaw) && idleRaw >= 1 ? Math.round(idleRaw * 1000) : null
  const sensitive = url.searchParams.has('token') || url.searchParams.has('pin')
  url.searchParams.delete('token')
  url.searchParams.delete('pin')
  return { token, pin, idleMs, cleanUrl: sensitive ? url.pathname + url.search + url.hash : null }
}

export type KeyStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export const TOKEN_KEY = 'hall.kiosk.token'
export const PIN_KEY = 'hall.kiosk.techPin'
/** Used until a PIN is set at enrolment (`&pin=`); documented in deploy/kiosk/README.md. */
export const DEFAULT_TECH_PIN = '2580'

/** The token to use: a new one from the URL replaces the stored one. */
export function settleCredentials(
  params: BootParams,
  store: KeyStore,
): { token: string | null; pin: string } {
  if (params.token) store.setItem(TOKEN_KEY, params.token)
  if (params.pin) store.setItem(PIN_KEY, params.pin)
  return { token: store.getItem(TOKEN_KEY), pin: store.getItem(PIN_KEY) ?? DEFAULT_TECH_PIN }
}
