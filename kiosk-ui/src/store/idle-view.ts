import { signal } from '@preact/signals'
import { createIdleTimer, type IdleTimer } from '../logic/idle'

/** The idle timer as the screens see it: the milliseconds left, refreshed once a second. */
export interface IdleView {
  left: { value: number }
  timeoutMs: number
  touch(): void
  stop(): void
}

export function createIdleView(timeoutMs: number, onIdle: () => void): IdleView {
  const left = signal(timeoutMs)
  const timer: IdleTimer = createIdleTimer({
    timeoutMs,
    now: Date.now,
    schedule: (fn, ms) => {
      const id = setTimeout(fn, ms)
      return () => clearTimeout(id)
    },
    onIdle,
  })
  const tick = setInterval(() => {
    left.value = timer.left()
  }, 1000)
  return {
    left,
    timeoutMs,
    touch() {
      timer.touch()
      left.value = timeoutMs
    },
    stop() {
      timer.stop()
      clearInterval(tick)
    },
  }
}
