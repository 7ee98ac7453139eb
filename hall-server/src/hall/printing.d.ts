import { type PrintJob, type PrintOutcome, type PrintResult, type TicketView } from '@hall/protocol'
import type { Case, DomainConfig } from '../domain/index.js'
import type { Db } from '../store/db.js'
/**
 * Print jobs: the data of a ticket, a 受理凭证, a 一次性告知单 or a 不予受理通知书, sent to the device
 * agent of the terminal that asked, and the outcome it reports. A job whose printer is known to be
 * out of paper or offline fails at once, so the screen can show the number instead.
 */
export interface PrintRoute {
  /** Hands the job to the terminal's agent; says why not if it cannot. */
  dispatch(
    terminal: string,
    job: PrintJob,
  ):
    | {
        ok: true
      }
    | {
        ok: false
        reason: 'no_printer' | 'failed'
        message: string
      }
}
export type PrintListener = (terminal: string, result: PrintResult) => void
export declare class Printing {
  private readonly db
  private readonly clock
  private route
  private readonly pending
  private readonly listeners
  constructor(db: Db, clock: () => number)
  attach(route: PrintRoute): void
  onResult(listener: PrintListener): () => void
  print(terminal: string | null, job: Omit<PrintJob, 'jobId'>): Promise<PrintOutcome>
  /** An agent's report on a job. Unknown jobs (a report after a restart) are still recorded. */
  result(terminal: string, result: PrintResult): Promise<void>
}
export declare function ticketJob(
  config: DomainConfig,
  ticket: TicketView,
  queueName: string,
  peopleAhead: number,
  estimatedWaitMinutes: number | null,
  qrContent: string,
): Omit<PrintJob, 'jobId'>
/** The paper a finished case gives the applicant: 受理凭证, 一次性告知单 or 不予受理通知书. */
export declare function caseJob(
  config: DomainConfig,
  found: Case,
  staffName: string,
  windowName: string,
  consultPhone: string | null,
): Omit<PrintJob, 'jobId'> | null
