import type { DomainEvent, HallState } from '@hall/domain'
import type { AuditEntry, DeviceRole, StaffRole } from '@hall/protocol'
import type { Db } from './db.js'
import { type EventCodec, eventCodec, SNAPSHOT_VERSION, type StoredEvent } from './event-codec.js'

/** Reads and the few writes that are not commands of the hall (enrolment, secrets, sessions). */

export interface DeviceRecord {
  id: string
  name: string
  role: DeviceRole
  windowId: string | null
  terminal: string | null
  tokenHash: string | null
  revokedAt: number | null
}

interface DeviceRow {
  id: string
  name: string
  role: DeviceRole
  window_id: string | null
  terminal: string | null
  token_hash: string | null
  revoked_at: number | null
}

const deviceOf = (r: DeviceRow): DeviceRecord => ({
  id: r.id,
  name: r.name,
  role: r.role,
  windowId: r.window_id,
  terminal: r.terminal,
  tokenHash: r.token_hash,
  revokedAt: r.revoked_at,
})

export async function upsertDevice(
  db: Db,
  d: { id: string; name: string; role: DeviceRole; windowId: string | null; terminal: string | null },
): Promise<void> {
  await db.run(
    `INSERT INTO devices (id, name, role, window_id, terminal) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, window_id = excluded.window_id,
     terminal = excluded.terminal`,
    [d.id, d.name, d.role, d.windowId, d.terminal],
  )
}

export async function setDeviceToken(db: Db, id: string, tokenHash: string, at: number): Promise<void> {
  await db.run('UPDATE devices SET token_hash = ?, enrolled_at = ?, revoked_at = NULL WHERE id = ?', [
    tokenHash,
    at,
    id,
  ])
}

export async function revokeDevice(db: Db, id: string, at: number): Promise<void> {
  await db.run('UPDATE devices SET revoked_at = ?, token_hash = NULL WHERE id = ?', [at, id])
}

export async function deviceByTokenHash(db: Db, tokenHash: string): Promise<DeviceRecord | null> {
  const row = await db.get<DeviceRow>('SELECT * FROM devices WHERE token_hash = ? AND revoked_at IS NULL', [
    tokenHash,
  ])
  return row ? deviceOf(row) : null
}

export async function listDevices(db: Db): Promise<DeviceRecord[]> {
  return (await db.all<DeviceRow>('SELECT * FROM devices ORDER BY id')).map(deviceOf)
}

export async function setPinHash(db: Db, staffNo: string, pinHash: string, at: number): Promise<void> {
  await db.run(
    `INSERT INTO staff_secrets (staff_no, pin_hash, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (staff_no) DO UPDATE SET pin_hash = excluded.pin_hash, failed_count = 0, locked_until = NULL,
     updated_at = excluded.updated_at`,
    [staffNo, pinHash, at],
  )
}

export interface StaffSecret {
  pinHash: string
  failedCount: number
  lockedUntil: number | null
}

export async function staffSecret(db: Db, staffNo: string): Promise<StaffSecret | null> {
  const row = await db.get<{ pin_hash: string; failed_count: number; locked_until: number | null }>(
    'SELECT pin_hash, failed_count, locked_until FROM staff_secrets WHERE staff_no = ?',
    [staffNo],
  )
  return row ? { pinHash: row.pin_hash, failedCount: row.failed_count, lockedUntil: row.locked_until } : null
}

/**
 * Counts a sign-in try: a right PIN clears the count, a wrong one adds to it and, at `lockAfter`
 * wrong tries in a row, locks the staff number until `lockUntil`. A lock that has run out starts the
 * count again from this try. Answers the count and lock after the update.
 */
export async function recordSignInAttempt(
  db: Db,
  staffNo: string,
  ok: boolean,
  lockAfter: number,
  lockUntil: number,
  now: number,
): Promise<{ failedCount: number; lockedUntil: number | null }> {
  if (ok) {
    await db.run('UPDATE staff_secrets SET failed_count = 0, locked_until = NULL WHERE staff_no = ?', [
      staffNo,
    ])
    return { failedCount: 0, lockedUntil: null }
  }
  // SET expressions all read the row as it was before the update.
  const count = 'CASE WHEN locked_until IS NOT NULL AND locked_until <= ?1 THEN 1 ELSE failed_count + 1 END'
  const row = await db.get<{ failed_count: number; locked_until: number | null }>(
    `UPDATE staff_secrets SET failed_count = ${count},
       locked_until = CASE WHEN ${count} >= ?2 THEN ?3
                           WHEN locked_until IS NOT NULL AND locked_until <= ?1 THEN NULL
                           ELSE locked_until END
     WHERE staff_no = ?4 RETURNING failed_count, locked_until`,
    [now, lockAfter, lockUntil, staffNo],
  )
  return { failedCount: row?.failed_count ?? 0, lockedUntil: row?.locked_until ?? null }
}

export interface SessionRecord {
  staffNo: string
  role: StaffRole
  deviceId: string
  windowId: string | null
  expiresAt: number
}

