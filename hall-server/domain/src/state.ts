import { type CallView, emptyDayStats, type RatingView } from '@hall/protocol'
import type { Alarm, Case, FollowUp, HallState, QueueDayStats, Ticket, WindowState } from './types.js'
import { WaitingIndex } from './waiting.js'

/** The hall as the core holds it (state plus its derived waiting index), and how it starts. */

export interface Hall {
  state: HallState
  index: WaitingIndex
}

/** What an event changed, for the store's tables and the clients' deltas. */
export type Effect =
  | { kind: 'ticket'; ticket: Ticket }
  | { kind: 'window'; windowId: string }
  | { kind: 'queue'; queueId: string }
  | { kind: 'case'; case: Case }
  | { kind: 'call'; call: CallView }
  | { kind: 'rating'; rating: RatingView }
  | { kind: 'device'; deviceId: string }
  | { kind: 'alarm'; alarm: Alarm }
  | { kind: 'followUp'; followUp: FollowUp }
  | { kind: 'stats' }
  | { kind: 'hall' }

export const emptyStats = emptyDayStats

export function emptyState(date: string): HallState {
  return {
    businessDate: date,
    counters: {},
    caseSeq: 0,
    receiptSeq: 0,
    tickets: {},
    windows: {},
    cases: {},
    followUps: {},
    recentCalls: [],
    stats: emptyStats(date),
    queueStats: {},
    devices: {},
    alarms: {},
  }
}

export function createHall(state: HallState): Hall {
  return { state, index: WaitingIndex.rebuild(state.tickets) }
}

export const RECENT_CALLS = 20

export function windowState(state: HallState, windowId: string, at = 0): WindowState {
  let window = state.windows[windowId]
  if (!window) {
    window = {
      id: windowId,
      status: 'closed',
      pauseReason: null,
      statusSince: at,
      staffNo: null,
      currentTicketId: null,
      openCaseId: null,
      priorityStreak: 0,
    }
    state.windows[windowId] = window
  }
  return window
}

export function queueStats(state: HallState, queueId: string): QueueDayStats {
  let stats = state.queueStats[queueId]
  if (!stats) {
    stats = { issued: 0, served: 0, serviceSecTotal: 0 }
    state.queueStats[queueId] = stats
  }
  return stats
}
