import { type CaseView, RATING_LABELS, RATING_LEVELS } from '@hall/protocol'
import { secondsLeft } from '../../lib/format'
import { useHall } from '../../store/context'
import { usePad } from './pad-context'

/** How much each level's face smiles (negative frowns); drawn, so no emoji font is needed. */
const SMILE = [9, 5, 0, -5, -9] as const

function Face({ smile }: { smile: number }) {
  return (
    <svg class="rate__face" viewBox="0 0 48 48" aria-hidden="true">
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" stroke-width="3" />
      <circle cx="17" cy="19" r="2.6" fill="currentColor" />
      <circle cx="31" cy="19" r="2.6" fill="currentColor" />
      <path
        d={`M14 ${31 - smile / 3} Q24 ${31 + smile} 34 ${31 - smile / 3}`}
        fill="none"
        stroke="currentColor"
        stroke-width="3"
        stroke-linecap="round"
      />
    </svg>
  )
}

/** Five large buttons, best first, with the time left to rate. */
export function RatingLevels({ case: open }: { case: CaseView }) {
  const flow = usePad()
  const now = useHall().now.value
  const busy = flow.sending.value
  return (
    <div class="rate" data-screen="levels" data-case={open.id}>
      <h1 class="rate__title">请您对本次服务进行评价</h1>
      <p class="rate__sub">
        {open.serviceName ?? '本次办件'}
        {open.ticketCode && ` · 号码 ${open.ticketCode}`}
      </p>
      <div class="rate__levels">
        {RATING_LEVELS.map((level, i) => (
          <button
            key={level}
            type="button"
            class={`rate__level rate__level--${level}`}
            data-level={level}
            disabled={busy}
            onClick={() => void flow.chooseLevel(level)}
          >
            <Face smile={SMILE[i] ?? 0} />
            {RATING_LABELS[level]}
          </button>
        ))}
      </div>
      {flow.error.value && <p class="rate__error">{flow.error.value}</p>}
      {open.ratingDeadline !== null && (
        <p class="rate__left">
          剩余 <span class="num">{secondsLeft(open.ratingDeadline, now)}</span> 秒
        </p>
      )}
    </div>
  )
}
