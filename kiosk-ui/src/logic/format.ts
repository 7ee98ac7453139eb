/**
 * How the kiosk writes waits, counts and time limits. Hall times and dates (in the hall's own time
 * zone, never the PC's) come from @hall/domain: hallTime, hallDate, hallDateTime, dateLabel.
 */
import { type DayUnit, dayLimitText } from '@hall/protocol'

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
