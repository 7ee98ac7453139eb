import { type Db, type SqlValue } from './db.js'
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
export interface JournalHooks<T> {
  onCommitted(payloads: T[]): void
  onFailed(error: Error): void
}
export interface JournalStats {
  transactions: number
  entries: number
  largestBatch: number
}
export declare class Journal<T> {
  private readonly db
  private readonly hooks
  private readonly maxBatch
  private pending
  private flushing
  private waiters
  readonly stats: JournalStats
  constructor(db: Db, hooks: JournalHooks<T>, maxBatch?: number)
  commit(entry: Entry<T>): Promise<void>
  /** Whether nothing waits to be committed beyond the batch being published. */
  get idle(): boolean
  /** Resolves when everything appended so far has been committed or rejected. */
  drained(): Promise<void>
  private flush
}
