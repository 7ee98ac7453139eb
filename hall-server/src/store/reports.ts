import { type LoggedEvent, TREND_EVENT_TYPES } from '@hall/domain'
import type { CaseView, FollowUpView, MissingMaterial } from '@hall/protocol'
import type { Db } from './db.js'
import { type EventCodec, eventCodec, type StoredEvent } from './event-codec.js'

/** Reads of the report tables: finished cases, follow-ups, and a day's figures. */

interface CaseRow {
  id: string
  ticket_id: string | null
  ticket_code: string | null
  window_id: string
  staff_no: string
  status: 'open' | 'finished'
  service_item_id: string | null
  service_name: string | null
  case_type: CaseView['caseType']
  outcome: CaseView['outcome']
  receipt_no: string | null
  missing_materials: string
  refusal_reason: string | null
  promise_days: number | null
  promise_deadline: string | null
  supplement_deadline: string | null
  applicant_name: string | null
  opened_at: number
  finished_at: number | null
  rating_deadline: number | null
  rating: CaseView['rating']
  completed_at: number | null
}

const CASE_SELECT = `SELECT c.*, t.code AS ticket_code, a.name_masked AS applicant_name FROM cases c
  LEFT JOIN tickets t ON t.id = c.ticket_id LEFT JOIN applicants a ON a.id = c.applicant_id`

function caseOfRow(r: CaseRow): CaseView {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    ticketCode: r.ticket_code,
    windowId: r.window_id,
    staffNo: r.staff_no,
    status: r.status,
    serviceItemId: r.service_item_id,
    serviceName: r.service_name,
    caseType: r.case_type,
    outcome: r.outcome,
    receiptNo: r.receipt_no,
    missingMaterials: JSON.parse(r.missing_materials) as MissingMaterial[],
    refusalReason: r.refusal_reason,
    promiseDays: r.promise_days,
    promiseDeadline: r.promise_deadline,
    supplementDeadline: r.supplement_deadline,
    applicantName: r.applicant_name,
    openedAt: r.opened_at,
    finishedAt: r.finished_at,
    rating: r.rating,
    ratingDeadline: r.rating_deadline,
    completedAt: r.completed_at,
  }
}

export async function caseRowById(db: Db, id: string): Promise<CaseView | null> {
  const row = await db.get<CaseRow>(`${CASE_SELECT} WHERE c.id = ? OR c.receipt_no = ?`, [id, id])
  return row ? caseOfRow(row) : null
}

/** Cases of the applicants with this blind index (one person's cases), newest first. */
export async function casesByApplicantHash(db: Db, idHash: string, limit = 50): Promise<CaseView[]> {
  const rows = await db.all<CaseRow>(
    `${CASE_SELECT} WHERE c.applicant_id IN (SELECT id FROM applicants WHERE id_hash = ?)
     ORDER BY c.opened_at DESC LIMIT ?`,
    [idHash, limit],
  )
  return rows.map(caseOfRow)
}

export async function followUpsFromDb(db: Db, since: number): Promise<FollowUpView[]> {
  const rows = await db.all<{ data: string }>(
    'SELECT data FROM follow_ups WHERE opened_at >= ? ORDER BY opened_at DESC',
    [since],
  )
  return rows.map((r) => JSON.parse(r.data) as FollowUpView)
}

/** Accepted 承诺件 and 上报件 not yet done, the most urgent first. */
export async function pendingCases(db: Db, limit = 500): Promise<CaseView[]> {
  const rows = await db.all<CaseRow>(
    `${CASE_SELECT} WHERE c.outcome = 'accepted' AND c.case_type IN ('promised', 'reported') AND c.completed_at IS NULL
     ORDER BY c.promise_deadline IS NULL, c.promise_deadline, c.opened_at LIMIT ?`,
    [limit],
  )
  return rows.map(caseOfRow)
}

export function completeCaseWrite(caseId: string, at: number, by: string, note: string | null) {
  return {
    sql: 'UPDATE cases SET completed_at = ?, completed_by = ?, completion_note = ? WHERE id = ? AND completed_at IS NULL',
    params: [at, by, note, caseId],
  }
}

/**
 * The events of the current business day that change who is waiting (see domain/trend.ts), from
 * the last day.opened on. Reading the log backwards to that event stays quick however long the
 * log has grown.
 */
export async function todaysWaitingEvents(db: Db, codec: EventCodec = eventCodec): Promise<LoggedEvent[]> {
  const opened = await db.get<{ seq: number }>(
    "SELECT seq FROM events WHERE type = 'day.opened' ORDER BY seq DESC LIMIT 1",
  )
  const types = TREND_EVENT_TYPES.map(() => '?').join(', ')
  const rows = await db.all<StoredEvent & { at: number }>(
    `SELECT seq, at, type, v, data FROM events WHERE seq >= ? AND type IN (${types}) ORDER BY seq`,
    [opened?.seq ?? 0, ...TREND_EVENT_TYPES],
  )
  return rows.map((row) => ({ at: row.at, event: codec.decode(row) }))
}
