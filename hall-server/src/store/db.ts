import sqlite3 from 'sqlite3'

/**
 * A small promise face over node-sqlite3. One connection per process: SQLite serialises writers
 * anyway, and one connection keeps the order of statements the order of calls.
 */

export type SqlValue = string | number | bigint | Buffer | null
export type Row = Record<string, unknown>

export type Synchronous = 'FULL' | 'NORMAL'

export interface OpenOptions {
  /** FULL survives power loss; NORMAL (with WAL) survives a crash of the process. */
  synchronous?: Synchronous
  readonly?: boolean
  /** How long a statement waits for another connection's lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number
}

export type BatchPhase = 'begin' | 'statement' | 'commit'
export type FaultInjector = (phase: BatchPhase, sql: string) => Error | number | null | undefined

function runStatement(statement: sqlite3.Statement, params: SqlValue[]): Promise<void> {
  return new Promise((resolve, reject) =>
    statement.run(params, (err: Error | null) => (err ? reject(err) : resolve())),
  )
}

export class Db {
  private readonly statements = new Map<string, Promise<sqlite3.Statement>>()
  private fault: FaultInjector | null = null

  private constructor(private readonly raw: sqlite3.Database) {}

  static async open(file: string, options: OpenOptions = {}): Promise<Db> {
    const busyTimeout = options.busyTimeoutMs ?? 5000
    const mode = options.readonly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE
    const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(db)))
    })
    const db = new Db(raw)
    await db.exec(`PRAGMA busy_timeout = ${busyTimeout}`)
    if (!options.readonly) {
      await db.exec('PRAGMA journal_mode = WAL')
      await db.exec(`PRAGMA synchronous = ${options.synchronous ?? 'FULL'}`)
      await db.exec('PRAGMA foreign_keys = ON')
    }
    return db
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.raw.exec(sql, (err) => (err ? reject(err) : resolve())))
  }

  run(sql: string, params: SqlValue[] = []): Promise<{ lastID: number; changes: number }> {
    return new Promise((resolve, reject) => {
      this.raw.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err)
        else resolve({ lastID: this.lastID, changes: this.changes })
      })
    })
  }

  get<T = Row>(sql: string, params: SqlValue[] = []): Promise<T | undefined> {
    return new Promise((resolve, reject) =>
      this.raw.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as T | undefined))),
    )
  }

  all<T = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return new Promise((resolve, reject) =>
      this.raw.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))),
    )
  }

  /** Runs `work` inside BEGIN IMMEDIATE … COMMIT, rolling back if it throws. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.exec('BEGIN IMMEDIATE')
    try {
      const result = await work()
      await this.exec('COMMIT')
      return result
    } catch (error) {
      await this.exec('ROLLBACK').catch(() => undefined)
      throw error
    }
  }

  /**
   * Runs writes as one transaction (BEGIN IMMEDIATE … COMMIT) through prepared statements: each SQL
   * text is prepared once on this connection and reused with new parameters; nothing is ever pasted
   * into SQL. If a statement or the COMMIT fails, the transaction is rolled back and the error
   * rethrown: either every write is in the database or none is.
   */
  async runBatch(writes: readonly { sql: string; params: SqlValue[] }[]): Promise<void> {
    await this.step('begin', 'BEGIN IMMEDIATE', () => this.exec('BEGIN IMMEDIATE'))
    try {
      for (const write of writes) {
        const statement = await this.prepared(write.sql)
        await this.step('statement', write.sql, () => runStatement(statement, write.params))
      }
      await this.step('commit', 'COMMIT', () => this.exec('COMMIT'))
    } catch (error) {
      // After a failed COMMIT (SQLITE_BUSY, say) the transaction is still open; after some I/O
      // errors SQLite has already rolled it back, and this ROLLBACK fails harmlessly.
      await this.exec('ROLLBACK').catch(() => undefined)
      throw error
    }
  }

  /** The prepared statement for `sql` on this connection, prepared on first use. */
  private prepared(sql: string): Promise<sqlite3.Statement> {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = new Promise<sqlite3.Statement>((resolve, reject) => {
        const prepared = this.raw.prepare(sql, (err) => (err ? reject(err) : resolve(prepared)))
      })
      // A statement that fails to prepare is not kept: the error goes to its batch, and the next
      // batch tries again.
      statement.catch(() => this.statements.delete(sql))
      this.statements.set(sql, statement)
    }
    return statement
  }

  /** How many distinct statements have been prepared (and are kept) on this connection. */
  get preparedCount(): number {
    return this.statements.size
  }

  /**
   * Test seam: a function asked before each step of `runBatch` that may return an error to fail it
   * with (an injected disk-full, busy or I/O error), or a delay in milliseconds to slow it.
   */
  injectFaults(fault: FaultInjector | null): void {
    this.fault = fault
  }

  private async step<T>(phase: BatchPhase, sql: string, work: () => Promise<T>): Promise<T> {
    const injected = this.fault?.(phase, sql)
    if (typeof injected === 'number') await new Promise((resolve) => setTimeout(resolve, injected))
    else if (injected) throw injected
    return work()
  }

  /** Changes whenever another connection (hallctl, say) commits to this database. */
  async dataVersion(): Promise<number> {
    return (await this.get<{ data_version: number }>('PRAGMA data_version'))?.data_version ?? 0
  }

  async close(): Promise<void> {
    const statements = await Promise.allSettled(this.statements.values())
    this.statements.clear()
    for (const s of statements) {
      if (s.status === 'fulfilled') await new Promise<void>((resolve) => s.value.finalize(() => resolve()))
    }
    return new Promise((resolve, reject) => this.raw.close((err) => (err ? reject(err) : resolve())))
  }
}
