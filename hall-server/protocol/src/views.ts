import { type Static, Type } from 'typebox'
import { DeviceView } from './devices.js'
import { DateString, Millis, Nullable } from './primitives.js'
import {
  ALARM_KINDS,
  CASE_OUTCOMES,
  CASE_TYPES,
  FOLLOW_UP_STATUSES,
  HALL_MODES,
  ID_CARD_TYPES,
  PRIORITY_CLASSES,
  RATING_LEVELS,
  STAFF_ROLES,
  TICKET_SOURCES,
  TICKET_STATUSES,
  UNRATED,
  WINDOW_STATUSES,
} from './vocabulary.js'

/**
 * What the hall server shows its clients. Personal data appears only masked (name `张*丰`,
 * ID number `370***********1234`); the full ID number never leaves the server.
 */

export { DateString, Millis, Nullable } from './primitives.js'

export const Priority = Type.Enum(PRIORITY_CLASSES)
export const TicketStatusSchema = Type.Enum(TICKET_STATUSES)
export const WindowStatusSchema = Type.Enum(WINDOW_STATUSES)
export const CaseTypeSchema = Type.Enum(CASE_TYPES)
export const CaseOutcomeSchema = Type.Enum(CASE_OUTCOMES)
export const RatingLevelSchema = Type.Enum(RATING_LEVELS)

export const QueueView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  kind: Type.Enum(['comprehensive', 'local']),
  description: Type.String(),
  waiting: Type.Integer(),
  /** Issue time of the ticket that has waited longest, for "longest wait" on screens. */
  oldestWaitingAt: Nullable(Millis),
  issuedToday: Type.Integer(),
  servedToday: Type.Integer(),
  /** Average minutes per served ticket today, for wait estimates; null before the first one. */
  avgServiceSec: Nullable(Type.Number()),
})
export type QueueView = Static<typeof QueueView>

export const TicketView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  number: Type.Integer(),
  queueId: Type.String(),
  businessDate: DateString,
  priority: Priority,
  status: TicketStatusSchema,
  source: Type.Enum(TICKET_SOURCES),
  issuedAt: Millis,
  calledAt: Nullable(Millis),
  servingAt: Nullable(Millis),
  finishedAt: Nullable(Millis),
  windowId: Nullable(Type.String()),
  recallCount: Type.Integer(),
  /** Where a transferred ticket now waits: a queue, or one window only. */
  transferQueueId: Nullable(Type.String()),
  transferWindowId: Nullable(Type.String()),
  applicantName: Nullable(Type.String()),
  appointmentId: Nullable(Type.String()),
  serviceItemId: Nullable(Type.String()),
})
export type TicketView = Static<typeof TicketView>

export const StaffCard = Type.Object({
  staffNo: Type.String(),
  name: Type.String(),
  title: Type.String(),
  photoUrl: Nullable(Type.String()),
})
export type StaffCard = Static<typeof StaffCard>

export const WindowView = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  name: Type.String(),
  queueIds: Type.Array(Type.String()),
  status: WindowStatusSchema,
  pauseReason: Nullable(Type.String()),
  statusSince: Millis,
  staff: Nullable(StaffCard),
  /** The A/B posts (AB 岗): who normally sits here and who covers. */
  postA: Nullable(StaffCard),
  postB: Nullable(StaffCard),
  currentTicketId: Nullable(Type.String()),
  openCaseId: Nullable(Type.String()),
  /** Consecutive priority calls at this window, for the starvation rule. */
  priorityStreak: Type.Integer(),
})
export type WindowView = Static<typeof WindowView>

export const MissingMaterial = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  note: Nullable(Type.String({ maxLength: 500 })),
})
export type MissingMaterial = Static<typeof MissingMaterial>

