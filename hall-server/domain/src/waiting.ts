import type { HallSnapshot, TicketView } from '@hall/protocol'
import type { PriorityPolicy, Ticket, WindowConfig } from './types.js'

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
 *
 * The server applies it with `pickNext`; the clerk console shows the order the next calls would take
 * with `callOrder` / `waitingForWindow`, which replay `pickNext` itself, so the two cannot disagree.
 */

/** What the rule reads of a ticket; the domain's Ticket and the wire TicketView both carry it. */
export type WaitingTicket = Pick<
  Ticket,
  'id' | 'number' | 'issuedAt' | 'priority' | 'status' | 'queueId' | 'transferQueueId' | 'transferWindowId'
>

/** What the rule reads of a window: which window, and its queues in order of preference. */
export type CallingWindow = Pick<WindowConfig, 'id' | 'queueIds'>

/** The part of the priority policy the rule uses; the snapshot carries it as `hall.callingRule`. */
export type CallingRule = Pick<PriorityPolicy, 'maxConsecutivePriority' | 'preferenceMinutes'>

/** 2 priority calls in a row, no queue preference: the hall configuration's defaults, and the screens'. */
export const DEFAULT_CALLING_RULE: CallingRule = { maxConsecutivePriority: 2, preferenceMinutes: 0 }

export interface NextCall {
  ticketId: string
  byPolicy: 'priority' | 'normal'
}

interface Lane {
  priority: string[]
  normal: string[]
}

const DIRECT_TRANSFER_RANK = -1e15

export class WaitingIndex<T extends WaitingTicket = Ticket> {
  private readonly lanes = new Map<string, Lane>()

  constructor(private readonly tickets: Readonly<Record<string, T>>) {}

  static rebuild<T extends WaitingTicket>(tickets: Readonly<Record<string, T>>): WaitingIndex<T> {
    const index = new WaitingIndex(tickets)
    const waiting = Object.values(tickets).filter(isWaiting)
    waiting.sort(arrivalOrder)
    for (const ticket of waiting) index.add(ticket)
    return index
  }

  add(ticket: T): void {
    const key = laneKey(ticket)
    if (key === null) return
    let lane = this.lanes.get(key)
    if (!lane) {
      lane = { priority: [], normal: [] }
      this.lanes.set(key, lane)
    }
    const ids = ticket.priority === 'normal' ? lane.normal : lane.priority
    ids.splice(this.position(ids, ticket), 0, ticket.id)
  }

  /** Removes a ticket from the lane its current fields place it in; call before changing them. */
  remove(ticket: T): void {
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
  peopleAhead(ticket: T): number {
    const key = laneKey(ticket)
    const lane = key === null ? undefined : this.lanes.get(key)
    if (!lane) return 0
    if (ticket.priority !== 'normal') return this.position(lane.priority, ticket)
    return lane.priority.length + this.position(lane.normal, ticket)
  }

  /** Who the window calls next by "call next", given its streak of priority calls. */
  pickNext(window: CallingWindow, state: { priorityStreak: number }, policy: CallingRule): NextCall | null {
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

  private ticket(id: string): T {
    const ticket = this.tickets[id]
    if (!ticket) throw new Error(`waiting index holds unknown ticket ${id}`)
    return ticket
  }

  /** Where the ticket stands (or would stand) in a lane: how many there come before it. */
  private position(ids: string[], ticket: T): number {
    let low = 0
    let high = ids.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (arrivalOrder(this.ticket(ids[mid] as string), ticket) < 0) low = mid + 1
      else high = mid
    }
    return low
  }
}

/**
 * Arrival order within a lane: issue time, then number, then id. Total, so the lanes built ticket by
 * ticket while the hall runs and the lanes rebuilt after a restore (or on a screen) are the same,
 * even for tickets issued or transferred within the same millisecond.
 */
function arrivalOrder(a: WaitingTicket, b: WaitingTicket): number {
  return a.issuedAt - b.issuedAt || a.number - b.number || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * The tickets in the order the window's next calls would take them, were it to press "call next" again
 * and again with nobody else calling and nothing issued meanwhile: `pickNext` replayed on a copy of
 * the lanes.
 */
export function callOrder<T extends WaitingTicket>(
  tickets: readonly T[],
  window: CallingWindow,
  priorityStreak: number,
  rule: CallingRule,
  limit = Number.POSITIVE_INFINITY,
): Array<{ ticket: T; byPolicy: NextCall['byPolicy'] }> {
  const byId: Record<string, T> = {}
  for (const ticket of tickets) byId[ticket.id] = ticket
  const index = WaitingIndex.rebuild(byId)
  const out: Array<{ ticket: T; byPolicy: NextCall['byPolicy'] }> = []
  const state = { priorityStreak }
  while (out.length < limit) {
    const pick = index.pickNext(window, state, rule)
    if (!pick) break
    const ticket = byId[pick.ticketId] as T
    index.remove(ticket)
    // As evolve does on ticket.called: a priority call lengthens the streak, a normal one ends it.
    state.priorityStreak = pick.byPolicy === 'priority' ? state.priorityStreak + 1 : 0
    out.push({ ticket, byPolicy: pick.byPolicy })
  }
  return out
}

export interface WaitingEntry {
  ticket: TicketView
  priority: boolean
  /** Transferred to this very window. */
  transferredHere: boolean
}

/** The clerk console's waiting list: the snapshot's tickets a window can serve, in calling order. */
export function waitingForWindow(
  snapshot: HallSnapshot,
  windowId: string,
  rule: CallingRule = snapshot.hall.callingRule ?? DEFAULT_CALLING_RULE,
  limit = 200,
): WaitingEntry[] {
  const window = snapshot.windows.find((w) => w.id === windowId)
  if (!window) return []
  return callOrder(snapshot.tickets, window, window.priorityStreak, rule, limit).map(
    ({ ticket, byPolicy }) => ({
      ticket,
      priority: byPolicy === 'priority',
      transferredHere: ticket.transferWindowId === windowId,
    }),
  )
}

export function isWaiting(ticket: WaitingTicket): boolean {
  return ticket.status === 'waiting' || ticket.status === 'transferred'
}

function laneKey(ticket: WaitingTicket): string | null {
  if (ticket.status === 'waiting') return `q:${ticket.queueId}`
  if (ticket.status !== 'transferred') return null
  if (ticket.transferWindowId !== null) return `w:${ticket.transferWindowId}`
  return `q:${ticket.transferQueueId ?? ticket.queueId}`
}
