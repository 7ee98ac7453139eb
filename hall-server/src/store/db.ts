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
}

export class Db {
  private constructor(private readonly raw: sqlite3.Database) {}

  static async open(file: string, options: OpenOptions = {}): Promise<Db> {
    const mode = options.readonly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE
    const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(db)))
    })
    const db = new Db(raw)
    await db.exec('PRAGMA busy_timeout = 5000')
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

  /** Runs statements as one script inside BEGIN IMMEDIATE … COMMIT; rolls back if one fails. */
  async execTransaction(statements: string[]): Promise<void> {
    try {
      await this.exec(`BEGIN IMMEDIATE;\n${statements.join(';\n')};\nCOMMIT;`)
    } catch (error) {
      await this.exec('ROLLBACK').catch(() => undefined)
      throw error
    }
  }

  /** Changes whenever another connection (hallctl, say) commits to this database. */
  async dataVersion(): Promise<number> {
    return (await this.get<{ data_version: number }>('PRAGMA data_version'))?.data_version ?? 0
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.raw.close((err) => (err ? reject(err) : resolve())))
  }
}

/** A value as an SQL literal. Text that holds a NUL goes as a blob cast, since a script ends at NUL. */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot store ${value}`)
    return String(value)
  }
  if (typeof value === 'bigint') return value.toString()
  if (Buffer.isBuffer(value)) return `X'${value.toString('hex')}'`
  if (value.includes('\u0000')) return `CAST(X'${Buffer.from(value, 'utf8').toString('hex')}' AS TEXT)`
  return `'${value.replaceAll("'", "''")}'`
}

/** Binds positional `?` parameters as literals (the SQL given has no `?` inside its own strings). */
export function inlineSql(sql: string, params: SqlValue[]): string {
  let i = 0
  const text = sql.replace(/\?/g, () => {
    if (i >= params.length) throw new Error(`too few parameters for: ${sql}`)
    return sqlLiteral(params[i++] as SqlValue)
  })
  if (i !== params.length) throw new Error(`too many parameters for: ${sql}`)
  return text
}
