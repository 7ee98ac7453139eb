import type { Command } from './commands.js'
import type { DomainEvent } from './events.js'
import type { Hall } from './evolve.js'
import { type Context, type Decision } from './types.js'

/** Windows' staffing, cases (办件), ratings (好差评) and their follow-ups. */
type Of<T extends Command['type']> = Extract<
  Command,
  {
    type: T
  }
>
export declare function signIn(hall: Hall, cmd: Of<'signIn'>, ctx: Context): Decision<DomainEvent>
export declare function signOut(hall: Hall, cmd: Of<'signOut'>, ctx: Context): Decision<DomainEvent>
export declare function pause(hall: Hall, cmd: Of<'pause'>, ctx: Context): Decision<DomainEvent>
export declare function resume(hall: Hall, cmd: Of<'resume'>, ctx: Context): Decision<DomainEvent>
export declare function caseNumber(date: string, seq: number): string
export declare function receiptNumber(date: string, seq: number): string
export declare function startCase(hall: Hall, cmd: Of<'startCase'>, ctx: Context): Decision<DomainEvent>
export declare function finishCase(hall: Hall, cmd: Of<'finishCase'>, ctx: Context): Decision<DomainEvent>
export declare function rate(hall: Hall, cmd: Of<'rate'>, ctx: Context): Decision<DomainEvent>
export declare function verifyFollowUp(
  hall: Hall,
  cmd: Of<'verifyFollowUp'>,
  ctx: Context,
): Decision<DomainEvent>
export declare function closeFollowUp(
  hall: Hall,
  cmd: Of<'closeFollowUp'>,
  ctx: Context,
): Decision<DomainEvent>
/** Cases whose rating time ran out are recorded as 未评价. */
export declare function expireRatings(hall: Hall, ctx: Context): DomainEvent[]
