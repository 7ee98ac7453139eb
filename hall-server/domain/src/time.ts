/**
 * Hall time: dates and clocks in the hall's own time zone, given as a fixed UTC offset in minutes
 * (HallInfo.utcOffsetMinutes; China keeps no daylight saving time, so a fixed offset is exact).
 * Never the machine's or the browser's zone, so a PC with a wrong zone still prints the hall clock.
 * The server, the kiosk and the screens all write times with these functions.
 */

export const DAY_MS = 86_400_000

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const

const pad2 = (n: number) => String(n).padStart(2, '0')

/** The instant as the hall's wall clock reads it; fields as Date's UTC getters (month 1-12). */
interface WallClock {
  year: number
  month: number
  day: number
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number
  hours: number
  minutes: number
  seconds: number
}

function wallClock(ms: number, utcOffsetMinutes: number): WallClock {
  const d = new Date(ms + utcOffsetMinutes * 60_000)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hours: d.getUTCHours(),
    minutes: d.getUTCMinutes(),
    seconds: d.getUTCSeconds(),
  }
}

/** The hall's date, `2026-11-23`: the business day tickets and cases belong to. */
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

/** Parses `HH:MM` into minutes since midnight; `24:00` is allowed for end of day. */
export function parseClock(clock: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clock)
  if (!match) return Number.NaN
  const hours = Number(match[1])
  const minutes = Number(match[2])
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return Number.NaN
  return hours * 60 + minutes
}

/** Minutes since midnight as `HH:MM`, the inverse of parseClock. */
export function clockText(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`
}

/** Wall-clock time for files and paper (ledger, printed ticket): `2026-11-22 09:31`. */
export function formatLocal(now: number, utcOffsetMinutes: number): string {
  return new Date(now + utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ')
}

/** `09:05:03`, or `09:05` without seconds. */
export function hallTime(ms: number, utcOffsetMinutes: number, seconds = true): string {
  const c = wallClock(ms, utcOffsetMinutes)
  const hm = `${pad2(c.hours)}:${pad2(c.minutes)}`
  return seconds ? `${hm}:${pad2(c.seconds)}` : hm
}

/** `2026年11月23日 星期一` */
export function hallDate(ms: number, utcOffsetMinutes: number): string {
  const c = wallClock(ms, utcOffsetMinutes)
  return `${c.year}年${c.month}月${c.day}日 ${WEEKDAYS[c.weekday]}`
}

/** `11月30日 17:00`, or with the year, `2026年11月30日 17:00`. */
export function hallDateTime(ms: number, utcOffsetMinutes: number, options: { year?: boolean } = {}): string {
  const c = wallClock(ms, utcOffsetMinutes)
  const date = `${c.month}月${c.day}日`
  return `${options.year ? `${c.year}年` : ''}${date} ${hallTime(ms, utcOffsetMinutes, false)}`
}

/** A business date `2026-11-30` as `2026年11月30日`; anything else is returned as it is. */
export function dateLabel(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return date
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`
}
