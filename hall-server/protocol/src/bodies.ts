import { type Static, Type } from 'typebox'
import { DayUnitSchema } from './catalog.js'
import { DeviceRoleSchema } from './devices.js'
import { PrintOutcome } from './print.js'
import {
  AppointmentView,
  CallView,
  CaseOutcomeSchema,
  CaseTypeSchema,
  CaseView,
  Millis,
  MissingMaterial,
  Nullable,
  Priority,
  RatingLevelSchema,
  StaffCard,
  StaffRoleSchema,
  TicketView,
} from './views.js'
import { RATING_REASONS } from './vocabulary.js'

/** The bodies, parameters and answers of the HTTP operations (the route table is in routes.ts). */

export const WindowParams = Type.Object({ windowId: Type.String({ minLength: 1, maxLength: 32 }) })
export const TicketParams = Type.Object({ ticketId: Type.String({ minLength: 1, maxLength: 64 }) })
export const CaseParams = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 64 }) })
export const FollowUpParams = Type.Object({ followUpId: Type.String({ minLength: 1, maxLength: 64 }) })
export const Id = Type.String({ minLength: 1, maxLength: 64 })

export const IssueTicketBody = Type.Object(
  {
    queueId: Type.Optional(Id),
    serviceItemId: Type.Optional(Id),
    /** Staff may set any class; a kiosk gets elderly from the card and appointment from check-in. */
    priority: Type.Optional(Priority),
    cardReadId: Type.Optional(Id),
    appointmentCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    print: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type IssueTicketBody = Static<typeof IssueTicketBody>

export const IssuedTicket = Type.Object({
  ticket: TicketView,
  queueName: Type.String(),
  peopleAhead: Type.Integer(),
  estimatedWaitMinutes: Nullable(Type.Integer()),
  /** What the kiosk shows as a QR code when the printer cannot print it. */
  qrContent: Type.String(),
  print: PrintOutcome,
})
export type IssuedTicket = Static<typeof IssuedTicket>

export const TicketStatusView = Type.Object({
  ticket: TicketView,
  queueName: Type.String(),
  peopleAhead: Type.Integer(),
  estimatedWaitMinutes: Nullable(Type.Integer()),
})
export type TicketStatusView = Static<typeof TicketStatusView>

export const CallResult = Type.Object({
  ticket: TicketView,
  call: CallView,
  /** The ticket this call passed over as 过号: it had been recalled the most times allowed. */
  passedOver: Type.Optional(TicketView),
})
export type CallResult = Static<typeof CallResult>

export const TicketResult = Type.Object({ ticket: TicketView })

export const TransferBody = Type.Object(
  { toQueueId: Type.Optional(Id), toWindowId: Type.Optional(Id) },
  { additionalProperties: false },
)
export type TransferBody = Static<typeof TransferBody>

export const CallTicketBody = Type.Object(
  { ticketId: Type.Optional(Id), code: Type.Optional(Type.String({ minLength: 2, maxLength: 12 })) },
  { additionalProperties: false },
)
export type CallTicketBody = Static<typeof CallTicketBody>

export const PauseBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
)

export const StartCaseBody = Type.Object(
  { serviceItemId: Type.Optional(Id), cardReadId: Type.Optional(Id) },
  { additionalProperties: false },
)
export type StartCaseBody = Static<typeof StartCaseBody>

export const FinishCaseBody = Type.Object(
  {
    serviceItemId: Id,
    caseType: CaseTypeSchema,
    outcome: CaseOutcomeSchema,
    missingMaterials: Type.Optional(Type.Array(MissingMaterial, { maxItems: 50 })),
    refusalReason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    /** Promised days, for 承诺件; defaults to the catalog's promised time limit and its unit. */
    promiseDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
    /** The unit of `promiseDays` (default working days). */
    promiseDayUnit: Type.Optional(DayUnitSchema),
    /** Working days the applicant has to bring the missing materials. */
    supplementDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
    cardReadId: Type.Optional(Id),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    /** Keep serving the same ticket for another case instead of finishing it. */
    continueService: Type.Optional(Type.Boolean()),
    print: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type FinishCaseBody = Static<typeof FinishCaseBody>

export const FinishedCase = Type.Object({ case: CaseView, print: PrintOutcome })
export type FinishedCase = Static<typeof FinishedCase>

export const RatingBody = Type.Object(
  {
    level: RatingLevelSchema,
    reasons: Type.Optional(
      Type.Array(Type.Enum(Object.keys(RATING_REASONS)), { maxItems: Object.keys(RATING_REASONS).length }),
    ),
    comment: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
)
export type RatingBody = Static<typeof RatingBody>

export const SignInBody = Type.Object(
  {
    staffNo: Type.String({ minLength: 1, maxLength: 32 }),
    pin: Type.String({ minLength: 4, maxLength: 32 }),
  },
  { additionalProperties: false },
)
export type SignInBody = Static<typeof SignInBody>

export const Session = Type.Object({
  token: Type.String(),
  staff: StaffCard,
  role: StaffRoleSchema,
  windowId: Nullable(Type.String()),
  expiresAt: Millis,
})
export type Session = Static<typeof Session>

export const PrincipalView = Type.Object({
  kind: Type.Enum(['device', 'staff']),
  deviceId: Type.String(),
  role: Type.Union([DeviceRoleSchema, StaffRoleSchema]),
  windowId: Nullable(Type.String()),
  terminal: Nullable(Type.String()),
  staff: Nullable(StaffCard),
})
export type PrincipalView = Static<typeof PrincipalView>

export const VerifyFollowUpBody = Type.Object(
  {
    finding: Type.String({ minLength: 1, maxLength: 2000 }),
    /** Whether the complaint holds; an unfounded one is closed with an explanation. */
    reasonable: Type.Boolean(),
  },
  { additionalProperties: false },
)
export const CloseFollowUpBody = Type.Object(
  { resolution: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
)

export const ServiceQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })),
  category: Type.Optional(Type.String({ maxLength: 50 })),
  queueId: Type.Optional(Type.String({ maxLength: 32 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
})

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Millis,
  actor: Type.String(),
  action: Type.String(),
  subject: Nullable(Type.String()),
  outcome: Type.Enum(['ok', 'refused']),
  detail: Nullable(Type.String()),
})
export type AuditEntry = Static<typeof AuditEntry>

export const CreateAppointmentBody = Type.Object(
  {
    date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    slot: Type.Optional(Type.String({ pattern: '^\\d{2}:\\d{2}(-\\d{2}:\\d{2})?$' })),
    queueId: Type.Optional(Id),
    serviceItemId: Type.Optional(Id),
    name: Type.String({ minLength: 1, maxLength: 60 }),
    idNumber: Type.Optional(Type.String({ minLength: 6, maxLength: 36 })),
  },
  { additionalProperties: false },
)
export type CreateAppointmentBody = Static<typeof CreateAppointmentBody>

export const CheckInBody = Type.Object(
  {
    code: Type.Optional(Type.String({ minLength: 4, maxLength: 64 })),
    cardReadId: Type.Optional(Id),
    print: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type CheckInBody = Static<typeof CheckInBody>

export const CheckedIn = Type.Object({ ...IssuedTicket.properties, appointment: AppointmentView })
export type CheckedIn = Static<typeof CheckedIn>

export const ProgressQuery = Type.Object({
  /** A receipt number, a case number, or the content of a receipt's QR code. */
  ref: Type.Optional(Type.String({ minLength: 4, maxLength: 80 })),
  cardReadId: Type.Optional(Id),
})
