import { type Static, Type } from 'typebox'
import { DayUnitSchema } from './catalog.js'
import { Nullable } from './views.js'

/**
 * Print jobs the hall server sends to a terminal's device agent. The agent turns each into ESC/POS
 * bytes with the layouts in device-drivers (pure functions of these same shapes) and reports the
 * outcome of every job. Times and names arrive already formatted and masked.
 */

export const TicketPrint = Type.Object({
  hallName: Type.String(),
  code: Type.String(),
  queueName: Type.String(),
  peopleAhead: Type.Integer({ minimum: 0 }),
  estimatedWaitMinutes: Nullable(Type.Integer({ minimum: 0 })),
  issuedAt: Type.String(),
  priorityLabel: Nullable(Type.String()),
  applicantName: Nullable(Type.String()),
  qrContent: Type.String(),
  hint: Type.String(),
})
export type TicketPrint = Static<typeof TicketPrint>

const CaseHeader = {
  hallName: Type.String(),
  caseNo: Type.String(),
  serviceName: Type.String(),
  applicantName: Type.String(),
  windowName: Type.String(),
  staffName: Type.String(),
  staffNo: Type.String(),
}

export const ReceiptPrint = Type.Object({
  ...CaseHeader,
  receiptNo: Type.String(),
  caseTypeLabel: Type.String(),
  acceptedAt: Type.String(),
  promiseDeadline: Nullable(Type.String()),
  qrContent: Type.String(),
  consultPhone: Nullable(Type.String()),
})
export type ReceiptPrint = Static<typeof ReceiptPrint>

export const NoticePrint = Type.Object({
  ...CaseHeader,
  missingMaterials: Type.Array(Type.Object({ name: Type.String(), note: Nullable(Type.String()) })),
  supplementDeadline: Nullable(Type.String()),
  issuedAt: Type.String(),
  consultPhone: Nullable(Type.String()),
})
export type NoticePrint = Static<typeof NoticePrint>

export const RefusalPrint = Type.Object({
  ...CaseHeader,
  reason: Type.String(),
  issuedAt: Type.String(),
})
export type RefusalPrint = Static<typeof RefusalPrint>

export const GuidePrint = Type.Object({
  hallName: Type.String(),
  name: Type.String(),
  itemType: Nullable(Type.String()),
  department: Nullable(Type.String()),
  promisedDays: Nullable(Type.Integer()),
  promisedDayUnit: DayUnitSchema,
  legalDays: Nullable(Type.Integer()),
  legalDayUnit: DayUnitSchema,
  fees: Nullable(Type.String()),
  materials: Type.Array(
    Type.Object({
      name: Type.String(),
      required: Type.Boolean(),
      copies: Nullable(Type.String()),
      note: Nullable(Type.String()),
    }),
  ),
  conditions: Nullable(Type.String()),
  process: Nullable(Type.String()),
  consultPhone: Nullable(Type.String()),
  materialsOnly: Type.Boolean(),
})
export type GuidePrint = Static<typeof GuidePrint>

export const PrintJob = Type.Union([
  Type.Object({ jobId: Type.String(), kind: Type.Literal('ticket'), data: TicketPrint }),
  Type.Object({ jobId: Type.String(), kind: Type.Literal('receipt'), data: ReceiptPrint }),
  Type.Object({ jobId: Type.String(), kind: Type.Literal('notice'), data: NoticePrint }),
  Type.Object({ jobId: Type.String(), kind: Type.Literal('refusal'), data: RefusalPrint }),
  Type.Object({ jobId: Type.String(), kind: Type.Literal('guide'), data: GuidePrint }),
])
export type PrintJob = Static<typeof PrintJob>

export const PrintResult = Type.Object({
  jobId: Type.String({ maxLength: 64 }),
  ok: Type.Boolean(),
  /** Stable failure code from the agent, for example PRINTER_OFFLINE or PAPER_OUT. */
  code: Nullable(Type.String({ maxLength: 64 })),
  message: Nullable(Type.String({ maxLength: 500 })),
})
export type PrintResult = Static<typeof PrintResult>

/** What the server tells the screen about a print it asked for. */
export const PrintOutcome = Type.Object({
  jobId: Nullable(Type.String()),
  status: Type.Enum(['queued', 'printed', 'failed', 'no_printer']),
  message: Nullable(Type.String()),
})
export type PrintOutcome = Static<typeof PrintOutcome>
