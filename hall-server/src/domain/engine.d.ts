import type { ErrorCode } from '@hall/protocol'
import { type AlarmPolicy } from './alarms.js'
import type { WorkingCalendar } from './calendar.js'
import type { Command } from './commands.js'
import type { DomainEvent } from './events.js'
import { type Effect, type Hall } from './evolve.js'
import type { Context, DomainConfig, HallState } from './types.js'
/**
 * The hall's domain core: commands in, events and effects out, synchronously, with the clock
 * given by the caller. No I/O: the server persists what `execute` returns before it answers.
 */
export interface EngineEnv {
  config: DomainConfig
  calendar: WorkingCalendar
  alarms: AlarmPolicy
}
export interface Outcome {
  /** Events applied, in order, including those of a day rollover before a refused command. */
  events: DomainEvent[]
  effects: Effect[]
  refusal: {
    code: ErrorCode
    message?: string
  } | null
}
export declare class HallEngine {
  private env
  hall: Hall
  constructor(state: HallState, env: EngineEnv)
  get state(): HallState
  get config(): DomainConfig
  get calendar(): WorkingCalendar
  context(now: number): Context
  execute(cmd: Command, now: number): Outcome
  /** Replays stored events (restart, or rebuilding after a failed commit). */
  replay(events: Iterable<DomainEvent>): void
}
