import type { DomainEvent } from './events.js'

/**
 * How many waited in each queue over the day, replayed from the event log: the wall's trend chart
 * from the opening of the day, not only from when the wall was switched on. A ticket waits from
 * its issue until it is first called, cancelled or expired; transferred, it waits again in the
 * queue it went to (or its own, when sent to a window) until called there. Pure: events in, counts
 * out.
 */

export interface LoggedEvent {
  /** When it was committed (the log's `at`). */
  at: number
  event: DomainEvent
}

export interface WaitingSeries {
  /** Sample times, ms: every `stepMs` from the first issue, and now. */
  times: number[]
  /** Per queue id, the count waiting at each sample time. */
  counts: Record<string, number[]>
}

/** The event types that change who is waiting; the log query reads only these. */
export const TREND_EVENT_TYPES = [
  'day.opened',
  'ticket.issued',
  'ticket.called',
  'ticket.transferred',
  'ticket.cancelled',
  'ticket.expired',
] as const

export function waitingTrend(
  events: readonly LoggedEvent[],
  queueIds: readonly string[],
  nowMs: number,
  stepMs: number,
): WaitingSeries {
  const waitingIn = new Map<string, string>() // ticket id → queue id, while waiting
  const queueOf = new Map<string, string>() // ticket id → the queue it belongs to now
  const firstIssue = events.find((e) => e.event.type === 'ticket.issued')?.at
  const counts: Record<string, number[]> = Object.fromEntries(queueIds.map((id) => [id, []]))
  const times: number[] = []
  if (firstIssue === undefined) return { times, counts }

  const sample = (at: number) => {
    times.push(at)
    const tally = new Map<string, number>()
    for (const queueId of waitingIn.values()) tally.set(queueId, (tally.get(queueId) ?? 0) + 1)
    for (const id of queueIds) (counts[id] as number[]).push(tally.get(id) ?? 0)
  }
  let next = Math.floor(firstIssue / stepMs) * stepMs
  for (const { at, event } of events) {
    while (next < at && next < nowMs) {
      sample(next)
      next += stepMs
    }
    apply(event)
  }
  while (next < nowMs) {
    sample(next)
    next += stepMs
  }
  sample(nowMs)
  return { times, counts }

  function apply(event: DomainEvent): void {
    switch (event.type) {
      case 'day.opened':
        waitingIn.clear()
        queueOf.clear()
        return
      case 'ticket.issued':
        queueOf.set(event.ticket.id, event.ticket.queueId)
        waitingIn.set(event.ticket.id, event.ticket.queueId)
        return
      case 'ticket.called':
        waitingIn.delete(event.ticketId)
        return
      case 'ticket.transferred': {
        const queueId = event.toQueueId ?? queueOf.get(event.ticketId)
        if (queueId === undefined) return
        queueOf.set(event.ticketId, queueId)
        waitingIn.set(event.ticketId, queueId)
        return
      }
      case 'ticket.cancelled':
      case 'ticket.expired':
        waitingIn.delete(event.ticketId)
        return
      default:
        return
    }
  }
}
