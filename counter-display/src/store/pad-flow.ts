import {
  type ApiClient,
  BAD_RATINGS,
  type CaseView,
  type HallSnapshot,
  type RatingLevel,
  type RatingReason,
} from '@hall/protocol'
import { computed, type ReadonlySignal, signal } from '@preact/signals'

/**
 * The evaluator pad (好差评): the staff card while nobody is to rate; once a case of this window is
 * finished, five levels; a bad one (不满意, 非常不满意) asks for at least one reason; then thanks.
 * The server allows one rating per case, on this window's pad, before the deadline; after it the
 * server records 未评价 and the case leaves the snapshot, which takes the pad back to the card.
 */

/** The case of this window waiting for its rating (the latest finished, if several). */
export function pendingRating(
  snapshot: HallSnapshot | null,
  windowId: string | null,
  now: number,
): CaseView | null {
  if (snapshot === null || windowId === null) return null
  const waiting = snapshot.cases.filter(
    (c) =>
      c.windowId === windowId &&
      c.status === 'finished' &&
      c.rating === null &&
      c.ratingDeadline !== null &&
      c.ratingDeadline > now,
  )
  waiting.sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0))
  return waiting[0] ?? null
}

export const isBad = (level: RatingLevel) => BAD_RATINGS.includes(level)

export type PadScreen =
  | { kind: 'card' }
  | { kind: 'levels'; case: CaseView }
  | { kind: 'reasons'; case: CaseView; level: RatingLevel }
  | { kind: 'thanks'; bad: boolean }
  | { kind: 'notice'; text: string }

interface Choice {
  caseId: string
  level: RatingLevel
}

export interface PadFlow {
  screen: ReadonlySignal<PadScreen>
  reasons: ReadonlySignal<ReadonlySet<RatingReason>>
  sending: ReadonlySignal<boolean>
  error: ReadonlySignal<string | null>
  chooseLevel(level: RatingLevel): Promise<void>
  toggleReason(reason: RatingReason): void
  back(): void
  submitReasons(): Promise<void>
}

export interface PadDeps {
  api: ApiClient
  snapshot: ReadonlySignal<HallSnapshot | null>
  now: ReadonlySignal<number>
  windowId: () => string | null
  errorText(error: unknown): string
  errorCode(error: unknown): string | null
  thanksMs?: number
}

/** Refusals after which there is nothing left to rate here. */
const FINAL = new Set(['RATING_EXISTS', 'RATING_EXPIRED', 'CASE_NOT_FOUND', 'CASE_STATE'])

export function createPadFlow(deps: PadDeps): PadFlow {
  const thanksMs = deps.thanksMs ?? 6000
  const choice = signal<Choice | null>(null)
  const reasons = signal<ReadonlySet<RatingReason>>(new Set())
  const sending = signal(false)
  const error = signal<string | null>(null)
  const shown = signal<{ screen: PadScreen; until: number } | null>(null)
  const done = signal<ReadonlySet<string>>(new Set())

  const pending = computed(() => {
    const found = pendingRating(deps.snapshot.value, deps.windowId(), deps.now.value)
    return found && !done.value.has(found.id) ? found : null
  })

  const screen = computed<PadScreen>(() => {
    const message = shown.value
    if (message && deps.now.value < message.until) return message.screen
    const open = pending.value
    if (!open) return { kind: 'card' }
    const chosen = choice.value
    if (chosen && chosen.caseId === open.id && isBad(chosen.level)) {
      return { kind: 'reasons', case: open, level: chosen.level }
    }
    return { kind: 'levels', case: open }
  })

  const show = (next: PadScreen) => {
    shown.value = { screen: next, until: deps.now.peek() + thanksMs }
  }

  async function submit(caseId: string, level: RatingLevel, why: RatingReason[]): Promise<void> {
    if (sending.peek()) return
    sending.value = true
    error.value = null
    try {
      await deps.api('submitRating', {
        params: { caseId },
        body: isBad(level) ? { level, reasons: why } : { level },
      })
      done.value = new Set([...done.peek(), caseId])
      choice.value = null
      reasons.value = new Set()
      show({ kind: 'thanks', bad: isBad(level) })
    } catch (failure) {
      const code = deps.errorCode(failure)
      if (code !== null && FINAL.has(code)) {
        done.value = new Set([...done.peek(), caseId])
        choice.value = null
        show({ kind: 'notice', text: deps.errorText(failure) })
      } else {
        error.value = deps.errorText(failure)
      }
    } finally {
      sending.value = false
    }
  }

  return {
    screen,
    reasons,
    sending,
    error,
    async chooseLevel(level) {
      const open = pending.peek()
      if (!open) return
      error.value = null
      if (isBad(level)) {
        choice.value = { caseId: open.id, level }
        reasons.value = new Set()
        return
      }
      await submit(open.id, level, [])
    },
    toggleReason(reason) {
      const next = new Set(reasons.peek())
      if (next.has(reason)) next.delete(reason)
      else next.add(reason)
      reasons.value = next
      error.value = null
    },
    back() {
      choice.value = null
      reasons.value = new Set()
      error.value = null
    },
    async submitReasons() {
      const chosen = choice.peek()
      if (!chosen) return
      if (reasons.peek().size === 0) {
        error.value = '请至少选择一项不满意的原因'
        return
      }
      await submit(chosen.caseId, chosen.level, [...reasons.peek()])
    },
  }
}
