import type { HallSnapshot, TicketView } from '@hall/protocol'

/**
 * The tickets a window can serve, in the order "call next" would take them: the server's rule
 * (hall-server/src/domain/waiting.ts) replayed on the screen's copy of the hall. Tickets
 * transferred to this window come first; then the heads of its queues' lanes by arrival (a queue
 * later in the window's list counting `preferenceMinutes` later per position); a priority ticket
 * goes first unless the window already called `maxConsecutivePriority` in a row while a normal
 * ticket waits.
 *
 * The snapshot does not carry the hall's priority policy, so it is passed in; the default is the
 * server's default configuration.
 */

export interface PriorityPolicy {
  maxConsecutivePriority: number
  preferenceMinutes: number
}

export const DEFAULT_POLICY: PriorityPolicy = { maxConsecutivePriority: 2, preferenceMinutes: 0 }

export interface WaitingEntry {
  ticket: TicketView
  priority: boolean
  /** Transferred to this very window. */
  transferredHere: boolean
}

function laneKey(ticket: TicketView): string | null {
  if (ticket.status === 'waiting') return `q:${ticket.queueId}`
  if (ticket.status !== 'transferred') return null
  if (ticket.transferWindowId !== null) return `w:${ticket.transferWindowId}`
  return `q:${ticket.transferQueueId ?? ticket.queueId}`
}

interface Lane {
  priority: TicketView[]
  normal: TicketView[]
  offset: number
}

export function waitingForWindow(
  snapshot: HallSnapshot,
  windowId: string,
  policy: PriorityPolicy = snapshot.hall.callingRule ?? DEFAULT_POLICY,
  limit = 200,
): WaitingEntry[] {
  const window = snapshot.windows.find((w) => w.id === windowId)
  if (!window) return []
  const lanes = new Map<string, Lane>()
  lanes.set(`w:${windowId}`, { priority: [], normal: [], offset: -1e15 })
  window.queueIds.forEach((queueId, position) => {
    if (!lanes.has(`q:${queueId}`)) {
      lanes.set(`q:${queueId}`, {
        priority: [],
        normal: [],
        offset: position * policy.preferenceMinutes * 60_000,
      })
    }
  })
  const byArrival = [...snapshot.tickets].sort((a, b) => a.issuedAt - b.issuedAt || a.number - b.number)
  for (const ticket of byArrival) {
    const key = laneKey(ticket)
    const lane = key === null ? undefined : lanes.get(key)
    if (!lane) continue
    ;(ticket.priority === 'normal' ? lane.normal : lane.priority).push(ticket)
  }
  const heads = { priority: new Map<Lane, number>(), normal: new Map<Lane, number>() }
  const best = (kind: 'priority' | 'normal'): { lane: Lane; ticket: TicketView } | null => {
    let found: { lane: Lane; ticket: TicketView; rank: number } | null = null
    for (const lane of lanes.values()) {
      const ticket = lane[kind][heads[kind].get(lane) ?? 0]
      if (!ticket) continue
      const rank = ticket.issuedAt + lane.offset
      if (!found || rank < found.rank) found = { lane, ticket, rank }
    }
    return found
  }
  const out: WaitingEntry[] = []
  let streak = window.priorityStreak
  while (out.length < limit) {
    const priority = best('priority')
    const normal = best('normal')
    const takePriority = priority !== null && (normal === null || streak < policy.maxConsecutivePriority)
    const pick = takePriority ? priority : normal
    if (!pick) break
    const kind = takePriority ? 'priority' : 'normal'
    heads[kind].set(pick.lane, (heads[kind].get(pick.lane) ?? 0) + 1)
    streak = takePriority ? streak + 1 : 0
    out.push({
      ticket: pick.ticket,
      priority: pick.ticket.priority !== 'normal',
      transferredHere: pick.ticket.transferWindowId === windowId,
    })
  }
  return out
}
