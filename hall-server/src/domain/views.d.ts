import type {
  AlarmView,
  CaseView,
  Change,
  FollowUpView,
  HallInfo,
  QueueView,
  StaffCard,
  TicketView,
  WindowView,
} from '@hall/protocol'
import type { Effect, Hall } from './evolve.js'
import type { Alarm, Case, Context, FollowUp, StaffConfig, Ticket } from './types.js'
/**
 * The state as clients see it (the protocol's views). Pure functions of state and configuration;
 * personal data only as the masked name the domain holds.
 */
export declare function staffCard(staff: StaffConfig | undefined): StaffCard | null
export declare function ticketView(t: Ticket): TicketView
export declare function caseView(c: Case): CaseView
export declare function followUpView(f: FollowUp): FollowUpView
export declare function alarmView(a: Alarm): AlarmView
export declare function windowView(hall: Hall, ctx: Context, windowId: string): WindowView | null
export declare function queueView(hall: Hall, ctx: Context, queueId: string): QueueView | null
export declare function hallInfo(ctx: Context, date: string, notice: string): HallInfo
/**
 * Minutes a newly issued ticket can expect to wait: the people ahead, times today's average service
 * time of its queue (five minutes before the first is served), shared by the open windows serving it.
 */
export declare function estimateWaitMinutes(
  hall: Hall,
  ctx: Context,
  queueId: string,
  peopleAhead: number,
): number
/**
 * Turns effects into the changes sent to clients, deduplicated (a ticket touched twice in one
 * command is sent once, in its final state). Device changes are left to the caller, who knows when
 * each was last seen.
 */
export declare function changesOf(hall: Hall, ctx: Context, effects: Effect[], notice: string): Change[]
