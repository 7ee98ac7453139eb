import type { DayStats, Delta, HallSnapshot } from './views.js'

/**
 * The screens' copy of the hall: a snapshot, then deltas folded in. Pure, so every screen and the
 * device agent keep the same state the same way. A delta that does not follow the last one asks for
 * a resync; one already contained in the snapshot is ignored.
 */

const RECENT_CALLS = 20
const FINISHED = new Set(['done', 'no_show', 'cancelled'])

export type DeltaResult = { kind: 'applied'; state: HallSnapshot } | { kind: 'stale' } | { kind: 'gap' }

export function applyDelta(state: HallSnapshot, delta: Delta): DeltaResult {
  if (delta.seq <= state.seq) return { kind: 'stale' }
  if (delta.prevSeq !== state.seq) return { kind: 'gap' }
  const next: HallSnapshot = { ...state, seq: delta.seq, at: delta.at }
  const replace = <T extends { id: string }>(list: T[], item: T, keep: boolean): T[] => {
    const rest = list.filter((x) => x.id !== item.id)
    if (!keep) return rest
    const at = list.findIndex((x) => x.id === item.id)
    if (at < 0) return [...rest, item]
    const copy = [...list]
    copy[at] = item
    return copy
  }
  for (const change of delta.changes) {
    switch (change.kind) {
      case 'hall':
        next.hall = change.hall
        break
      case 'queue':
        next.queues = replace(next.queues, change.queue, true)
        break
      case 'window':
        next.windows = replace(next.windows, change.window, true)
        break
      case 'ticket':
        next.tickets = replace(next.tickets, change.ticket, !FINISHED.has(change.ticket.status))
        break
      case 'call':
        next.recentCalls = [change.call, ...next.recentCalls].slice(0, RECENT_CALLS)
        break
      case 'case':
        next.cases = replace(next.cases, change.case, change.case.rating === null)
        break
      case 'followUp':
        next.followUps = replace(next.followUps, change.followUp, change.followUp.closedAt === null)
        break
      case 'alarm':
        next.alarms = replace(next.alarms, change.alarm, change.alarm.active)
        break
      case 'device':
        next.devices = replace(next.devices, change.device, true)
        break
      case 'stats':
        next.stats = change.stats
        break
      case 'rating':
        break
    }
  }
  return { kind: 'applied', state: next }
}

/** Tickets waiting in a queue, in the order a window would see them (arrival order). */
export function waitingIn(state: HallSnapshot, queueId: string) {
  return state.tickets
    .filter(
      (t) =>
        (t.status === 'waiting' || t.status === 'transferred') &&
        (t.transferQueueId ?? t.queueId) === queueId &&
        t.transferWindowId === null,
    )
    .sort((a, b) => a.issuedAt - b.issuedAt)
}

/** A business day's figures before anything happened. */
export function emptyDayStats(date: string): DayStats {
  return {
    businessDate: date,
    issued: 0,
    called: 0,
    served: 0,
    noShow: 0,
    waitSecTotal: 0,
    waitCount: 0,
    serviceSecTotal: 0,
    serviceCount: 0,
    cases: 0,
    ratings: {},
    issuedByHour: Array.from({ length: 24 }, () => 0),
  }
}
