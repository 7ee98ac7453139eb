/**
 * One request at a time on a device: a promise-chain mutex in the manner of zigbee-herdsman's
 * `src/utils/async-mutex.ts`. Serial devices answer in order and cannot tell two interleaved
 * requests apart, so every exchange runs inside `runExclusive`.
 */

export class AsyncMutex {
  private tail: Promise<void> = Promise.resolve()
  private waiting = 0

  /** Requests queued or running. */
  get pending(): number {
    return this.waiting
  }

  async runExclusive<T>(fn: () => Promise<T>): Promise<T> {
    this.waiting++
    const previous = this.tail
    let release!: () => void
    this.tail = new Promise<void>((resolve) => {
      release = resolve
    })
    try {
      await previous
      return await fn()
    } finally {
      this.waiting--
      release()
    }
  }
}
