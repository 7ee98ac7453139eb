import type { AuditEntry, DeviceRole, StaffRole } from '@hall/protocol'
import type { DomainEvent, HallState } from '../domain/index.js'
import type { Db } from './db.js'
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
export declare function upsertDevice(
  db: Db,
  d: {
    id: string
    name: string
    role: DeviceRole
    windowId: string | null
    terminal: string | null
  },
): Promise<void>
export declare function setDeviceToken(db: Db, id: string, tokenHash: string, at: number): Promise<void>
export declare function revokeDevice(db: Db, id: string, at: number): Promise<void>
export declare function deviceByTokenHash(db: Db, tokenHash: string): Promise<DeviceRecord | null>
export declare function listDevices(db: Db): Promise<DeviceRecord[]>
export declare function setPinHash(db: Db, staffNo: string, pinHash: string, at: number): Promise<void>
export interface StaffSecret {
  pinHash: string
  failedCount: number
  lockedUntil: number | null
}
export declare function staffSecret(db: Db, staffNo: string): Promise<StaffSecret | null>
export declare function recordSignInAttempt(
  db: Db,
  staffNo: string,
  ok: boolean,
  lockAfter: number,
  lockUntil: number,
): Promise<void>
export interface SessionRecord {
  staffNo: string
  role: StaffRole
  deviceId: string
  windowId: string | null
  expiresAt: number
}
export declare function createSession(db: Db, tokenHash: string, s: SessionRecord, at: number): Promise<void>
export declare function sessionByTokenHash(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<SessionRecord | null>
/** Ends the sessions of a staff member (all, or those of one window). */
export declare function endSessions(db: Db, staffNo: string, at: number): Promise<void>
export declare function endSession(db: Db, tokenHash: string, at: number): Promise<void>
/**
 * The audit log: every event with its actor (what was done), merged with the audit table (what was
 * refused, and sign-ins), newest first.
 */
export declare function listAudit(db: Db, limit: number): Promise<AuditEntry[]>
export declare function insertApplicant(
  db: Db,
  a: {
    id: string
    idHash: string
    nameMasked: string
    idMasked: string
    sealed: string
  },
  at: number,
): Promise<void>
export declare function applicantIdsByHash(db: Db, idHash: string): Promise<string[]>
export declare function recordPrintJob(
  db: Db,
  job: {
    id: string
    kind: string
    terminal: string | null
    status: string
  },
  at: number,
): Promise<void>
export declare function finishPrintJob(
  db: Db,
  id: string,
  status: string,
  code: string | null,
  message: string | null,
  at: number,
): Promise<void>
export declare function saveSnapshot(db: Db, seq: number, at: number, state: HallState): Promise<void>
export declare function latestSnapshot(db: Db): Promise<{
  seq: number
  state: HallState
} | null>
/** Events after `seq`, in pages so a long log does not sit in memory twice. */
export declare function eventsAfter(
  db: Db,
  seq: number,
  page?: number,
): AsyncGenerator<{
  seq: number
  event: DomainEvent
}>
export declare function lastSeq(db: Db): Promise<number>
