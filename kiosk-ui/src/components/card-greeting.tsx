import { PRIORITY_LABELS } from '@hall/protocol'
import { useStores } from '../store/context'

/** The swiped card, masked: a greeting, and 老年人优先 when the card's age gives priority. */
export function CardGreeting() {
  const { session } = useStores()
  const card = session.liveCard.value
  if (!card) return null
  return (
    <div class="greeting" data-testid="greeting">
      <div class="greeting-name">{card.nameMasked}，您好！</div>
      <div class="greeting-sub">
        已读取您的身份证（{card.idMasked}）
        {card.elderly ? (
          <span class="badge badge-priority" data-testid="elderly-badge">
            {PRIORITY_LABELS.elderly}
          </span>
        ) : null}
      </div>
    </div>
  )
}
