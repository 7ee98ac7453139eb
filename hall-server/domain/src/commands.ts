import type {
  AttachedDeviceHealth,
  CaseOutcome,
  CaseType,
  DayUnit,
  MissingMaterial,
  PriorityClass,
  RatingLevel,
  TicketSource,
} from '@hall/protocol'
import type { Applicant } from './types.js'

/** What the outside world asks of the hall. The server has already checked who asks. */

export interface ServiceRef {
  id: string
  name: string
  promisedDays: number | null
  promisedDayUnit: DayUnit
}

export type Command =
  | { type: 'tick' }
  | {
      type: 'issueTicket'
      queueId: string
      priority: PriorityClass
      source: TicketSource
      applicant: Applicant | null
      appointmentId: string | null
      serviceItemId: string | null
      /** Staff may issue outside ticketing hours (a guide desk helping a late citizen). */
      ignoreHours: boolean
    }
  | { type: 'callNext'; windowId: string }
  | { type: 'recall'; windowId: string }
  | { type: 'skip'; windowId: string }
  | { type: 'transfer'; windowId: string; toQueueId: string | null; toWindowId: string | null }
  | { type: 'callTicket'; windowId: string; ticketId: string }
  | { type: 'complete'; windowId: string }
  | { type: 'cancelTicket'; ticketId: string; reason: string }
  | { type: 'signIn'; windowId: string; staffNo: string }
  | { type: 'signOut'; windowId: string }
  | { type: 'pause'; windowId: string; reason: string }
  | { type: 'resume'; windowId: string }
  | { type: 'startCase'; windowId: string; serviceItem: ServiceRef | null; applicant: Applicant | null }
  | {
      type: 'finishCase'
      windowId: string
      caseId: string
      serviceItem: ServiceRef
      caseType: CaseType
      outcome: CaseOutcome
      missingMaterials: MissingMaterial[]
      refusalReason: string | null
      promiseDays: number | null
      /** The unit of `promiseDays` when the clerk gave it; null means working days. */
      promiseDayUnit: DayUnit | null
      supplementDays: number | null
      applicant: Applicant | null
      note: string | null
      continueService: boolean
    }
  | {
      type: 'rate'
      caseId: string
      windowId: string
      level: RatingLevel
      reasons: string[]
      comment: string | null
      channel: 'pad' | 'button_box'
    }
  | { type: 'verifyFollowUp'; id: string; finding: string; reasonable: boolean; by: string }
  | { type: 'closeFollowUp'; id: string; resolution: string; by: string }
  | { type: 'deviceStatus'; deviceId: string; online: boolean; attached: AttachedDeviceHealth[] }

export type CommandType = Command['type']
