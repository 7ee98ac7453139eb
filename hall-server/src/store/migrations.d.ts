import type { Db } from './db.js'
/**
 * Versioned schema. Each migration runs once, in its own transaction, and `PRAGMA user_version`
 * records how far a database has come. Append new migrations; never edit one that has shipped.
 *
 * `events` is the append-only log the hall is rebuilt from; `tickets`, `cases`, `ratings` and
 * `follow_ups` are the tables reports read, written in the same transaction as the events.
 */
export declare const MIGRATIONS: readonly string[]
export declare function migrate(db: Db): Promise<number>
