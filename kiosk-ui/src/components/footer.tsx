import { countdownLabel } from '../logic/format'
import { useStores } from '../store/context'
import { BigButton } from './big-button'
import { BackIcon, HomeIcon } from './icons'

/** On every screen but the start: back, home, and the countdown before the kiosk resets itself. */
export function Footer() {
  const { session, idle } = useStores()
  const countdown = countdownLabel(idle.left.value)
  const finished = session.screen.value === 'ticket' || session.screen.value === 'ticketStatus'
  return (
    <footer class="bottom">
      {finished ? null : (
        <BigButton label="返回上一步" icon={<BackIcon />} testId="back" onPress={() => session.back()} />
      )}
      <span class="countdown" data-testid="countdown">
        {countdown ?? ''}
      </span>
      <BigButton
        label={finished ? '完成，返回首页' : '返回首页'}
        icon={<HomeIcon />}
        tone={finished ? 'primary' : 'secondary'}
        testId="home"
        onPress={() => session.reset()}
      />
    </footer>
  )
}
