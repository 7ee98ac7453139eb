/**
 * Waiting for an answer frame with a timeout, in the manner of zigbee-herdsman's
 * `src/utils/waitress.ts`: register what you wait for before writing the request, then every
 * decoded frame is offered to the waiters in registration order; the first one that matches takes
 * it. Frames no waiter wants are left to the device (unsolicited events).
 */

export interface Waiter<F> {
  promise: Promise<F>
  cancel(): void
}

interface Entry<F> {
  match: (frame: F) => boolean
  resolve: (frame: F) => void
  reject: (error: Error) => void
  timer: NodeJS.Timeout
}

export class Waitress<F> {
  private entries: Entry<F>[] = []

  /** Waits for the first frame `match` accepts; rejects with `onTimeout()` after `timeoutMs`. */
  waitFor(match: (frame: F) => boolean, timeoutMs: number, onTimeout: () => Error): Waiter<F> {
    let entry!: Entry<F>
    const promise = new Promise<F>((resolve, reject) => {
      entry = {
        match,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.remove(entry)
          reject(onTimeout())
        }, timeoutMs),
      }
    })
    this.entries.push(entry)
    // The caller may never await if its write failed; do not report that as unhandled.
    promise.catch(() => {})
    return {
      promise,
      cancel: () => {
        clearTimeout(entry.timer)
        this.remove(entry)
      },
    }
  }

  /** Offers a frame to the waiters; true if one took it. */
  resolve(frame: F): boolean {
    for (const entry of this.entries) {
      if (entry.match(frame)) {
        clearTimeout(entry.timer)
        this.remove(entry)
        entry.resolve(frame)
        return true
      }
    }
    return false
  }

  /** Rejects every waiter (the transport closed, the device stopped). */
  rejectAll(error: Error): void {
    const entries = this.entries
    this.entries = []
    for (const entry of entries) {
      clearTimeout(entry.timer)
      entry.reject(error)
    }
  }

  get size(): number {
    return this.entries.length
  }

  private remove(entry: Entry<F>): void {
    this.entries = this.entries.filter((e) => e !== entry)
  }
}
