import { addDays, weekday } from './time.js'

/**
 * The working-day calendar behind promised time limits (承诺时限 in working days); the hall's
 * dates and clocks are in time.ts.
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
