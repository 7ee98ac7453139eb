import type { HallSnapshot, WindowView } from '@hall/protocol'
import { StaffBadge } from '../../components/staff-avatar'
import { useHall } from '../../store/context'
import { usePad } from './pad-context'
import { RatingLevels } from './rating-levels'
import { RatingReasons } from './rating-reasons'

/** The evaluator pad at a window. */
export function PadPage() {
  const hall = useHall()
  const flow = usePad()
  const snapshot = hall.snapshot.value as HallSnapshot
  const windowId = hall.principal.value?.windowId ?? null
  const window = snapshot.windows.find((w) => w.id === windowId) ?? null
  const screen = flow.screen.value
  return (
    <div class="pad">
      <header class="pad__header">
        <span class="pad__hall">{snapshot.hall.name}</span>
        <span class="pad__window">{window?.name ?? ''}</span>
      </header>
      <main class="pad__main">
        {screen.kind === 'levels' && <RatingLevels case={screen.case} />}
        {screen.kind === 'reasons' && <RatingReasons level={screen.level} />}
        {screen.kind === 'thanks' && (
          <div class="pad__thanks" data-screen="thanks">
            <div class="pad__thanks-big">感谢您的评价！</div>
            <p>{screen.bad ? '我们会在 7 日内核实整改并向您反馈。' : '欢迎再次来办事，祝您生活愉快。'}</p>
          </div>
        )}
        {screen.kind === 'notice' && (
          <div class="pad__thanks" data-screen="notice">
            <div class="pad__notice">{screen.text}</div>
          </div>
        )}
        {screen.kind === 'card' && <StaffCardScreen window={window} />}
      </main>
    </div>
  )
}

function StaffCardScreen({ window }: { window: WindowView | null }) {
  if (!window) return <div class="pad__closed">正在读取窗口信息…</div>
  if (window.status === 'closed' || !window.staff) {
    return (
      <div class="pad__closed" data-screen="card">
        未开放
      </div>
    )
  }
  return (
    <div class="pad__card" data-screen="card">
      <StaffBadge staff={window.staff} size="xl" />
      {window.status === 'paused' ? (
        <div class="pad__status pad__status--paused">
          暂停服务{window.pauseReason ? `：${window.pauseReason}` : ''}
        </div>
      ) : (
        <div class="pad__status">您好，很高兴为您服务</div>
      )}
      <div class="pad__pledge">办理结束后，请对我的服务进行评价</div>
    </div>
  )
}
