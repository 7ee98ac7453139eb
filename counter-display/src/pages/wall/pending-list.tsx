import { CASE_TYPE_LABELS, type HallSnapshot } from '@hall/protocol'
import { isPromiseOverdue, pendingToShow, promiseLabel, staffOfWindow } from '../../lib/figures'
import { Card } from './card'
import { useWall } from './wall-context'

const SHOWN = 8

/**
 * (Items look like the follow-ups above them: the wall's work lists share one style.)
 * 承诺件 and 上报件 accepted and not yet done, with their promise deadlines (承诺时限): overdue in red
 * first. A signed-in manager marks one done (办结) when its result is ready.
 */
export function PendingList({ snapshot }: { snapshot: HallSnapshot }) {
  const { pending, session } = useWall()
  const today = snapshot.hall.businessDate
  const list = pending.list.value
  const signedIn = session.session.value !== null
  const error = pending.error.value
  if (list === null) {
    return (
      <Card title="承诺件办理时限">
        <div class="empty">{error ? error.text : '正在读取…'}</div>
      </Card>
    )
  }
  const sorted = pendingToShow(list, today)
  const overdue = sorted.filter((c) => isPromiseOverdue(c, today))
  return (
    <Card
      title="承诺件办理时限"
      extra={
        <span class="muted" data-pending={sorted.length}>
          待办结 <b class="num">{sorted.length}</b> 件
          {overdue.length > 0 && (
            <>
              ，<b class="num is-overdue">已超期 {overdue.length} 件</b>
            </>
          )}
        </span>
      }
    >
      {sorted.length === 0 ? (
        <div class="empty">没有待办结的承诺件</div>
      ) : (
        <ul class="follow-ups pending">
          {sorted.slice(0, SHOWN).map((c) => {
            const late = isPromiseOverdue(c, today)
            const window = snapshot.windows.find((w) => w.id === c.windowId)
            const staff = staffOfWindow(window, c.staffNo)
            return (
              <li key={c.id} class={`follow-up pending__item${late ? ' is-overdue' : ''}`} data-case={c.id}>
                <div class="follow-up__head">
                  <span class="chip chip--paused">{c.caseType ? CASE_TYPE_LABELS[c.caseType] : ''}</span>
                  <span class="strong">{c.serviceName ?? '—'}</span>
                  <span class={`follow-up__due${late ? ' is-overdue' : ''}`}>
                    {promiseLabel(c.promiseDeadline, today)}
                    {c.promiseDeadline && `（${c.promiseDeadline}）`}
                  </span>
                </div>
                <div class="follow-up__body pending__body">
                  {window?.name ?? c.windowId} · {staff ? `${staff.name} ` : ''}工号 {c.staffNo}
                  {c.applicantName && ` · 申请人 ${c.applicantName}`}
                  {c.receiptNo && <span class="muted"> · 凭证 {c.receiptNo}</span>}
                  {signedIn && (
                    <button
                      type="button"
                      class="btn pending__done"
                      data-action="complete-case"
                      disabled={pending.busy.value !== null}
                      onClick={() => void pending.complete(c.id)}
                    >
                      {pending.busy.value === c.id ? '正在登记…' : '已办结'}
                    </button>
                  )}
                </div>
                {error?.id === c.id && <div class="follow-up__error">{error.text}</div>}
              </li>
            )
          })}
          {sorted.length > SHOWN && <li class="muted">另有 {sorted.length - SHOWN} 件未列出</li>}
        </ul>
      )}
    </Card>
  )
}
