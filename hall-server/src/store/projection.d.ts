import type { RatingView } from '@hall/protocol'
import type { Case, DomainEvent, Effect, FollowUp, Ticket } from '../domain/index.js'
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
export declare function eventWrite(seq: number, event: DomainEvent, at: number, actor: string): Write
export declare function ticketWrite(t: Ticket): Write
export declare function caseWrite(c: Case): Write
export declare function ratingWrite(r: RatingView): Write
export declare function followUpWrite(f: FollowUp): Write
export declare function auditWrite(row: AuditRow): Write
/** The report-table writes for a command's effects, each row once, in its final state. */
export declare function projectionWrites(effects: Effect[]): Write[]
