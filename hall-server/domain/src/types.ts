import type {
  AlarmKind,
  AttachedDeviceHealth,
  CallView,
  CaseOutcome,
  CaseType,
  DayStats,
  ErrorCode,
  FollowUpStatus,
  MissingMaterial,
  PriorityClass,
  RatingLevel,
  TicketSource,
  TicketStatus,
  WindowStatus,
} from '@hall/protocol'
import type { WorkingCalendar } from './calendar.js'

/**
 * The hall's state as the domain core keeps it. Plain data (JSON-serialisable) so a snapshot of it
 * can be stored and restored; the waiting index is derived from it (state.ts, waiting.ts).
 */

export interface QueueConfig {
  id: string
  name: string
  prefix: string
  kind: 'comprehensive' | 'local'
  description: string
  /** First and last number of the daily range; the counter restarts at `first` each day. */
  first: number
  last: number
  digits: number
  /** Catalog categories whose services are served by this queue. */
  categories: string[]
}

export interface StaffConfig {
  staffNo: string
  name: string
  title: string
  role: 'clerk' | 'manager'
  photoUrl: string | null
}

export interface WindowConfig {
  id: string
  number: number
  name: string
  /** Queues this window serves, in order of preference. */
  queueIds: string[]
  /** AB 岗: the staff member who normally works here and the one who covers. */
  postA: string | null
  postB: string | null
}

export interface PriorityPolicy {
  /** Age (on the day of the visit) from which an ID-card holder gets the elderly class. */
  elderlyAge: number
  /**
   * The starvation rule: a window calls at most this many priority tickets in a row by "call next"
   * while a normal ticket it could serve is waiting; then it calls the oldest normal ticket.
   */
  maxConsecutivePriority: number
  /** Minutes added per step down a window's queue list: 0 is pure arrival order (无差别受理). */
  preferenceMinutes: number
}

export type DayHours = readonly [open: string, close: string] | null

export interface HoursConfig {
  workday: DayHours
  weekend: DayHours
  holiday: DayHours
  /** 早晚弹性办: minutes before opening and after closing open to appointments only. */
  appointmentMinutesBefore: number
  appointmentMinutesAfter: number
}

export interface DomainConfig {
  hallName: string
  utcOffsetMinutes: number
  queues: QueueConfig[]
  windows: WindowConfig[]
  staff: StaffConfig[]
  priority: PriorityPolicy
  hours: HoursConfig
  maxRecalls: number
  ratingTimeoutSec: number
  followUpDays: number
  /** Working days an applicant has to bring missing materials, unless the clerk says otherwise. */
  supplementDays: number
}

export interface Applicant {
  /** Handle of the encrypted applicant record kept by the store. */
  id: string
  nameMasked: string
}

export interface Ticket {
  id: string
  code: string
  number: number
  queueId: string
  businessDate: string
  priority: PriorityClass
  status: TicketStatus
  source: TicketSource
  issuedAt: number
  calledAt: number | null
  firstCalledAt: number | null
  servingAt: number | null
  finishedAt: number | null
  windowId: string | null
  recallCount: number
  transferQueueId: string | null
  transferWindowId: string | null
  applicant: Applicant | null
  appointmentId: string | null
  serviceItemId: string | null
}

export interface WindowState {
  id: string
  status: WindowStatus
  pauseReason: string | null
  statusSince: number
  staffNo: string | null
  currentTicketId: string | null
  openCaseId: string | null
  priorityStreak: number
}

/** What a clerk records when finishing a case: the receipt, the one-time list, the deadlines. */
export interface CaseRecord {
  receiptNo: string | null
  missingMaterials: MissingMaterial[]
  refusalReason: string | null
  promiseDays: number | null
  promiseDeadline: string | null
  supplementDeadline: string | null
  applicant: Applicant | null
  note: string | null
}

export interface Case extends CaseRecord {
  id: string
  ticketId: string | null
  ticketCode: string | null
  windowId: string
  staffNo: string
  status: 'open' | 'finished'
  serviceItemId: string | null
  serviceName: string | null
  caseType: CaseType | null
  outcome: CaseOutcome | null
  openedAt: number
  finishedAt: number | null
  ratingDeadline: number | null
  rating: RatingLevel | 'unrated' | null
}

export interface FollowUp {
  id: string
  caseId: string
  windowId: string
  staffNo: string
  level: RatingLevel
  reasons: string[]
  comment: string | null
  status: FollowUpStatus
  openedAt: number
  deadline: number
  finding: string | null
  reasonable: boolean | null
  verifiedAt: number | null
  verifiedBy: string | null
  resolution: string | null
  closedAt: number | null
  closedBy: string | null
}

export interface QueueDayStats {
  issued: number
  served: number
  serviceSecTotal: number
}

export interface HallState {
  businessDate: string
  /** Last number issued today per queue. */
  counters: Record<string, number>
  caseSeq: number
  receiptSeq: number
  tickets: Record<string, Ticket>
  windows: Record<string, WindowState>
  /** Open cases, and finished ones until they are rated or recorded as 未评价. */
  cases: Record<string, Case>
  /** Follow-ups of bad ratings until they are closed. */
  followUps: Record<string, FollowUp>
  recentCalls: CallView[]
  stats: DayStats
  queueStats: Record<string, QueueDayStats>
  /** Devices whose agent or screen reported in, with what is attached to them. */
  devices: Record<string, DeviceState>
  /** Active alarms by id (an id names kind and subject, so an alarm is raised once). */
  alarms: Record<string, Alarm>
}

export interface DeviceState {
  online: boolean
  attached: AttachedDeviceHealth[]
}

export interface Alarm {
  id: string
  kind: AlarmKind
  subject: string
  message: string
  since: number
  active: boolean
}

export interface Context {
  now: number
  config: DomainConfig
  calendar: WorkingCalendar
}

export interface Refusal {
  ok: false
  code: ErrorCode
  message?: string
}

export type Decision<E> = { ok: true; events: E[] } | Refusal

export function refuse(code: ErrorCode, message?: string): Refusal {
  return message === undefined ? { ok: false, code } : { ok: false, code, message }
}
