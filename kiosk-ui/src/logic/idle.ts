/**
 * Back to the start screen after a while without a touch. The clock and the timer are injected so
 * the behaviour is unit-tested without waiting; the kiosk passes Date.now and setTimeout.
 */

export const DEFAULT_IDLE_MS = 60_000

export interface IdleDeps {
  timeoutMs: number
  now: () => number
  schedule: (fn: () => void, ms: number) => () => void
  onIdle: () => void
}

export interface IdleTimer {
  /** A touch, a key, a card or a scan: the citizen is still there. */
  touch(): void
  /** Milliseconds left before `onIdle`. */
  left(): number
  stop(): void
}

export function createIdleTimer(deps: IdleDeps): IdleTimer {
  let last = deps.now()
  let cancel: (() => void) | null = null
  const arm = () => {
    cancel?.()
    cancel = deps.schedule(check, deps.timeoutMs)
  }
  const check = () => {
    const elapsed = deps.now() - last
    if (elapsed >= deps.timeoutMs) {
      cancel = null
      last = deps.now()
      deps.onIdle()
      arm()
    } else {
      cancel = deps.schedule(check, deps.timeoutMs - elapsed)
    }
  }
  arm()
  return {
    touch() {
      last = deps.now()
    },
    left() {
      return Math.max(0, deps.timeoutMs - (deps.now() - last))
    },
    stop() {
      cancel?.()
      cancel = null
    },
  }
}