export const CaseView = Type.Object({
  id: Type.String(),
  ticketId: Nullable(Type.String()),
  ticketCode: Nullable(Type.String()),
  windowId: Type.String(),
  staffNo: Type.String(),
  status: Type.Enum(['open', 'finished']),
  serviceItemId: Nullable(Type.String()),
  serviceName: Nullable(Type.String()),
  caseType: Nullable(CaseTypeSchema),
  outcome: Nullable(CaseOutcomeSchema),
  receiptNo: Nullable(Type.String()),
  missingMaterials: Type.Array(MissingMaterial),
  refusalReason: Nullable(Type.String()),
  promiseDays: Nullable(Type.Integer()),
  promiseDeadline: Nullable(DateString),
  /** For 补齐补正: the date by which the missing materials are due. */
  supplementDeadline: Nullable(DateString),
  applicantName: Nullable(Type.String()),
  openedAt: Millis,
  finishedAt: Nullable(Millis),
  rating: Nullable(Type.Union([RatingLevelSchema, Type.Literal(UNRATED)])),
  ratingDeadline: Nullable(Millis),
  /** When an accepted 承诺件 or 上报件 was finally done (办结); absent or null until then. */
  completedAt: Type.Optional(Nullable(Millis)),
})
export type CaseView = Static<typeof CaseView>

export const RatingView = Type.Object({
  caseId: Type.String(),
  windowId: Type.String(),
  staffNo: Type.String(),
  level: Type.Union([RatingLevelSchema, Type.Literal(UNRATED)]),
  reasons: Type.Array(Type.String()),
  comment: Nullable(Type.String()),
  channel: Type.Enum(['pad', 'button_box', 'timeout']),
  at: Millis,
})
export type RatingView = Static<typeof RatingView>

export const FollowUpView = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  windowId: Type.String(),
  staffNo: Type.String(),
  level: RatingLevelSchema,
  reasons: Type.Array(Type.String()),
  comment: Nullable(Type.String()),
  status: Type.Enum(FOLLOW_UP_STATUSES),
  openedAt: Millis,
  deadline: Millis,
  finding: Nullable(Type.String()),
  reasonable: Nullable(Type.Boolean()),
  verifiedAt: Nullable(Millis),
  verifiedBy: Nullable(Type.String()),
  resolution: Nullable(Type.String()),
  closedAt: Nullable(Millis),
  closedBy: Nullable(Type.String()),
})
export type FollowUpView = Static<typeof FollowUpView>

export const CallView = Type.Object({
  ticketId: Type.String(),
  code: Type.String(),
  queueId: Type.String(),
  windowId: Type.String(),
  windowNumber: Type.Integer(),
  windowName: Type.String(),
  recall: Type.Integer(),
  at: Millis,
  /** The sentence to show and announce: 请 A012 号到 3 号窗口办理. */
  text: Type.String(),
})
export type CallView = Static<typeof CallView>

export const AlarmView = Type.Object({
  id: Type.String(),
  kind: Type.Enum(ALARM_KINDS),
  subject: Type.String(),
  message: Type.String(),
  since: Millis,
  active: Type.Boolean(),
})
export type AlarmView = Static<typeof AlarmView>

export const DayStats = Type.Object({
  businessDate: DateString,
  issued: Type.Integer(),
  called: Type.Integer(),
  served: Type.Integer(),
  noShow: Type.Integer(),
  /** Sum and count of waits (issue to first call) and services (call to finish), in seconds. */
  waitSecTotal: Type.Number(),
  waitCount: Type.Integer(),
  serviceSecTotal: Type.Number(),
  serviceCount: Type.Integer(),
  cases: Type.Integer(),
  ratings: Type.Record(Type.String(), Type.Integer()),
  /** Tickets issued per hour of the day (0-23), for the wall chart. */
  issuedByHour: Type.Array(Type.Integer()),
})
export type DayStats = Static<typeof DayStats>

export const HallInfo = Type.Object({
  name: Type.String(),
  businessDate: DateString,
  mode: Type.Enum(HALL_MODES),
  notice: Type.String(),
  utcOffsetMinutes: Type.Integer(),
  /** How many times the display plays each call. */
  announceRepeat: Type.Integer({ minimum: 1 }),
  /** The calling rule (see the domain's waiting.ts), so screens can show the order a window will call in. */
  callingRule: Type.Optional(
    Type.Object({ maxConsecutivePriority: Type.Integer(), preferenceMinutes: Type.Integer() }),
  ),
  /** Recalls allowed per call; the next call passes a number recalled this often over (过号). */
  maxRecalls: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Today's ticketing hours ('HH:MM'), with the appointment-only margins around them; null if closed all day. */
  todayHours: Nullable(
    Type.Object({
      open: Type.String(),
      close: Type.String(),
      appointmentFrom: Type.String(),
      appointmentUntil: Type.String(),
    }),
  ),
  consultPhone: Nullable(Type.String()),
})
export type HallInfo = Static<typeof HallInfo>

