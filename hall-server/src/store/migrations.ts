import type { Db } from './db.js'

/**
 * Versioned schema. Each migration runs once, in its own transaction, and `PRAGMA user_version`
 * records how far a database has come. Append new migrations; never edit one that has shipped.
 *
 * `events` is the append-only log the hall is rebuilt from; `tickets`, `cases`, `ratings` and
 * `follow_ups` are the tables reports read, written in the same transaction as the events.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    type TEXT NOT NULL,
    actor TEXT NOT NULL,
    data TEXT NOT NULL
  );

  CREATE TABLE snapshots (
    seq INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    state TEXT NOT NULL
  );

  CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    business_date TEXT NOT NULL,
    queue_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    code TEXT NOT NULL,
    priority TEXT NOT NULL,
    status TEXT NOT NULL,
    source TEXT NOT NULL,
    issued_at INTEGER NOT NULL,
    called_at INTEGER,
    first_called_at INTEGER,
    serving_at INTEGER,
    finished_at INTEGER,
    window_id TEXT,
    recall_count INTEGER NOT NULL,
    transfer_queue_id TEXT,
    transfer_window_id TEXT,
    applicant_id TEXT,
    appointment_id TEXT,
    service_item_id TEXT,
    UNIQUE (business_date, queue_id, number)
  );
  CREATE INDEX tickets_date ON tickets (business_date, status);

  CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    ticket_id TEXT,
    window_id TEXT NOT NULL,
    staff_no TEXT NOT NULL,
    status TEXT NOT NULL,
    service_item_id TEXT,
    service_name TEXT,
    case_type TEXT,
    outcome TEXT,
    receipt_no TEXT UNIQUE,
    missing_materials TEXT NOT NULL,
    refusal_reason TEXT,
    promise_days INTEGER,
    promise_deadline TEXT,
    supplement_deadline TEXT,
    applicant_id TEXT,
    note TEXT,
    opened_at INTEGER NOT NULL,
    finished_at INTEGER,
    rating_deadline INTEGER,
    rating TEXT
  );
  CREATE INDEX cases_applicant ON cases (applicant_id);
  CREATE INDEX cases_opened ON cases (opened_at);

  CREATE TABLE ratings (
    case_id TEXT PRIMARY KEY,
    window_id TEXT NOT NULL,
    staff_no TEXT NOT NULL,
    level TEXT NOT NULL,
    reasons TEXT NOT NULL,
    comment TEXT,
    channel TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX ratings_at ON ratings (at);

  CREATE TABLE follow_ups (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    opened_at INTEGER NOT NULL,
    deadline INTEGER NOT NULL,
    closed_at INTEGER,
    data TEXT NOT NULL
  );

  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT,
    outcome TEXT NOT NULL,
    detail TEXT
  );
  CREATE INDEX audit_at ON audit (at);

  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    window_id TEXT,
    terminal TEXT,
    token_hash TEXT UNIQUE,
    enrolled_at INTEGER,
    revoked_at INTEGER
  );

  CREATE TABLE staff_secrets (
    staff_no TEXT PRIMARY KEY,
    pin_hash TEXT NOT NULL,
    failed_count INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER,
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    staff_no TEXT NOT NULL,
    role TEXT NOT NULL,
    device_id TEXT NOT NULL,
    window_id TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    ended_at INTEGER
  );

  CREATE TABLE applicants (
    id TEXT PRIMARY KEY,
    id_hash TEXT NOT NULL,
    name_masked TEXT NOT NULL,
    id_masked TEXT NOT NULL,
    sealed TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX applicants_hash ON applicants (id_hash);

  CREATE TABLE catalog (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    category TEXT NOT NULL,
    name TEXT NOT NULL,
    item_type TEXT NOT NULL,
    queue_id TEXT,
    initials TEXT NOT NULL,
    guide TEXT NOT NULL
  );

  CREATE TABLE print_jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    terminal TEXT,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    finished_at INTEGER,
    code TEXT,
    message TEXT
  );
  `,
  `
  CREATE TABLE appointments (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    date TEXT NOT NULL,
    slot TEXT,
    queue_id TEXT NOT NULL,
    service_item_id TEXT,
    name_masked TEXT NOT NULL,
    id_hash TEXT,
    id_masked TEXT,
    status TEXT NOT NULL,
    ticket_id TEXT,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    checked_in_at INTEGER
  );
  CREATE INDEX appointments_date ON appointments (date, status);
  CREATE INDEX appointments_person ON appointments (id_hash, date);
  `,
  `
  ALTER TABLE cases ADD COLUMN completed_at INTEGER;
  ALTER TABLE cases ADD COLUMN completed_by TEXT;
  ALTER TABLE cases ADD COLUMN completion_note TEXT;
  CREATE INDEX cases_pending ON cases (outcome, completed_at, promise_deadline);
  `,
  // The shape version of each stored event and snapshot (see event-codec.ts); what was stored
  // before is version 1.
  `
  ALTER TABLE events ADD COLUMN v INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE snapshots ADD COLUMN v INTEGER NOT NULL DEFAULT 1;
  `,
]

export async function migrate(db: Db): Promise<number> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version')
  let version = row?.user_version ?? 0
  for (; version < MIGRATIONS.length; version++) {
    const sql = MIGRATIONS[version] as string
    await db.transaction(async () => {
      await db.exec(sql)
      await db.exec(`PRAGMA user_version = ${version + 1}`)
    })
  }
  return version
}
