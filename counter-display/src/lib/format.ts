/**
 * How durations, shares and people are written on the screens. Hall times and dates come from
 * @hall/domain (hallTime, hallDate, hallDateTime), the same functions the kiosk and the server use.
 */

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
