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

/**
 * A single-row `INSERT INTO t (a, b) VALUES (?, ?) [ON CONFLICT …]` and its many-row form, which
 * reads the rows from one JSON array of arrays: `INSERT INTO t (a, b) SELECT value->>0, value->>1
 * FROM json_each(?) WHERE true [ON CONFLICT …]` (the `WHERE true` keeps SQLite from reading ON
 * CONFLICT as a join's ON). SQLite inserts (and upserts) the rows one by one in array order, so a
 * row that comes twice ends as its last write, as it would one statement at a time.
 */
interface InsertShape {
  table: string
  manyRowsSql: string
}

const SINGLE_ROW_INSERT =
  /^\s*INSERT\s+INTO\s+([A-Za-z_][A-Za-z0-9_]*)\s*(\([^()]*\))\s*VALUES\s*\(\s*(\?(?:\s*,\s*\?)*)\s*\)([^?;]*)$/i

const shapes = new Map<string, InsertShape | null>()

/** The many-row form of `sql`, or null if it is not a plain single-row INSERT of `?` parameters. */
export function insertShape(sql: string): InsertShape | null {
  let shape = shapes.get(sql)
  if (shape === undefined) {
    const match = SINGLE_ROW_INSERT.exec(sql)
    if (match) {
      const [, table, columns, placeholders, rest] = match as unknown as [
        string,
        string,
        string,
        string,
        string,
      ]
      const count = placeholders.split(',').length
      const values = Array.from({ length: count }, (_, i) => `value->>${i}`).join(', ')
      shape = {
        table: table.toLowerCase(),
        manyRowsSql: `INSERT INTO ${table} ${columns} SELECT ${values} FROM json_each(?) WHERE true${rest.trimEnd()}`,
      }
    } else shape = null
    shapes.set(sql, shape)
  }
  return shape
}

/** Lone UTF-16 surrogates, which JSON would carry differently from a bound string. */
const LONE_SURROGATE = /\p{Cs}/u

/**
 * Whether a row goes through JSON unchanged: text, NULL and integers JSON and SQLite both hold
 * exactly. Blobs, bigints and fractional numbers (SQLite's JSON reader may round the last digit of
 * a double) are bound as they are instead.
 */
function jsonSafe(params: readonly SqlValue[]): boolean {
  for (const value of params) {
    if (value === null) continue
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return false
    } else if (typeof value !== 'number' || !Number.isSafeInteger(value)) return false
  }
  return true
}

export interface PlannedWrite {
  sql: string
  params: SqlValue[]
}

/**
 * The statements that make `writes` in as few trips as may be: the single-row INSERTs between two
 * other writes are merged, one statement per table and SQL text, each table's rows kept in their
 * order. Inserts into different tables commute (the schema has no triggers, and foreign keys are
 * deferred to COMMIT), so only the order within a table matters. Any other write (an UPDATE, a
 * DELETE, an insert with a blob) runs alone, in its place, with the merged inserts before it run
 * first.
 */
export function planBatch(writes: readonly { sql: string; params: SqlValue[] }[]): PlannedWrite[] {
  const planned: PlannedWrite[] = []
  // Per table, in order of first appearance: runs of rows sharing one SQL text.
  let tables = new Map<string, { shape: InsertShape; rows: SqlValue[][] }[]>()
  const flush = () => {
    for (const runs of tables.values())
      for (const run of runs) planned.push({ sql: run.shape.manyRowsSql, params: [JSON.stringify(run.rows)] })
    tables = new Map()
  }
  for (const write of writes) {
    const shape = insertShape(write.sql)
    if (!shape || !jsonSafe(write.params)) {
      flush()
      planned.push({ sql: write.sql, params: write.params })
      continue
    }
    const runs = tables.get(shape.table) ?? []
    tables.set(shape.table, runs)
    const last = runs[runs.length - 1]
    if (last?.shape === shape) last.rows.push(write.params)
    else runs.push({ shape, rows: [write.params] })
  }
  flush()
  return planned
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
   *
   * Each statement is one trip to node-sqlite3's worker thread, awaited before the next is sent (so
   * nothing runs after SQLite has rolled the transaction back by itself). To keep the trips few, a
   * batch's single-row INSERTs are merged per table (see `planBatch`): one prepared statement takes
   * all of the table's rows as one JSON parameter, however many there are.
   */
  async runBatch(writes: readonly { sql: string; params: SqlValue[] }[]): Promise<void> {
    // Inserts are regrouped by table, so a foreign key to a row later in the batch is checked at
    // COMMIT rather than per statement (the pragma ends with the transaction).
    await this.step('begin', 'BEGIN IMMEDIATE', () =>
      this.exec('BEGIN IMMEDIATE; PRAGMA defer_foreign_keys = ON'),
    )
    try {
      for (const write of planBatch(writes)) {
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
