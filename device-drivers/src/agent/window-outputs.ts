/**
 * What a window's LED screen and evaluator box should show, as pure functions of the hall state
 * (the same `HallSnapshot` every screen keeps with `applyDelta`), and the mapping of the box's
 * buttons to the contract's rating vocabulary.
 */

import {
  BAD_RATINGS,
  type ButtonRatingPayload,
  type CaseView,
  type HallSnapshot,
  RATING_LEVELS,
  type RatingReason,
  WINDOW_STATUS_LABELS,
} from '@hall/protocol'
import {
  BAD_RATING_REASONS,
  type BadRatingReason,
  type RatingLevel as BoxLevel,
} from '../codecs/evaluator/index.js'

/** The two lines of a window screen: its name, then what a citizen needs to know now. */
export function windowScreenLines(state: HallSnapshot, windowId: string): string[] {
  const window = state.windows.find((w) => w.id === windowId)
  if (!window) return []
  if (window.status !== 'open') return [window.name, WINDOW_STATUS_LABELS[window.status]]
  const ticket = state.tickets.find((t) => t.id === window.currentTicketId)
  if (ticket?.status === 'called') return [window.name, `请 ${ticket.code} 号办理`]
  if (ticket?.status === 'serving') return [window.name, `正在办理 ${ticket.code} 号`]
  return [window.name, '欢迎办理']
}

/** Fits the lines to a screen with `lineCount` lines (a one-line strip gets them joined). */
export function fitLines(lines: string[], lineCount: number | null): string[] {
  if (lineCount === 1 && lines.length > 1) return [lines.join(' ')]
  if (lineCount !== null && lineCount > 0) return lines.slice(0, lineCount)
  return lines
}

export type EvaluatorTarget =
  | { mode: 'prompt'; caseId: string; caseRef: string; timeoutSec: number }
  | { mode: 'idle' }

/**
 * The case of this window that waits for its rating: finished, unrated, its deadline ahead; the
 * latest one if several (the server rates that one when the box is pressed).
 */
export function caseAwaitingRating(state: HallSnapshot, windowId: string, now: number): CaseView | null {
  const waiting = state.cases
    .filter(
      (c) =>
        c.windowId === windowId &&
        c.status === 'finished' &&
        c.rating === null &&
        (c.ratingDeadline === null || c.ratingDeadline > now),
    )
    .sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0))
  return waiting[0] ?? null
}

/** A reference the box may show: printable ASCII, at most 32 characters. */
export function caseRefFor(c: CaseView): string {
  const ascii = (s: string): string => s.replace(/[^\x20-\x7e]/g, '')
  const ref = ascii(c.ticketCode ?? '') || ascii(c.id)
  return ref.slice(-32)
}

export function evaluatorTarget(state: HallSnapshot, windowId: string, now: number): EvaluatorTarget {
  const waiting = caseAwaitingRating(state, windowId, now)
  if (!waiting) return { mode: 'idle' }
  const left = waiting.ratingDeadline === null ? 60 : Math.ceil((waiting.ratingDeadline - now) / 1000)
  return {
    mode: 'prompt',
    caseId: waiting.id,
    caseRef: caseRefFor(waiting),
    timeoutSec: Math.max(1, Math.min(255, left)),
  }
}

/**
 * The box's reason buttons (codecs/evaluator) and the contract's reasons are two lists. Where a
 * button has a match it maps to it; otherwise it becomes `other`, and its label goes into the
 * comment so nothing the citizen pressed is lost.
 */
const REASON_MAP: Readonly<Record<BadRatingReason, RatingReason | null>> = {
  1: 'wait',
  2: 'attitude',
  3: 'unskilled',
  4: 'slow',
  5: 'materials',
  6: 'repeated',
  7: 'unclear',
  8: 'other',
}

/** A box press as the contract's rating: level 1 (非常满意) … 5 (非常不满意). */
export function ratingPayload(level: BoxLevel, reasons: readonly BadRatingReason[]): ButtonRatingPayload {
  const mapped: RatingReason[] = []
  const unmatched: string[] = []
  for (const r of reasons) {
    const m = REASON_MAP[r]
    if (m === null) unmatched.push(BAD_RATING_REASONS[r])
    const reason = m ?? 'other'
    if (!mapped.includes(reason)) mapped.push(reason)
  }
  const payload: ButtonRatingPayload = { level: RATING_LEVELS[level - 1] ?? 'satisfied' }
  // The server requires a reason for a bad rating; a citizen who pressed none still rated.
  if (mapped.length === 0 && BAD_RATINGS.includes(payload.level)) {
    mapped.push('other')
    unmatched.push('未选择原因')
  }
  if (mapped.length > 0) payload.reasons = mapped
  if (unmatched.length > 0) payload.comment = `评价器按键：${unmatched.join('、')}`
  return payload
}
