import type { Command } from './commands.js'
import type { DomainEvent } from './events.js'
import type { Hall } from './evolve.js'
import { type Context, type Decision, refuse, type WindowConfig, type WindowState } from './types.js'

/** Taking numbers and moving them through the windows. */
type Of<T extends Command['type']> = Extract<
  Command,
  {
    type: T
  }
>
export declare function callSentence(code: string, windowNumber: number): string
export declare function formatCode(prefix: string, number: number, digits: number): string
export declare function issueTicket(hall: Hall, cmd: Of<'issueTicket'>, ctx: Context): Decision<DomainEvent>
interface WindowAt {
  config: WindowConfig
  state: WindowState
}
/** The window, which must be staffed and not paused, for any calling action. */
export declare function servingWindow(
  hall: Hall,
  windowId: string,
  ctx: Context,
): WindowAt | ReturnType<typeof refuse>
export declare function callNext(hall: Hall, cmd: Of<'callNext'>, ctx: Context): Decision<DomainEvent>
export declare function callTicket(hall: Hall, cmd: Of<'callTicket'>, ctx: Context): Decision<DomainEvent>
export declare function recall(hall: Hall, cmd: Of<'recall'>, ctx: Context): Decision<DomainEvent>
export declare function skip(hall: Hall, cmd: Of<'skip'>, ctx: Context): Decision<DomainEvent>
export declare function transfer(hall: Hall, cmd: Of<'transfer'>, ctx: Context): Decision<DomainEvent>
export declare function complete(hall: Hall, cmd: Of<'complete'>, ctx: Context): Decision<DomainEvent>
export declare function cancelTicket(hall: Hall, cmd: Of<'cancelTicket'>, ctx: Context): Decision<DomainEvent>
/** Day rollover: yesterday's unfinished tickets are closed and today's counters start again. */
export declare function rollDay(hall: Hall, ctx: Context): DomainEvent[]
