import { BigButton } from '../components/big-button'
import { CardGreeting } from '../components/card-greeting'
import { CalendarIcon, ProgressIcon, TicketIcon } from '../components/icons'
import { useStores } from '../store/context'

/** After a swipe on the start screen: the greeting, and what the card can be used for. */
export function CardPage() {
  const { hall, session, actions } = useStores()
  const mode = hall.hall.value?.mode ?? 'open'
  if (!session.liveCard.value) {
    return <p class="empty">身份证信息已失效，请重新刷卡。</p>
  }
  return (
    <section class="stack">
      <CardGreeting />
      <h1 class="page-title">请选择您要办理的事情</h1>
      <div class="actions">
        {mode === 'open' ? (
          <BigButton
            label="取号"
            sub="号码与您的身份证关联"
            icon={<TicketIcon />}
            tone="primary"
            testId="card-take-number"
            onPress={() => actions.startTakeNumber()}
          />
        ) : null}
        {mode !== 'closed' ? (
          <BigButton
            label="预约签到"
            sub="查找您今天的预约"
            icon={<CalendarIcon />}
            testId="card-check-in"
            onPress={() => actions.startCheckIn()}
          />
        ) : null}
        <BigButton
          label="办件进度"
          sub="查看您的办件"
          icon={<ProgressIcon />}
          testId="card-progress"
          onPress={() => actions.startProgress()}
        />
      </div>
    </section>
  )
}
