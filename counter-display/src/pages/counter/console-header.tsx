import { waitingForWindow } from '@hall/domain'
import { WINDOW_STATUS_LABELS, type WindowView } from '@hall/protocol'
import { HallClock } from '../../components/hall-clock'
import { StaffAvatar } from '../../components/staff-avatar'
import { useHall } from '../../store/context'
import { useSession } from './counter-context'

export function ConsoleHeader({ window }: { window: WindowView }) {
  const session = useSession()
  const staff = session.session.value?.staff
  const snapshot = useHall().snapshot.value
  const waiting = snapshot ? waitingForWindow(snapshot, window.id).length : 0
  return (
    <header class="desk-header">
      <div class="desk-header__window">
        <span class="desk-header__number num">{window.number}</span>
        <span>{window.name}</span>
        <span class={`chip chip--${window.status}`}>{WINDOW_STATUS_LABELS[window.status]}</span>
        {window.status === 'paused' && window.pauseReason && (
          <span class="desk-header__reason">{window.pauseReason}</span>
        )}
      </div>
      <span class="desk-header__waiting">
        等候 <b class="num">{waiting}</b> 人
      </span>
      {staff && (
        <div class="desk-header__staff">
          <StaffAvatar staff={staff} size="sm" />
          <span>
            {staff.name}
            <small> 工号 {staff.staffNo}</small>
          </span>
        </div>
      )}
      <HallClock date={false} />
      <button
        type="button"
        class="btn btn--ghost desk-header__out"
        disabled={session.busy.value}
        onClick={() => void session.signOut()}
      >
        签退
      </button>
    </header>
  )
}
