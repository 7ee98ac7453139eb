import type {
  AttachedDeviceHealth,
  CallView,
  CaseOutcome,
  CaseType,
  RatingLevel,
  TicketStatus,
} from '@hall/protocol'
import type { Alarm, Case, CaseRecord, FollowUp, Ticket } from './types.js'

/**
 * Domain events: facts, each carrying everything `evolve` needs, so the event log alone rebuilds
 * the hall. They are stored as they are; change a shape only with a migration of the log.
 */
export type DomainEvent =
  | { type: 'day.opened'; date: string; at: number }
  | { type: 'ticket.expired'; ticketId: string; status: TicketStatus; at: number }
  | { type: 'ticket.issued'; ticket: Ticket; localHour: number }
  | {
      type: 'ticket.called'
      ticketId: string
      windowId: string
      at: number
      byPolicy: 'priority' | 'normal' | 'specific'
      call: CallView
    }
  | {
      type: 'ticket.recalled'
      ticketId: string
      windowId: string
      at: number
      recallCount: number
      call: CallView
    }
  | { type: 'ticket.skipped'; ticketId: string; windowId: string; at: number }
  | {
      type: 'ticket.transferred'
      ticketId: string
      fromWindowId: string
      toQueueId: string | null
      toWindowId: string | null
      at: number
    }
  | { type: 'ticket.serving'; ticketId: string; windowId: string; at: number }
  | { type: 'ticket.completed'; ticketId: string; windowId: string; at: number }
  | { type: 'ticket.cancelled'; ticketId: string; at: number; reason: string }
  | { type: 'window.opened'; windowId: string; staffNo: string; at: number }
  | { type: 'window.paused'; windowId: string; reason: string; at: number }
  | { type: 'window.resumed'; windowId: string; at: number }
  | { type: 'window.closed'; windowId: string; at: number }
  | { type: 'case.opened'; case: Case }
  | ({
      type: 'case.finished'
      caseId: string
      at: number
      serviceItemId: string
      serviceName: string
      caseType: CaseType
      outcome: CaseOutcome
      ratingDeadline: number
    } & CaseRecord)
  | {
      type: 'case.rated'
      caseId: string
      level: RatingLevel
      reasons: string[]
      comment: string | null
      channel: 'pad' | 'button_box'
      at: number
    }
  | { type: 'case.unrated'; caseId: string; at: number }
  | { type: 'followUp.opened'; followUp: FollowUp }
  | { type: 'followUp.verified'; id: string; finding: string; reasonable: boolean; by: string; at: number }
  | { type: 'followUp.closed'; id: string; resolution: string; by: string; at: number }
  | { type: 'device.status'; deviceId: string; online: boolean; attached: AttachedDeviceHealth[]; at: number }
  | { type: 'alarm.raised'; alarm: Alarm }
  | { type: 'alarm.cleared'; alarmId: string; at: number }

export type DomainEventType = DomainEvent['type']
