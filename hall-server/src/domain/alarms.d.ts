import { type AlarmKind } from '@hall/protocol'
import type { Command } from './commands.js'
import type { DomainEvent } from './events.js'
import type { Hall } from './evolve.js'
import type { Context, Decision } from './types.js'
/**
 * Device health and the alarms a manager sees on the wall: devices offline or out of paper,
 * windows left empty (AB 岗: the backup is named) or paused too long, follow-ups past their
 * deadline. Alarms are derived from the state and the clock; `syncAlarms` turns the difference
 * into events so the log keeps their history.
 */
export interface AlarmPolicy {
  unstaffedGraceMinutes: number
  pauseAlertMinutes: number
}
type Of<T extends Command['type']> = Extract<
  Command,
  {
    type: T
  }
>
export declare function deviceStatus(hall: Hall, cmd: Of<'deviceStatus'>, ctx: Context): Decision<DomainEvent>
interface Wanted {
  kind: AlarmKind
  subject: string
  message: string
}
export declare function wantedAlarms(hall: Hall, ctx: Context, policy: AlarmPolicy): Wanted[]
export declare function syncAlarms(hall: Hall, ctx: Context, policy: AlarmPolicy): DomainEvent[]
