import type { HallSnapshot, WindowView } from '@hall/protocol'
import { StaffBadge } from '../../components/staff-avatar'
import { useHall } from '../../store/context'

/**
 * The screen above a window: its number and name, the staff member on duty, the number being
 * served; 暂停服务 with the reason when paused, 未开放 when nobody is signed in.
 */
export function WindowPage() {
  const hall = useHall()
  const snapshot = hall.snapshot.value as HallSnapshot
  const windowId = hall.principal.value?.windowId ?? null
  const window = snapshot.windows.find((w) => w.id === windowId)
  if (!window) {
    return (
      <div class="win win--closed">
        <div class="win__state">
          {windowId === null && hall.principal.value ? '本设备没有绑定窗口' : '正在读取窗口信息…'}
        </div>
      </div>
    )
  }
  return (
    <div class={`win win--${window.status}`}>
      <header class="win__header">
        <span class="win__number num">{window.number}</span>
        <span class="win__name">{window.name}</span>
        <span class="win__queues">{queueNames(snapshot, window)}</span>
      </header>
      <main class="win__body">
        {window.staff && window.status !== 'closed' ? (
          <StaffBadge staff={window.staff} size="lg" />
        ) : (
          <div class="win__nobody">暂无工作人员</div>
        )}
        <WindowState snapshot={snapshot} window={window} />
      </main>
    </div>
  )
}

function WindowState({ snapshot, window }: { snapshot: HallSnapshot; window: WindowView }) {
  if (window.status === 'closed') return <div class="win__state">未开放</div>
  if (window.status === 'paused') {
    return (
      <div class="win__state win__state--paused">
        暂停服务
        {window.pauseReason && <div class="win__reason">{window.pauseReason}</div>}
      </div>
    )
  }
  const ticket = snapshot.tickets.find((t) => t.id === window.currentTicketId)
  return (
    <div class="win__serving">
      <div class="win__label">{ticket?.status === 'called' ? '请' : '正在办理'}</div>
      <div class="win__code num">{ticket?.code ?? '—'}</div>
      {ticket?.status === 'called' && <div class="win__label">号到本窗口办理</div>}
      {!ticket && <div class="win__label">欢迎办理</div>}
    </div>
  )
}

function queueNames(snapshot: HallSnapshot, window: WindowView): string {
  return window.queueIds
    .map((id) => snapshot.queues.find((q) => q.id === id)?.name)
    .filter(Boolean)
    .join(' · ')
}