export async function createSession(db: Db, tokenHash: string, s: SessionRecord, at: number): Promise<void> {
  await db.run(
    `INSERT INTO sessions (token_hash, staff_no, role, device_id, window_id, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [tokenHash, s.staffNo, s.role, s.deviceId, s.windowId, at, s.expiresAt],
  )
}

export async function sessionByTokenHash(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<SessionRecord | null> {
  const row = await db.get<{
    staff_no: string
    role: StaffRole
    device_id: string
    window_id: string | null
    expires_at: number
  }>('SELECT * FROM sessions WHERE token_hash = ? AND ended_at IS NULL AND expires_at > ?', [tokenHash, now])
  return row
    ? {
        staffNo: row.staff_no,
        role: row.role,
        deviceId: row.device_id,
        windowId: row.window_id,
        expiresAt: row.expires_at,
      }
    : null
}

/** Ends the sessions of a staff member (all, or those of one window). */
export async function endSessions(db: Db, staffNo: string, at: number): Promise<void> {
  await db.run('UPDATE sessions SET ended_at = ? WHERE staff_no = ? AND ended_at IS NULL', [at, staffNo])
}

export async function endSession(db: Db, tokenHash: string, at: number): Promise<void> {
  await db.run('UPDATE sessions SET ended_at = ? WHERE token_hash = ?', [at, tokenHash])
}

/**
 * The audit log: every event with its actor (what was done), merged with the audit table (what was
 * refused, and sign-ins), newest first.
 */
export async function listAudit(db: Db, limit: number): Promise<AuditEntry[]> {
  return db.all<AuditEntry>(
    `SELECT id, at, actor, action, subject, outcome, detail FROM (
       SELECT -seq AS id, at, actor, type AS action, NULL AS subject, 'ok' AS outcome, NULL AS detail, seq AS ord
         FROM (SELECT * FROM events WHERE actor <> 'system' ORDER BY seq DESC LIMIT ?)
       UNION ALL
       SELECT id, at, actor, action, subject, outcome, detail, NULL AS ord
         FROM (SELECT * FROM audit ORDER BY id DESC LIMIT ?)
     ) ORDER BY at DESC, ord DESC LIMIT ?`,
    [limit, limit, limit],
  )
}

export async function insertApplicant(
  db: Db,
  a: { id: string; idHash: string; nameMasked: string; idMasked: string; sealed: string },
  at: number,
): Promise<void> {
  await db.run(
    'INSERT INTO applicants (id, id_hash, name_masked, id_masked, sealed, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    [a.id, a.idHash, a.nameMasked, a.idMasked, a.sealed, at],
  )
}

export async function applicantIdsByHash(db: Db, idHash: string): Promise<string[]> {
  const rows = await db.all<{ id: string }>('SELECT id FROM applicants WHERE id_hash = ?', [idHash])
  return rows.map((r) => r.id)
}

export async function recordPrintJob(
  db: Db,
  job: { id: string; kind: string; terminal: string | null; status: string },
  at: number,
): Promise<void> {
  await db.run('INSERT INTO print_jobs (id, kind, terminal, status, created_at) VALUES (?, ?, ?, ?, ?)', [
    job.id,
    job.kind,
    job.terminal,
    job.status,
    at,
  ])
}

/** Records a job's outcome; false when the terminal has no such job (another terminal's, or none). */
export async function finishPrintJob(
  db: Db,
  job: { id: string; terminal: string },
  status: string,
  code: string | null,
  message: string | null,
  at: number,
): Promise<boolean> {
  const { changes } = await db.run(
    'UPDATE print_jobs SET status = ?, code = ?, message = ?, finished_at = ? WHERE id = ? AND terminal = ?',
    [status, code, message, at, job.id, job.terminal],
  )
  return changes > 0
}

export async function saveSnapshot(db: Db, seq: number, at: number, state: HallState): Promise<void> {
  await db.run('INSERT OR REPLACE INTO snapshots (seq, at, v, state) VALUES (?, ?, ?, ?)', [
    seq,
    at,
    SNAPSHOT_VERSION,
    JSON.stringify(state),
  ])
  // Older snapshots are only ever a slower way to the same state.
  await db.run('DELETE FROM snapshots WHERE seq < ?', [seq])
}

/**
 * The latest snapshot, if it has today's shape of the state; one of another version is ignored and
 * the state is rebuilt from the whole log, which is kept from its first event.
 */
export async function latestSnapshot(db: Db): Promise<{ seq: number; state: HallState } | null> {
  const row = await db.get<{ seq: number; v: number; state: string }>(
    'SELECT seq, v, state FROM snapshots ORDER BY seq DESC LIMIT 1',
  )
  if (!row || row.v !== SNAPSHOT_VERSION) return null
  return { seq: row.seq, state: JSON.parse(row.state) as HallState }
}

/** Events after `seq`, in pages so a long log does not sit in memory twice. */
export async function* eventsAfter(
  db: Db,
  seq: number,
  codec: EventCodec = eventCodec,
  page = 5000,
): AsyncGenerator<{ seq: number; event: DomainEvent }> {
  let from = seq
  for (;;) {
    const rows = await db.all<StoredEvent>(
      'SELECT seq, type, v, data FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
      [from, page],
    )
    for (const row of rows) yield { seq: row.seq, event: codec.decode(row) }
    if (rows.length < page) return
    from = (rows[rows.length - 1] as { seq: number }).seq
  }
}

export async function lastSeq(db: Db): Promise<number> {
  const row = await db.get<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM events')
  return row?.seq ?? 0
}
