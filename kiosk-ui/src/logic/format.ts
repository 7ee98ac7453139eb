/**
 * How the kiosk writes times, dates, waits and counts. Times are shown in the hall's own time
 * zone (HallInfo.utcOffsetMinutes), never the browser's, so a misconfigured PC clock zone cannot
 * print a wrong hour on the screen.
 */
import { type DayUnit, dayLimitText } from '@hall/protocol'

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']

const pad = (n: number) => String(n).padStart(2, '0')

function local(ms: number, utcOffsetMinutes: number): Date {
  return new Date(ms + utcOffsetMinutes * 60_000)
}

/** `09:05` */
export function formatClock(ms: number, utcOffsetMinutes: number): string {
  const d = local(ms, utcOffsetMinutes)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** `2026年11月23日 星期一` */
export function formatDay(ms: number, utcOffsetMinutes: number): string {
  const d = local(ms, utcOffsetMinutes)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAYS[d.getUTCDay()]}`
}

/** `2026年11月23日 09:05` */
export function formatDateTime(ms: number, utcOffsetMinutes: number): string {
  const d = local(ms, utcOffsetMinutes)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${formatClock(ms, utcOffsetMinutes)}`
}

/** A business date `2026-11-30` as `2026年11月30日`; anything else is returned as it is. */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return date
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`
}

export function formatWait(minutes: number | null): string {
  if (minutes === null) return '暂时无法估计'
  if (minutes <= 1) return '很快就到'
  if (minutes < 60) return `约 ${minutes} 分钟`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m === 0 ? `约 ${h} 小时` : `约 ${h} 小时 ${m} 分钟`
}

export function formatPeopleAhead(n: number): string {
  return n <= 0 ? '前面没有人等候' : `前面还有 ${n} 人`
}

/** A time limit as a citizen reads it, in the guide's unit: 0 is 即办 (done on the spot). */
export function formatDays(days: number | null, unit: DayUnit): string {
  return dayLimitText(days, unit, '即办（当场办结）') ?? '—'
}

/** Seconds left before the screen goes back to the start, or null while it is not worth saying. */
export function countdownLabel(msLeft: number, warnBelowMs = 15_000): string | null {
  if (msLeft > warnBelowMs) return null
  return `${Math.max(0, Math.ceil(msLeft / 1000))} 秒后返回首页`
}
