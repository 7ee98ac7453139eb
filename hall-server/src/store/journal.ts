import { type Db, inlineSql, type SqlValue } from './db.js'

/**
 * Group commit. Every command's writes (its events, the report tables, its audit line) become one
 * entry; entries that arrive while a transaction is in flight wait and are committed together in
 * the next one. Nothing is acknowledged before its transaction has committed: `commit` resolves
 * only then, and `onCommitted` sees entries in commit order (the order they were appended).
 *
 * If a transaction fails, its entries and all entries appended after them are rejected (they were
 * decided on top of state that is now lost), and `onFailed` runs before anything else can append,
 * so the caller can restore its state from what is committed.
 */

export interface Write {
  sql: string
  params: SqlValue[]
}

export interface Entry<T = unknown> {
  writes: Write[]
  /** Passed back to `onCommitted`: whatever the caller needs to publish the entry. */
  payload: T
}

interface Waiting<T> {
  entry: Entry<T>
  resolve: () => void
  reject: (error: Error) => void
}

export interface JournalHooks<T> {
  onCommitted(payloads: T[]): void
  onFailed(error: Error): void
}

export interface JournalStats {
  transactions: number
  entries: number
  largestBatch: number
}

export class Journal<T> {
  private pending: Waiting<T>[] = []
  private flushing = false
  private waiters: Array<() => void> = []
  readonly stats: JournalStats = { transactions: 0, entries: 0, largestBatch: 0 }

  constructor(
    private readonly db: Db,
    private readonly hooks: JournalHooks<T>,
    private readonly maxBatch = 1000,
  ) {}

  commit(entry: Entry<T>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, resolve, reject })
      if (!this.flushing) {
        this.flushing = true
        // Let the other requests of this turn of the event loop join the same transaction.
        setImmediate(() => void this.flush())
      }
    })
  }

  /** Whether nothing waits to be committed beyond the batch being published. */
  get idle(): boolean {
    return this.pending.length === 0
  }

  /** Resolves when everything appended so far has been committed or rejected. */
  drained(): Promise<void> {
    if (!this.flushing) return Promise.resolve()
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch)
      try {
        // One round trip to SQLite's thread per transaction: the statements go as one script.
        const script = batch.flatMap(({ entry }) => entry.writes.map((w) => inlineSql(w.sql, w.params)))
        await this.db.execTransaction(script)
      } catch (cause) {
        const error = cause instanceof Error ? cause : new Error(String(cause))
        const lost = [...batch, ...this.pending.splice(0)]
        this.hooks.onFailed(error)
        for (const waiting of lost) waiting.reject(error)
        continue
      }
      this.stats.transactions++
      this.stats.entries += batch.length
      this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length)
      this.hooks.onCommitted(batch.map((w) => w.entry.payload))
      for (const waiting of batch) waiting.resolve()
    }
    this.flushing = false
    for (const resolve of this.waiters.splice(0)) resolve()
  }
}
