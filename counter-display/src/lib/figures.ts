import {
  type AlarmView,
  BAD_RATINGS,
  type CaseView,
  type DayStats,
  type FollowUpView,
  type QueueView,
  RATING_LEVELS,
  type RatingLevel,
  type StaffCard,
  UNRATED,
  type WindowView,
} from '@hall/protocol'

/** The figures the wall shows, computed from the day's stats and the live state. */

export interface Satisfaction {
  counts: Record<RatingLevel, number>
  /** Ratings given (未评价 not counted). */
  rated: number
  /** 非常满意 + 满意. */
  good: number
  /** 不满意 + 非常不满意. */
  bad: number
  /** Share of 非常满意 + 满意 among the rated; null before the first rating. */
  share: number | null
  unrated: number
}

export function satisfaction(ratings: Record<string, number>): Satisfaction {
  const counts = Object.fromEntries(RATING_LEVELS.map((level) => [level, ratings[level] ?? 0])) as Record<
    RatingLevel,
    number
  >
  const rated = RATING_LEVELS.reduce((sum, level) => sum + counts[level], 0)
  const good = counts.very_satisfied + counts.satisfied
  const bad = BAD_RATINGS.reduce((sum, level) => sum + counts[level], 0)
  return {
    counts,
    rated,
    good,
    bad,
    share: rated === 0 ? null : good / rated,
    unrated: ratings[UNRATED] ?? 0,
  }
}

/** Today's average wait (issue to first call), seconds; null before the first call. */
export function averageWaitSec(stats: DayStats): number | null {
  return stats.waitCount > 0 ? stats.waitSecTotal / stats.waitCount : null
}

/** Today's average service time (call to finish), seconds; null before the first finish. */
export function averageServiceSec(stats: DayStats): number | null {
  return stats.serviceCount > 0 ? stats.serviceSecTotal / stats.serviceCount : null
}

/** How long the longest-waiting ticket of a queue has waited, seconds; null when nobody waits. */
export function longestWaitSec(queue: QueueView, now: number): number | null {
  return queue.oldestWaitingAt === null ? null : Math.max(0, (now - queue.oldestWaitingAt) / 1000)
}

export function isOverdue(followUp: FollowUpView, now: number): boolean {
  return followUp.closedAt === null && followUp.deadline < now
}

/** Open follow-ups, overdue first, then by deadline. */
export function followUpsToShow(followUps: readonly FollowUpView[], now: number): FollowUpView[] {
  return followUps
    .filter((f) => f.closedAt === null)
    .sort((a, b) => Number(isOverdue(b, now)) - Number(isOverdue(a, now)) || a.deadline - b.deadline)
}

export type PostState = 'postA' | 'postB' | 'other' | 'unstaffed'

/** Who sits at a window against its A/B posts (AB 岗): A, B, someone else, or nobody. */
export function postState(window: WindowView): PostState {
  if (window.staff === null || window.status === 'closed') return 'unstaffed'
  if (window.postA?.staffNo === window.staff.staffNo) return 'postA'
  if (window.postB?.staffNo === window.staff.staffNo) return 'postB'
  return 'other'
}

/** Windows flagged unstaffed: closed ones, and any the server raised a 窗口空岗 alarm for. */
export function unstaffedWindowIds(
  windows: readonly WindowView[],
  alarms: readonly AlarmView[],
): Set<string> {
  const ids = new Set(windows.filter((w) => postState(w) === 'unstaffed').map((w) => w.id))
  for (const alarm of alarms) if (alarm.active && alarm.kind === 'window_unstaffed') ids.add(alarm.subject)
  return ids
}

/** Tickets issued per hour, trimmed to the hours that matter: business hours and any with tickets. */
export function hourlySeries(
  issuedByHour: readonly number[],
  nowHour: number,
): { hours: number[]; counts: number[] } {
  let first = 8
  let last = Math.max(17, nowHour)
  issuedByHour.forEach((count, hour) => {
    if (count > 0) {
      first = Math.min(first, hour)
      last = Math.max(last, hour)
    }
  })
  const hours: number[] = []
  const counts: number[] = []
  for (let hour = first; hour <= Math.min(23, last); hour++) {
    hours.push(hour)
    counts.push(issuedByHour[hour] ?? 0)
  }
  return { hours, counts }
}

/** Whole days from `today` to a deadline date (both YYYY-MM-DD): negative once it has passed. */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000)
}

/** A promise deadline as the wall says it: 还剩3天, 今日到期, 已超期2天; none without a date. */
export function promiseLabel(deadline: string | null, today: string): string {
  if (deadline === null) return '无承诺期限'
  const days = daysUntil(deadline, today)
  if (days > 0) return `还剩${days}天`
  return days === 0 ? '今日到期' : `已超期${-days}天`
}

/** A case past its promise deadline (the deadline day itself is still in time). */
export function isPromiseOverdue(c: Pick<CaseView, 'promiseDeadline'>, today: string): boolean {
  return c.promiseDeadline !== null && daysUntil(c.promiseDeadline, today) < 0
}

/** The staff card of a window's A/B post or its clerk on duty with this number, if any. */
export function staffOfWindow(window: WindowView | undefined, staffNo: string): StaffCard | undefined {
  return [window?.postA, window?.postB, window?.staff].find((s) => s?.staffNo === staffNo) ?? undefined
}

/** Accepted 承诺件 and 上报件 not yet done: overdue first, then by deadline, undated last. */
export function pendingToShow(cases: readonly CaseView[], today: string): CaseView[] {
  const rank = (c: CaseView) => (c.promiseDeadline === null ? 1 : isPromiseOverdue(c, today) ? -1 : 0)
  return [...cases].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.promiseDeadline ?? '').localeCompare(b.promiseDeadline ?? '') ||
      a.openedAt - b.openedAt,
  )
}
