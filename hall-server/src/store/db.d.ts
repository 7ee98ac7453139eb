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
export declare class Db {
  private readonly raw
  private constructor()
  static open(file: string, options?: OpenOptions): Promise<Db>
  exec(sql: string): Promise<void>
  run(
    sql: string,
    params?: SqlValue[],
  ): Promise<{
    lastID: number
    changes: number
  }>
  get<T = Row>(sql: string, params?: SqlValue[]): Promise<T | undefined>
  all<T = Row>(sql: string, params?: SqlValue[]): Promise<T[]>
  /** Runs `work` inside BEGIN IMMEDIATE … COMMIT, rolling back if it throws. */
  transaction<T>(work: () => Promise<T>): Promise<T>
  /** Runs statements as one script inside BEGIN IMMEDIATE … COMMIT; rolls back if one fails. */
  execTransaction(statements: string[]): Promise<void>
  /** Changes whenever another connection (hallctl, say) commits to this database. */
  dataVersion(): Promise<number>
  close(): Promise<void>
}
/** A value as an SQL literal. Text that holds a NUL goes as a blob cast, since a script ends at NUL. */
export declare function sqlLiteral(value: SqlValue): string
/** Binds positional `?` parameters as literals (the SQL given has no `?` inside its own strings). */
export declare function inlineSql(sql: string, params: SqlValue[]): string
