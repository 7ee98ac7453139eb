import type { ApiClient, Session } from '@hall/protocol'
import { type ReadonlySignal, signal } from '@preact/signals'

/**
 * A staff member signed in on this device (a clerk at a counter, a manager at the wall): staff
 * number and PIN through the device's token, then a session token for their own actions. The
 * session is kept on the device so a reload or a server restart does not sign them out; it is
 * dropped when it expires or the server no longer knows it.
 */

export interface KeptValue {
  get(): string | null
  set(value: string | null): void
}

export interface SessionStore {
  session: ReadonlySignal<Session | null>
  busy: ReadonlySignal<boolean>
  error: ReadonlySignal<string | null>
  token(): string | null
  signIn(staffNo: string, pin: string): Promise<boolean>
  signOut(): Promise<void>
  /** Checks a kept session with the server (a dead one is dropped, an unreachable server keeps it). */
  restore(): Promise<void>
  /** Drops the session locally, with a message (after the server refused it). */
  expire(message: string): void
}

export interface SessionDeps {
  /** Calls with the device's own token (sign-in). */
  deviceApi: ApiClient
  /** Calls with the session token. */
  staffApi: ApiClient
  kept: KeptValue
  clock?: () => number
  errorText(error: unknown): string
  errorCode(error: unknown): string | null
}

function parse(text: string | null): Session | null {
  if (!text) return null
  try {
    const value = JSON.parse(text) as Session
    return typeof value?.token === 'string' && typeof value.expiresAt === 'number' ? value : null
  } catch {
    return null
  }
}

export function createSessionStore(deps: SessionDeps): SessionStore {
  const clock = deps.clock ?? Date.now
  const initial = parse(deps.kept.get())
  const session = signal<Session | null>(initial && initial.expiresAt > clock() ? initial : null)
  const busy = signal(false)
  const error = signal<string | null>(null)

  const keep = (value: Session | null) => {
    session.value = value
    deps.kept.set(value === null ? null : JSON.stringify(value))
  }

  return {
    session,
    busy,
    error,
    token: () => session.peek()?.token ?? null,
    async signIn(staffNo, pin) {
      if (busy.peek()) return false
      busy.value = true
      error.value = null
      try {
        keep(await deps.deviceApi('signIn', { body: { staffNo: staffNo.trim(), pin } }))
        return true
      } catch (failure) {
        error.value = deps.errorText(failure)
        return false
      } finally {
        busy.value = false
      }
    },
    async signOut() {
      if (busy.peek()) return
      busy.value = true
      error.value = null
      try {
        await deps.staffApi('signOut')
        keep(null)
      } catch (failure) {
        const code = deps.errorCode(failure)
        // A session the server no longer knows is signed out already.
        if (code === 'UNAUTHORIZED') keep(null)
        else error.value = deps.errorText(failure)
      } finally {
        busy.value = false
      }
    },
    async restore() {
      if (session.peek() === null) return
      try {
        await deps.staffApi('whoAmI')
      } catch (failure) {
        if (deps.errorCode(failure) === 'UNAUTHORIZED') keep(null)
      }
    },
    expire(message) {
      keep(null)
      error.value = message
    },
  }
}