export const HallSnapshot = Type.Object({
  seq: Type.Integer(),
  at: Millis,
  hall: HallInfo,
  queues: Type.Array(QueueView),
  windows: Type.Array(WindowView),
  /** Today's tickets that are not finished: waiting, transferred, called, serving. */
  tickets: Type.Array(TicketView),
  recentCalls: Type.Array(CallView),
  /** Open cases and finished ones still waiting for their rating. */
  cases: Type.Array(CaseView),
  followUps: Type.Array(FollowUpView),
  alarms: Type.Array(AlarmView),
  devices: Type.Array(DeviceView),
  stats: DayStats,
})
export type HallSnapshot = Static<typeof HallSnapshot>

export const Change = Type.Union([
  Type.Object({ kind: Type.Literal('hall'), hall: HallInfo }),
  Type.Object({ kind: Type.Literal('queue'), queue: QueueView }),
  Type.Object({ kind: Type.Literal('window'), window: WindowView }),
  Type.Object({ kind: Type.Literal('ticket'), ticket: TicketView }),
  Type.Object({ kind: Type.Literal('call'), call: CallView }),
  Type.Object({ kind: Type.Literal('case'), case: CaseView }),
  Type.Object({ kind: Type.Literal('rating'), rating: RatingView }),
  Type.Object({ kind: Type.Literal('followUp'), followUp: FollowUpView }),
  Type.Object({ kind: Type.Literal('alarm'), alarm: AlarmView }),
  Type.Object({ kind: Type.Literal('device'), device: DeviceView }),
  Type.Object({ kind: Type.Literal('stats'), stats: DayStats }),
])
export type Change = Static<typeof Change>

/** A delta follows the snapshot; `prevSeq` must equal the client's last seq, else it resyncs. */
export const Delta = Type.Object({
  seq: Type.Integer(),
  prevSeq: Type.Integer(),
  at: Millis,
  changes: Type.Array(Change),
})
export type Delta = Static<typeof Delta>

/** What a screen learns of a swiped ID card: masked, plus the handle to use it once. */
export const CardReadView = Type.Object({
  readId: Type.String(),
  cardType: Type.Enum(ID_CARD_TYPES),
  nameMasked: Type.String(),
  idMasked: Type.String(),
  gender: Type.String(),
  age: Type.Integer(),
  elderly: Type.Boolean(),
  expiresAt: Millis,
})
export type CardReadView = Static<typeof CardReadView>

export const ScanView = Type.Object({
  code: Type.String(),
  at: Millis,
})
export type ScanView = Static<typeof ScanView>

export const StaffRoleSchema = Type.Enum(STAFF_ROLES)

/** A booked visit (预约). The kiosk checks it in by its code or the ID card it was booked with. */
export const AppointmentView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  date: DateString,
  slot: Nullable(Type.String()),
  queueId: Type.String(),
  serviceItemId: Nullable(Type.String()),
  nameMasked: Type.String(),
  idMasked: Nullable(Type.String()),
  status: Type.Enum(['booked', 'checked_in', 'cancelled']),
  ticketId: Nullable(Type.String()),
  createdAt: Millis,
  checkedInAt: Nullable(Millis),
})
export type AppointmentView = Static<typeof AppointmentView>

/** Waiting per queue through today, from the event log: the wall's trend before it was switched on. */
export const WaitingTrendView = Type.Object({
  businessDate: DateString,
  stepMinutes: Type.Integer({ minimum: 1 }),
  /** Sample times, ms; the last one is now. */
  times: Type.Array(Millis),
  queues: Type.Array(
    Type.Object({ queueId: Type.String(), name: Type.String(), counts: Type.Array(Type.Integer()) }),
  ),
})
export type WaitingTrendView = Static<typeof WaitingTrendView>
