import { RATING_LABELS, RATING_REASONS, type RatingLevel, type RatingReason } from '@hall/protocol'
import { usePad } from './pad-context'

/** For 不满意 and 非常不满意: at least one reason, so the follow-up knows what to look into. */
export function RatingReasons({ level }: { level: RatingLevel }) {
  const flow = usePad()
  const chosen = flow.reasons.value
  const busy = flow.sending.value
  return (
    <div class="rate" data-screen="reasons">
      <h1 class="rate__title">
        您选择了「<span class="rate__bad">{RATING_LABELS[level]}</span>」，请告诉我们原因（可多选）
      </h1>
      <div class="rate__reasons">
        {(Object.keys(RATING_REASONS) as RatingReason[]).map((reason) => (
          <button
            key={reason}
            type="button"
            class={`rate__reason${chosen.has(reason) ? ' is-on' : ''}`}
            data-reason={reason}
            aria-pressed={chosen.has(reason)}
            onClick={() => flow.toggleReason(reason)}
          >
            {RATING_REASONS[reason]}
          </button>
        ))}
      </div>
      {flow.error.value && <p class="rate__error">{flow.error.value}</p>}
      <div class="rate__actions">
        <button type="button" class="rate__back" disabled={busy} onClick={() => flow.back()}>
          返回重选
        </button>
        <button
          type="button"
          class="rate__submit"
          data-action="submit"
          disabled={busy || chosen.size === 0}
          onClick={() => void flow.submitReasons()}
        >
          {busy ? '正在提交…' : '提交评价'}
        </button>
      </div>
    </div>
  )
}
