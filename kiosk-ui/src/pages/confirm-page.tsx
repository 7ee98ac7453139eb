import { PRIORITY_LABELS } from '@hall/protocol'
import { BigButton } from '../components/big-button'
import { CardGreeting } from '../components/card-greeting'
import { BusyNote, ErrorBox } from '../components/error-box'
import { TicketIcon } from '../components/icons'
import { useStores } from '../store/context'

/** What will be taken, and one large button to take it. */
export function ConfirmPage() {
  const { hall, session, actions } = useStores()
  const choice = session.choice.value
  if (!choice) return null
  const queue = hall.queue(choice.queueId)
  const card = session.liveCard.value
  return (
    <section class="stack">
      <CardGreeting />
      <h1 class="page-title">请确认您要办理的业务</h1>
      <div class="confirm" data-testid="confirm">
        <div class="confirm-queue">
          <span class="tile-letter">{queue?.prefix ?? ''}</span>
          <span>{choice.queueName}</span>
        </div>
        {choice.service ? <div class="confirm-service">事项：{choice.service.name}</div> : null}
        <div class="confirm-wait">
          当前等候 <strong>{queue?.waiting ?? 0}</strong> 人
        </div>
        {card?.elderly ? (
          <div class="confirm-priority">
            您年满 {card.age} 周岁，将按 <span class="badge badge-priority">{PRIORITY_LABELS.elderly}</span>{' '}
            取号
          </div>
        ) : null}
      </div>
      <BigButton
        label={session.busy.value ? '正在取号……' : '确认取号'}
        icon={<TicketIcon />}
        tone="primary"
        wide
        testId="confirm-issue"
        disabled={session.busy.value || !hall.online.value}
        onPress={() => void actions.issue()}
      />
      <BusyNote />
      <ErrorBox />
    </section>
  )
}
