import type { PriorityPolicy, Ticket, WindowConfig, WindowState } from './types.js'

/**
 * Who waits where, and who a window calls next.
 *
 * Every waiting ticket stands in one lane: its queue's, or, when it was transferred to one window,
 * that window's; within the lane, priority tickets and normal ones apart, each in arrival order (a
 * transferred ticket keeps its place by its original issue time). The lanes are derived from the
 * tickets and rebuilt after a restore; they are never stored.
 *
 * The calling rule, for a window W with streak s (priority calls in a row by "call next"):
 * 1. Candidates: the head of each lane W serves. A ticket transferred to W itself ranks before
 *    the queues; a queue at position i in W's list ranks as if its tickets arrived
 *    i × preferenceMinutes later (0 = pure arrival order, 无差别受理).
 * 2. If a priority candidate exists and (no normal candidate exists or s < maxConsecutivePriority),
 *    call the best priority candidate; otherwise call the best normal candidate.
 * So no window calls more than maxConsecutivePriority priority tickets in a row while a normal
 * ticket it serves is waiting: a normal ticket with n normal tickets ahead of it at its window is
 * called within (n + 1) × (maxConsecutivePriority + 1) calls of that window.
 */

interface Lane {
  priority: string[]
  normal: string[]
}

const DIRECT_TRANSFER_RANK = -1e15

export class WaitingIndex {
  private readonly lanes = new Map<string, Lane>()

  constructor(private readonly tickets: Record<string, Ticket>) {}

  static rebuild(tickets: Record<string, Ticket>): WaitingIndex {
    const index = new WaitingIndex(tickets)
    const waiting = Object.values(tickets).filter(isWaiting)
    waiting.sort((a, b) => a.issuedAt - b.issuedAt || a.number - b.number)
    for (const ticket of waiting) index.add(ticket)
    return index
  }

  add(ticket: Ticket): void {
    const key = laneKey(ticket)
    if (key === null) return
    let lane = this.lanes.get(key)
    if (!lane) {
      lane = { priority: [], normal: [] }
      this.lanes.set(key, lane)
    }
    const ids = ticket.priority === 'normal' ? lane.normal : lane.priority
    ids.splice(this.upperBound(ids, ticket.issuedAt), 0, ticket.id)
  }

  /** Removes a ticket from the lane its current fields place it in; call before changing them. */
  remove(ticket: Ticket): void {
    const key = laneKey(ticket)
    if (key === null) return
    const lane = this.lanes.get(key)
    if (!lane) return
    const ids = ticket.priority === 'normal' ? lane.normal : lane.priority
    const at = ids.indexOf(ticket.id)
    if (at >= 0) ids.splice(at, 1)
  }

  clear(): void {
    this.lanes.clear()
  }

  waitingInQueue(queueId: string): number {
    const lane = this.lanes.get(`q:${queueId}`)
    return lane ? lane.priority.length + lane.normal.length : 0
  }

  oldestInQueue(queueId: string): number | null {
    const lane = this.lanes.get(`q:${queueId}`)
    if (!lane) return null
    const heads = [lane.priority[0], lane.normal[0]].flatMap((id) => (id ? [this.ticket(id).issuedAt] : []))
    return heads.length === 0 ? null : Math.min(...heads)
  }

  /** People who will be called before this ticket in its lane, as a citizen would count them. */
  peopleAhead(ticket: Ticket): number {
    const key = laneKey(ticket)
    const lane = key === null ? undefined : this.lanes.get(key)
    if (!lane) return 0
    if (ticket.priority !== 'normal') return this.position(lane.priority, ticket)
    return lane.priority.length + this.position(lane.normal, ticket)
  }

  pickNext(
    window: WindowConfig,
    state: WindowState,
    policy: PriorityPolicy,
  ): { ticketId: string; byPolicy: 'priority' | 'normal' } | null {
    let bestPriority: { id: string; rank: number } | null = null
    let bestNormal: { id: string; rank: number } | null = null
    const consider = (key: string, offset: number) => {
      const lane = this.lanes.get(key)
      if (!lane) return
      const p = lane.priority[0]
      if (p !== undefined) {
        const rank = this.ticket(p).issuedAt + offset
        if (!bestPriority || rank < bestPriority.rank) bestPriority = { id: p, rank }
      }
      const n = lane.normal[0]
      if (n !== undefined) {
        const rank = this.ticket(n).issuedAt + offset
        if (!bestNormal || rank < bestNormal.rank) bestNormal = { id: n, rank }
      }
    }
    consider(`w:${window.id}`, DIRECT_TRANSFER_RANK)
    window.queueIds.forEach((queueId, position) => {
      consider(`q:${queueId}`, position * policy.preferenceMinutes * 60_000)
    })
    const priority = bestPriority as { id: string; rank: number } | null
    const normal = bestNormal as { id: string; rank: number } | null
    if (priority && (!normal || state.priorityStreak < policy.maxConsecutivePriority)) {
      return { ticketId: priority.id, byPolicy: 'priority' }
    }
    return normal ? { ticketId: normal.id, byPolicy: 'normal' } : null
  }

  private ticket(id: string): Ticket {
    const ticket = this.tickets[id]
    if (!ticket) throw new Error(`waiting index holds unknown ticket ${id}`)
    return ticket
  }

  private position(ids: string[], ticket: Ticket): number {
    // Binary search to the first ticket of the same instant, then a short walk to this one.
    let low = 0
    let high = ids.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (this.ticket(ids[mid] as string).issuedAt < ticket.issuedAt) low = mid + 1
      else high = mid
    }
    for (let at = low; at < ids.length && this.ticket(ids[at] as string).issuedAt === ticket.issuedAt; at++) {
      if (ids[at] === ticket.id) return at
    }
    return low
  }

  /** First position whose ticket arrived after `issuedAt` (equal times keep issue order). */
  private upperBound(ids: string[], issuedAt: number): number {
    let low = 0
    let high = ids.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (this.ticket(ids[mid] as string).issuedAt <= issuedAt) low = mid + 1
      else high = mid
    }
    return low
  }
}

export function isWaiting(ticket: Ticket): boolean {
  return ticket.status === 'waiting' || ticket.status === 'transferred'
}

function laneKey(ticket: Ticket): string | null {
  if (ticket.status === 'waiting') return `q:${ticket.queueId}`
  if (ticket.status !== 'transferred') return null
  if (ticket.transferWindowId !== null) return `w:${ticket.transferWindowId}`
  return `q:${ticket.transferQueueId ?? ticket.queueId}`
}
