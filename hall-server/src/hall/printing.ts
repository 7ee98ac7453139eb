import { randomUUID } from 'node:crypto'
import type { Case, DomainConfig } from '@hall/domain'
import { formatLocal } from '@hall/domain'
import {
  CASE_TYPE_LABELS,
  PRIORITY_LABELS,
  type PrintJob,
  type PrintOutcome,
  type PrintResult,
  type TicketView,
} from '@hall/protocol'
import type { Db } from '../store/db.js'
import { finishPrintJob, recordPrintJob } from '../store/repos.js'
import { CommandRefused } from './service.js'

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
  ): { ok: true } | { ok: false; reason: 'no_printer' | 'failed'; message: string }
}

export type PrintListener = (terminal: string, result: PrintResult) => void

export class Printing {
  private route: PrintRoute | null = null
  private readonly pending = new Map<string, { terminal: string; kind: string }>()
  private readonly listeners = new Set<PrintListener>()

  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
  ) {}

  attach(route: PrintRoute): void {
    this.route = route
  }

  onResult(listener: PrintListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async print(terminal: string | null, job: Omit<PrintJob, 'jobId'>): Promise<PrintOutcome> {
    if (terminal === null || this.route === null)
      return { jobId: null, status: 'no_printer', message: '此终端没有打印机' }
    const full = { ...job, jobId: randomUUID() } as PrintJob
    const sent = this.route.dispatch(terminal, full)
    const status = sent.ok ? 'queued' : sent.reason
    await recordPrintJob(this.db, { id: full.jobId, kind: full.kind, terminal, status }, this.clock())
    if (!sent.ok) return { jobId: full.jobId, status: sent.reason, message: sent.message }
    this.pending.set(full.jobId, { terminal, kind: full.kind })
    return { jobId: full.jobId, status: 'queued', message: null }
  }

  /**
   * An agent's report on a job of its own terminal (one sent before a restart too: the job is
   * stored). A report on another terminal's job, or on none, is refused and changes nothing.
   */
  async result(terminal: string, result: PrintResult): Promise<void> {
    const found = await finishPrintJob(
      this.db,
      { id: result.jobId, terminal },
      result.ok ? 'printed' : 'failed',
      result.code,
      result.message,
      this.clock(),
    )
    if (!found) throw new CommandRefused('NOT_FOUND', '此终端没有这个打印任务')
    this.pending.delete(result.jobId)
    for (const listener of this.listeners) listener(terminal, result)
  }
}

export function ticketJob(
  config: DomainConfig,
  ticket: TicketView,
  queueName: string,
  peopleAhead: number,
  estimatedWaitMinutes: number | null,
  qrContent: string,
): Omit<PrintJob, 'jobId'> {
  return {
    kind: 'ticket',
    data: {
      hallName: config.hallName,
      code: ticket.code,
      queueName,
      peopleAhead,
      estimatedWaitMinutes,
      issuedAt: formatLocal(ticket.issuedAt, config.utcOffsetMinutes),
      priorityLabel: ticket.priority === 'normal' ? null : PRIORITY_LABELS[ticket.priority],
      applicantName: ticket.applicantName,
      qrContent,
      hint: '请留意叫号屏幕和语音提示，过号请到窗口说明。',
    },
  }
}

/** The paper a finished case gives the applicant: 受理凭证, 一次性告知单 or 不予受理通知书. */
export function caseJob(
  config: DomainConfig,
  found: Case,
  staffName: string,
  windowName: string,
  consultPhone: string | null,
): Omit<PrintJob, 'jobId'> | null {
  const header = {
    hallName: config.hallName,
    caseNo: found.id,
    serviceName: found.serviceName ?? '',
    applicantName: found.applicant?.nameMasked ?? '（未登记）',
    windowName,
    staffName,
    staffNo: found.staffNo,
  }
  const at = formatLocal(found.finishedAt ?? found.openedAt, config.utcOffsetMinutes)
  switch (found.outcome) {
    case 'accepted':
      return {
        kind: 'receipt',
        data: {
          ...header,
          receiptNo: found.receiptNo ?? '',
          caseTypeLabel: found.caseType ? CASE_TYPE_LABELS[found.caseType] : '',
          acceptedAt: at,
          promiseDeadline: found.promiseDeadline,
          qrContent: `HALLCASE:${found.id}`,
          consultPhone,
        },
      }
    case 'supplement':
      return {
        kind: 'notice',
        data: {
          ...header,
          missingMaterials: found.missingMaterials.map((m) => ({ ...m })),
          supplementDeadline: found.supplementDeadline,
          issuedAt: at,
          consultPhone,
        },
      }
    case 'rejected':
      return { kind: 'refusal', data: { ...header, reason: found.refusalReason ?? '', issuedAt: at } }
    default:
      return null
  }
}
