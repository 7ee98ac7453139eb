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

const DAY_MS = 86_400_000

export function businessDate(now: number, utcOffsetMinutes: number): string {
  return new Date(now + utcOffsetMinutes * 60_000).toISOString().slice(0, 10)
}

/** Minutes since local midnight. */
export function minuteOfDay(now: number, utcOffsetMinutes: number): number {
  const local = now + utcOffsetMinutes * 60_000
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000)
}

/** Hour of the local day, 0-23. */
export function hourOfDay(now: number, utcOffsetMinutes: number): number {
  return Math.floor(minuteOfDay(now, utcOffsetMinutes) / 60)
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay()
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Local wall-clock formatting, `2026-11-22 09:31`. */
export function formatLocal(now: number, utcOffsetMinutes: number): string {
  return new Date(now + utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ')
}

/** Parses `HH:MM` into minutes since midnight; `24:00` is allowed for end of day. */
export function parseClock(clock: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clock)
  if (!match) return Number.NaN
  const hours = Number(match[1])
  const minutes = Number(match[2])
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return Number.NaN
  return hours * 60 + minutes
}

export function createCalendar(config: CalendarConfig): WorkingCalendar {
  const holidays = new Set(config.holidays)
  const workdays = new Set(config.workdays)
  const isWorkingDay = (date: string): boolean => {
    if (workdays.has(date)) return true
    if (holidays.has(date)) return false
    const day = weekday(date)
    return day !== 0 && day !== 6
  }
  return {
    isWorkingDay,
    isHoliday: (date) => holidays.has(date),
    addWorkingDays(date, days) {
      let current = date
      let left = days
      // A year of holidays cannot hold more than a few hundred non-working days in a row.
      for (let guard = 0; left > 0 && guard < 10_000; guard++) {
        current = addDays(current, 1)
        if (isWorkingDay(current)) left--
      }
      return current
    },
  }
}
