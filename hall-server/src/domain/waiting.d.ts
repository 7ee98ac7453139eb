import type { PriorityPolicy, Ticket, WindowConfig, WindowState } from './types.js'
export declare class WaitingIndex {
  private readonly tickets
  private readonly lanes
  constructor(tickets: Record<string, Ticket>)
  static rebuild(tickets: Record<string, Ticket>): WaitingIndex
  add(ticket: Ticket): void
  /** Removes a ticket from the lane its current fields place it in; call before changing them. */
  remove(ticket: Ticket): void
  clear(): void
  waitingInQueue(queueId: string): number
  oldestInQueue(queueId: string): number | null
  /** People who will be called before this ticket in its lane, as a citizen would count them. */
  peopleAhead(ticket: Ticket): number
  pickNext(
    window: WindowConfig,
    state: WindowState,
    policy: PriorityPolicy,
  ): {
    ticketId: string
    byPolicy: 'priority' | 'normal'
  } | null
  private ticket
  private position
  /** First position whose ticket arrived after `issuedAt` (equal times keep issue order). */
  private upperBound
}
export declare function isWaiting(ticket: Ticket): boolean
