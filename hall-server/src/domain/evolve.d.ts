import type { CallView, DayStats, RatingView } from '@hall/protocol'
import type { DomainEvent } from './events.js'
import type { Alarm, Case, FollowUp, HallState, Ticket, WindowState } from './types.js'
import { WaitingIndex } from './waiting.js'
/**
 * Applies one event to the hall: the only place state changes. Deterministic and total over the
 * events `decide` produces; it reads nothing but the event and the state.
 */
export interface Hall {
  state: HallState
  index: WaitingIndex
}
/** What an event changed, for the store's tables and the clients' deltas. */
export type Effect =
  | {
      kind: 'ticket'
      ticket: Ticket
    }
  | {
      kind: 'window'
      windowId: string
    }
  | {
      kind: 'queue'
      queueId: string
    }
  | {
      kind: 'case'
      case: Case
    }
  | {
      kind: 'call'
      call: CallView
    }
  | {
      kind: 'rating'
      rating: RatingView
    }
  | {
      kind: 'device'
      deviceId: string
    }
  | {
      kind: 'alarm'
      alarm: Alarm
    }
  | {
      kind: 'followUp'
      followUp: FollowUp
    }
  | {
      kind: 'stats'
    }
  | {
      kind: 'hall'
    }
export declare function emptyStats(date: string): DayStats
export declare function emptyState(date: string): HallState
export declare function createHall(state: HallState): Hall
export declare const RECENT_CALLS = 20
export declare function windowState(state: HallState, windowId: string, at?: number): WindowState
export declare function evolve(hall: Hall, event: DomainEvent): Effect[]
