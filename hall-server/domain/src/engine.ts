import type { ErrorCode } from '@hall/protocol'
import { type AlarmPolicy, deviceStatus, syncAlarms } from './alarms.js'
import type { WorkingCalendar } from './calendar.js'
import type { Command } from './commands.js'
import {
  closeFollowUp,
  expireRatings,
  finishCase,
  pause,
  rate,
  resume,
  signIn,
  signOut,
  startCase,
  verifyFollowUp,
} from './decide-cases.js'
import {
  callNext,
  callTicket,
  cancelTicket,
  complete,
  issueTicket,
  recall,
  rollDay,
  skip,
  transfer,
} from './decide-tickets.js'
import type { DomainEvent } from './events.js'
import { evolve } from './evolve.js'
import { createHall, type Effect, type Hall } from './state.js'
import type { Context, Decision, DomainConfig, HallState } from './types.js'

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
  refusal: { code: ErrorCode; message?: string } | null
}

function decideCommand(hall: Hall, cmd: Command, ctx: Context): Decision<DomainEvent> {
  switch (cmd.type) {
    case 'tick':
      return { ok: true, events: expireRatings(hall, ctx) }
    case 'issueTicket':
      return issueTicket(hall, cmd, ctx)
    case 'callNext':
      return callNext(hall, cmd, ctx)
    case 'recall':
      return recall(hall, cmd, ctx)
    case 'skip':
      return skip(hall, cmd, ctx)
    case 'transfer':
      return transfer(hall, cmd, ctx)
    case 'callTicket':
      return callTicket(hall, cmd, ctx)
    case 'complete':
      return complete(hall, cmd, ctx)
    case 'cancelTicket':
      return cancelTicket(hall, cmd, ctx)
    case 'signIn':
      return signIn(hall, cmd, ctx)
    case 'signOut':
      return signOut(hall, cmd, ctx)
    case 'pause':
      return pause(hall, cmd, ctx)
    case 'resume':
      return resume(hall, cmd, ctx)
    case 'startCase':
      return startCase(hall, cmd, ctx)
    case 'finishCase':
      return finishCase(hall, cmd, ctx)
    case 'rate':
      return rate(hall, cmd, ctx)
    case 'verifyFollowUp':
      return verifyFollowUp(hall, cmd, ctx)
    case 'closeFollowUp':
      return closeFollowUp(hall, cmd, ctx)
    case 'deviceStatus':
      return deviceStatus(hall, cmd, ctx)
  }
}

export class HallEngine {
  hall: Hall

  constructor(
    state: HallState,
    private env: EngineEnv,
  ) {
    this.hall = createHall(state)
  }

  get state(): HallState {
    return this.hall.state
  }

  get config(): DomainConfig {
    return this.env.config
  }

  get calendar(): WorkingCalendar {
    return this.env.calendar
  }

  context(now: number): Context {
    return { now, config: this.env.config, calendar: this.env.calendar }
  }

  execute(cmd: Command, now: number): Outcome {
    const ctx = this.context(now)
    const events: DomainEvent[] = []
    const effects: Effect[] = []
    const applyAll = (list: DomainEvent[]) => {
      for (const event of list) {
        events.push(event)
        effects.push(...evolve(this.hall, event))
      }
    }
    applyAll(rollDay(this.hall, ctx))
    const decision = decideCommand(this.hall, cmd, ctx)
    if (!decision.ok) {
      const refusal =
        decision.message === undefined
          ? { code: decision.code }
          : { code: decision.code, message: decision.message }
      return { events, effects, refusal }
    }
    applyAll(decision.events)
    if (
      cmd.type === 'tick' ||
      cmd.type === 'deviceStatus' ||
      cmd.type === 'rate' ||
      cmd.type === 'closeFollowUp'
    ) {
      applyAll(syncAlarms(this.hall, ctx, this.env.alarms))
    }
    return { events, effects, refusal: null }
  }

  /** Replays stored events (restart, or rebuilding after a failed commit). */
  replay(events: Iterable<DomainEvent>): void {
    for (const event of events) evolve(this.hall, event)
  }
}
