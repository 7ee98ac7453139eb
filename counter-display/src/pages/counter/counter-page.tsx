import type { HallSnapshot, WindowView } from '@hall/protocol'
import { useState } from 'preact/hooks'
import { SignInForm } from '../../components/sign-in-form'
import { isPromiseOverdue } from '../../lib/figures'
import { useHall } from '../../store/context'
import { ActionPanel } from './action-panel'
import { CaseFormPanel } from './case-form-panel'
import { ConsoleHeader } from './console-header'
import { usePending, useSession } from './counter-context'
import { CurrentTicket } from './current-ticket'
import { FlashBar } from './flash-bar'
import { PendingCasesList } from './pending-cases'
import { useConsoleShortcuts } from './use-console-shortcuts'
import { WaitingList } from './waiting-list'

/** The clerk console: sign-in, then the window's calling actions, waiting list and case form. */
export function CounterPage() {
  const hall = useHall()
  const session = useSession()
  const snapshot = hall.snapshot.value as HallSnapshot
  const windowId = hall.principal.value?.windowId ?? null
  const window = snapshot.windows.find((w) => w.id === windowId) ?? null
  if (session.session.value === null) {
    return (
      <div class="counter counter--signin">
        <div class="counter__brand">
          <div class="counter__hall">{snapshot.hall.name}</div>
          <div class="counter__window">{window ? window.name : '窗口工作台'}</div>
        </div>
        <SignInForm
          title="工作人员签到"
          hint="请输入工号和密码，可用下方数字键"
          busy={session.busy.value}
          error={session.error.value}
          onSubmit={(staffNo, pin) => void session.signIn(staffNo, pin)}
        />
      </div>
    )
  }
  if (!window) return <div class="counter counter--loading">正在读取窗口信息…</div>
  return <Console windowId={window.id} />
}

function Console({ windowId }: { windowId: string }) {
  const snapshot = useHall().snapshot.value as HallSnapshot
  const window = snapshot.windows.find((w) => w.id === windowId)
  useConsoleShortcuts(windowId)
  if (!window) return null
  return (
    <div class="counter">
      <ConsoleHeader window={window} />
      <main class="counter__main">
        <section class="counter__left">
          <CurrentTicket window={window} />
          <ActionPanel window={window} />
        </section>
        <section class="counter__right">
          {window.openCaseId ? <CaseFormPanel caseId={window.openCaseId} /> : <RightSide window={window} />}
        </section>
      </main>
      <FlashBar />
    </div>
  )
}

/** The waiting list, or the 承诺件 to hand out (a tab, so the waiting list stays one click away). */
function RightSide({ window }: { window: WindowView }) {
  const [tab, setTab] = useState<'waiting' | 'pending'>('waiting')
  const pending = usePending().list.value ?? []
  const today = (useHall().snapshot.value as HallSnapshot).hall.businessDate
  const overdue = pending.filter((c) => isPromiseOverdue(c, today))
  return (
    <>
      <div class="right-tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'waiting'}
          class={tab === 'waiting' ? 'is-current' : ''}
          data-tab="waiting"
          onClick={() => setTab('waiting')}
        >
          等候号码
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'pending'}
          class={tab === 'pending' ? 'is-current' : ''}
          data-tab="pending"
          onClick={() => setTab('pending')}
        >
          待办结承诺件 <b class="num">{pending.length}</b>
          {overdue.length > 0 && <span class="is-overdue">（超期 {overdue.length}）</span>}
        </button>
      </div>
      {tab === 'waiting' ? <WaitingList window={window} /> : <PendingCasesList windowId={window.id} />}
    </>
  )
}
