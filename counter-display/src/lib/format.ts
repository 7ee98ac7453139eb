/**
 * How times, durations and people are written on the screens. Times are the hall's local time
 * (its configured UTC offset), not the browser's time zone, so a screen with a wrong zone still
 * shows the hall clock.
 */

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const

const pad2 = (n: number) => String(n).padStart(2, '0')

function shifted(ms: number, offsetMinutes: number): Date {
  return new Date(ms + offsetMinutes * 60_000)
}

/** 2026年11月23日 星期一 */
export function hallDate(ms: number, offsetMinutes: number): string {
  const d = shifted(ms, offsetMinutes)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAYS[d.getUTCDay()]}`
}

/** 09:05:03, or 09:05 without seconds. */
export function hallTime(ms: number, offsetMinutes: number, seconds = true): string {
  const d = shifted(ms, offsetMinutes)
  const hm = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`
  return seconds ? `${hm}:${pad2(d.getUTCSeconds())}` : hm
}

/** 11月30日 17:00 */
export function hallDateTime(ms: number, offsetMinutes: number): string {
  const d = shifted(ms, offsetMinutes)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hallTime(ms, offsetMinutes, false)}`
}

/** The hour of the day (0-23) in the hall. */
export function hallHour(ms: number, offsetMinutes: number): number {
  return shifted(ms, offsetMinutes).getUTCHours()
}

/** A wait or service time for people: 不足1分钟, 12分钟, 1小时5分钟; null when there is none. */
export function durationLabel(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—'
  if (seconds < 60) return '不足1分钟'
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes}分钟`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m === 0 ? `${h}小时` : `${h}小时${m}分钟`
}

/** Time left to a deadline, or how far past it: 还剩6天3小时, 还剩45分钟, 已超期2小时. */
export function deadlineLabel(deadline: number, now: number): string {
  const left = deadline - now
  const abs = Math.abs(left)
  const days = Math.floor(abs / 86_400_000)
  const hours = Math.floor((abs % 86_400_000) / 3_600_000)
  const minutes = Math.max(1, Math.floor((abs % 3_600_000) / 60_000))
  const span =
    days > 0
      ? `${days}天${hours > 0 ? `${hours}小时` : ''}`
      : hours > 0
        ? `${hours}小时${Math.floor((abs % 3_600_000) / 60_000)}分钟`
        : `${minutes}分钟`
  return left >= 0 ? `还剩${span}` : `已超期${span}`
}

/** Seconds left, for the pad's rating countdown (never negative). */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000))
}

/** 92.3%, or — when nothing was rated yet. */
export function percentLabel(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—'
  const value = Math.round(share * 1000) / 10
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`
}

/**
 * What stands in for a missing photo: Chinese names show their last two characters (晓梅 for
 * 张晓梅, as staff avatars commonly do), two-character names both, Latin names their initials.
 */
export function initials(name: string): string {
  const trimmed = name.trim()
  if (trimmed === '') return '？'
  if (/^[\p{Script=Latin}\s.'-]+$/u.test(trimmed)) {
    return trimmed
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase() ?? '')
      .join('')
  }
  const chars = [...trimmed.replace(/\s+/g, '')]
  return chars.length <= 2 ? chars.join('') : chars.slice(-2).join('')
}

/** A call written for a small or strip screen: A012 → 3号窗口. */
export function windowLabel(windowNumber: number): string {
  return `${windowNumber}号窗口`
}
