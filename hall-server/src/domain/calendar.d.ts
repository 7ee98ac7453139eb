/**
 * Dates in the hall's time zone, and the working-day calendar behind promised time limits (承诺时限
 * in working days). China keeps no daylight saving time, so a fixed UTC offset is exact.
 *
 * The calendar is an interface so that the national holiday schedule (with its 调休 working
 * weekends) can be supplied from configuration or replaced by another source.
 */
export interface WorkingCalendar {
  isWorkingDay(date: string): boolean
  /** The date `days` working days after `date` (the day itself does not count). */
  addWorkingDays(date: string, days: number): string
  /** Whether the date is an official holiday (the hall may keep holiday hours). */
  isHoliday(date: string): boolean
}
export interface CalendarConfig {
  /** Official holidays, `YYYY-MM-DD`. */
  holidays: readonly string[]
  /** Weekend days made working days (调休), `YYYY-MM-DD`. */
  workdays: readonly string[]
}
export declare function businessDate(now: number, utcOffsetMinutes: number): string
/** Minutes since local midnight. */
export declare function minuteOfDay(now: number, utcOffsetMinutes: number): number
/** Hour of the local day, 0-23. */
export declare function hourOfDay(now: number, utcOffsetMinutes: number): number
/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export declare function weekday(date: string): number
export declare function addDays(date: string, days: number): string
/** Local wall-clock formatting, `2026-11-22 09:31`. */
export declare function formatLocal(now: number, utcOffsetMinutes: number): string
/** Parses `HH:MM` into minutes since midnight; `24:00` is allowed for end of day. */
export declare function parseClock(clock: string): number
export declare function createCalendar(config: CalendarConfig): WorkingCalendar
