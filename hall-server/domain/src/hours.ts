import type { HallMode } from '@hall/protocol'
import type { WorkingCalendar } from './calendar.js'
import { businessDate, minuteOfDay, parseClock, weekday } from './time.js'
import type { DayHours, HoursConfig } from './types.js'

/**
 * When the hall issues numbers. Normal hours per kind of day (working day, weekend — 周末无休 —,
 * holiday), and around them the 早晚弹性办 margins, open to appointments only
 * (淄川区镇村便民服务标准化管理办法 §11).
 */
export function hoursFor(date: string, hours: HoursConfig, calendar: WorkingCalendar): DayHours {
  if (calendar.isHoliday(date)) return hours.holiday
  if (calendar.isWorkingDay(date)) return hours.workday
  const day = weekday(date)
  return day === 0 || day === 6 ? hours.weekend : hours.workday
}

export function hallMode(
  now: number,
  utcOffsetMinutes: number,
  hours: HoursConfig,
  calendar: WorkingCalendar,
): HallMode {
  const today = hoursFor(businessDate(now, utcOffsetMinutes), hours, calendar)
  if (today === null) return 'closed'
  const minute = minuteOfDay(now, utcOffsetMinutes)
  const open = parseClock(today[0])
  const close = parseClock(today[1])
  if (minute >= open && minute < close) return 'open'
  if (minute >= open - hours.appointmentMinutesBefore && minute < close + hours.appointmentMinutesAfter) {
    return 'appointment_only'
  }
  return 'closed'
}
