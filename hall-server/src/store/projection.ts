import type { Case, DomainEvent, Effect, FollowUp, Ticket } from '@hall/domain'
import type { RatingView } from '@hall/protocol'
import { type EventCodec, eventCodec } from './event-codec.js'
import type { Write } from './journal.js'

/**
 * The writes one command makes: its events into the log, and the rows of the report tables it
 * touched, in their final state. Pure: it builds statements, the journal runs them.
 */

export interface AuditRow {
  at: number
  actor: string
  action: string
  subject: string | null
  outcome: 'ok' | 'refused'
  detail: string | null
}

export function eventWrite(
  seq: number,
  event: DomainEvent,
  at: number,
  actor: string,
  codec: EventCodec = eventCodec,
): Write {
  const stored = codec.encode(event)
  return {
    sql: 'INSERT INTO events (seq, at, type, actor, v, data) VALUES (?, ?, ?, ?, ?, ?)',
    params: [seq, at, stored.type, actor, stored.v, stored.data],
  }
}

const TICKET_INSERT = `INSERT INTO tickets (id, business_date, queue_id, number, code, priority, status,
  source, issued_at, called_at, first_called_at, serving_at, finished_at, window_id, recall_count,
  transfer_queue_id, transfer_window_id, applicant_id, appointment_id, service_item_id)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

/**
 * A ticket's row. One the command issued is a plain INSERT: its id is date-queue-number, so a
 * number handed out twice (a counter restored wrong after a restart, say) is a primary-key
 * violation, the whole transaction is rolled back and the command refused, instead of the second
 * ticket silently overwriting the first. Any other change to a ticket updates its row.
 */
export function ticketWrite(t: Ticket, issued: boolean): Write {
  return {
    sql: issued
      ? TICKET_INSERT
      : `${TICKET_INSERT}
  ON CONFLICT (id) DO UPDATE SET status = excluded.status, called_at = excluded.called_at,
  first_called_at = excluded.first_called_at, serving_at = excluded.serving_at,
  finished_at = excluded.finished_at, window_id = excluded.window_id,
  recall_count = excluded.recall_count, transfer_queue_id = excluded.transfer_queue_id,
  transfer_window_id = excluded.transfer_window_id`,
    params: [
      t.id,
      t.businessDate,
      t.queueId,
      t.number,
      t.code,
      t.priority,
      t.status,
      t.source,
      t.issuedAt,
      t.calledAt,
      t.firstCalledAt,
      t.servingAt,
      t.finishedAt,
      t.windowId,
      t.recallCount,
      t.transferQueueId,
      t.transferWindowId,
      t.applicant?.id ?? null,
      t.appointmentId,
      t.serviceItemId,
    ],
  }
}

export function caseWrite(c: Case): Write {
  return {
    sql: `INSERT INTO cases (id, ticket_id, window_id, staff_no, status, service_item_id, service_name,
      case_type, outcome, receipt_no, missing_materials, refusal_reason, promise_days, promise_deadline,
      supplement_deadline, applicant_id, note, opened_at, finished_at, rating_deadline, rating)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, service_item_id = excluded.service_item_id,
      service_name = excluded.service_name, case_type = excluded.case_type, outcome = excluded.outcome,
      receipt_no = excluded.receipt_no, missing_materials = excluded.missing_materials,
      refusal_reason = excluded.refusal_reason, promise_days = excluded.promise_days,
      promise_deadline = excluded.promise_deadline, supplement_deadline = excluded.supplement_deadline,
      applicant_id = excluded.applicant_id, note = excluded.note, finished_at = excluded.finished_at,
      rating_deadline = excluded.rating_deadline, rating = excluded.rating`,
    params: [
      c.id,
      c.ticketId,
      c.windowId,
      c.staffNo,
      c.status,
      c.serviceItemId,
      c.serviceName,
      c.caseType,
      c.outcome,
      c.receiptNo,
      JSON.stringify(c.missingMaterials),
      c.refusalReason,
      c.promiseDays,
      c.promiseDeadline,
      c.supplementDeadline,
      c.applicant?.id ?? null,
      c.note,
      c.openedAt,
      c.finishedAt,
      c.ratingDeadline,
      c.rating,
    ],
  }
}

export function ratingWrite(r: RatingView): Write {
  // A plain INSERT: the primary key is the store's own guard of 一次一评.
  return {
    sql: `INSERT INTO ratings (case_id, window_id, staff_no, level, reasons, comment, channel, at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    params: [r.caseId, r.windowId, r.staffNo, r.level, JSON.stringify(r.reasons), r.comment, r.channel, r.at],
  }
}

export function followUpWrite(f: FollowUp): Write {
  return {
    sql: `INSERT INTO follow_ups (id, case_id, status, opened_at, deadline, closed_at, data) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, closed_at = excluded.closed_at, data = excluded.data`,
    params: [f.id, f.caseId, f.status, f.openedAt, f.deadline, f.closedAt, JSON.stringify(f)],
  }
}

export function auditWrite(row: AuditRow): Write {
  return {
    sql: 'INSERT INTO audit (at, actor, action, subject, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)',
    params: [row.at, row.actor, row.action, row.subject, row.outcome, row.detail],
  }
}

/**
 * The report-table writes for a command's effects, each row once, in its final state. `events` are
 * the command's events: a ticket they issue is inserted, never upserted (see ticketWrite).
 */
export function projectionWrites(effects: Effect[], events: readonly DomainEvent[]): Write[] {
  const issued = new Set<string>()
  for (const event of events) if (event.type === 'ticket.issued') issued.add(event.ticket.id)
  const tickets = new Map<string, Ticket>()
  const cases = new Map<string, Case>()
  const followUps = new Map<string, FollowUp>()
  const ratings: RatingView[] = []
  for (const effect of effects) {
    if (effect.kind === 'ticket') tickets.set(effect.ticket.id, effect.ticket)
    else if (effect.kind === 'case') cases.set(effect.case.id, effect.case)
    else if (effect.kind === 'followUp') followUps.set(effect.followUp.id, effect.followUp)
    else if (effect.kind === 'rating') ratings.push(effect.rating)
  }
  return [
    ...[...tickets.values()].map((t) => ticketWrite(t, issued.has(t.id))),
    ...[...cases.values()].map(caseWrite),
    ...ratings.map(ratingWrite),
    ...[...followUps.values()].map(followUpWrite),
  ]
}
