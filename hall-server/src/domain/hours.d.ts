import type { HallMode } from '@hall/protocol'
import { type WorkingCalendar } from './calendar.js'
import type { DayHours, HoursConfig } from './types.js'
/**
 * When the hall issues numbers. Normal hours per kind of day (working day, weekend — 周末无休 —,
 * holiday), and around them the 早晚弹性办 margins, open to appointments only
 * (淄川区镇村便民服务标准化管理办法 §11).
 */
export declare function hoursFor(date: string, hours: HoursConfig, calendar: WorkingCalendar): DayHours
export declare function hallMode(
  now: number,
  utcOffsetMinutes: number,
  hours: HoursConfig,
  calendar: WorkingCalendar,
): HallMode
