import type { Db, SqlValue } from './db.js'

/**
 * Group commit. Every command's writes (its events, the report tables, its audit line) become one
 * entry; entries that arrive while a transaction is in flight wait and are committed together in
 * the next one. Nothing is acknowledged before its transaction has committed: `commit` resolves
 * only then, and `onCommitted` sees entries in commit order (the order they were appended).
 *
 * If a transaction fails, its entries and all entries appended after them are rejected with a
 * CommitFailed (they were decided on top of state that is now lost), `onCommitted` is not called for
 * them, and `onFailed` runs before anything else can append, so the caller can restore its state
 * from what is committed. A listener that throws in `onCommitted` does not un-acknowledge what is
 * committed: the entries still resolve, and the error goes to `onListenerError`.
 *
 * Work that must not interleave with a transaction on the same connection (an administrator's
 * import, say) runs through `exclusive`, between transactions.
 */

/** Why a commit failed, in words for the person who pressed the button. */
function commitFailureMessage(code: string | undefined): string {
  if (code === 'SQLITE_FULL') return '磁盘空间已满，本次操作没有保存，请联系管理员清理磁盘'
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return '数据库正被占用，本次操作没有保存，请稍后重试'
  if (code === 'SQLITE_CONSTRAINT') return '与已保存的记录冲突（如号码重复），本次操作没有保存，请联系管理员'
  if (code?.startsWith('SQLITE_IOERR')) return '磁盘读写出错，本次操作没有保存，请联系管理员'
  return '数据保存失败，本次操作没有保存，请稍后重试'
}

/** A transaction that did not commit: every command in it (and after it) is refused with this. */
export class CommitFailed extends Error {
  /** The SQLite code of the cause (SQLITE_FULL, SQLITE_BUSY, SQLITE_IOERR…), kept for the HTTP layer. */
  readonly code: string

  constructor(override readonly cause: Error) {
    const sqliteCode = (cause as { code?: unknown }).code
    const code =
      typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE') ? sqliteCode : 'SQLITE_ERROR'
    super(commitFailureMessage(code))
    this.name = 'CommitFailed'
    this.code = code
  }
}

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
  onFailed(error: CommitFailed): void
  onListenerError?(error: unknown): void
}

export interface JournalStats {
  transactions: number
  entries: number
  largestBatch: number
  failed: number
}

export class Journal<T> {
  private pending: Waiting<T>[] = []
  private flushing = false
  private waiters: Array<() => void> = []
  readonly stats: JournalStats = { transactions: 0, entries: 0, largestBatch: 0, failed: 0 }
  /** Exclusive work and flushes run one after another on this chain. */
  private turn: Promise<void> = Promise.resolve()

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
        setImmediate(() => {
          this.turn = this.turn.then(() => this.flush())
        })
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

  /**
   * Runs `work` when no transaction is in flight, holding further commits back until it is done:
   * for writes that are not commands (a catalog import) on the same connection.
   */
  exclusive<R>(work: () => Promise<R>): Promise<R> {
    const result = this.turn.then(work)
    this.turn = result.then(
      () => undefined,
      () => undefined,
    )
    return result
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch)
      try {
        await this.db.runBatch(batch.flatMap(({ entry }) => entry.writes))
      } catch (cause) {
        const error = new CommitFailed(cause instanceof Error ? cause : new Error(String(cause)))
        const lost = [...batch, ...this.pending.splice(0)]
        this.stats.failed += lost.length
        try {
          this.hooks.onFailed(error)
        } finally {
          for (const waiting of lost) waiting.reject(error)
        }
        continue
      }
      this.stats.transactions++
      this.stats.entries += batch.length
      this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length)
      try {
        this.hooks.onCommitted(batch.map((w) => w.entry.payload))
      } catch (error) {
        this.hooks.onListenerError?.(error)
      }
      for (const waiting of batch) waiting.resolve()
    }
    this.flushing = false
    for (const resolve of this.waiters.splice(0)) resolve()
  }
}
