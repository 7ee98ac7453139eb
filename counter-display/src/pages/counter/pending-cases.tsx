import { CASE_TYPE_LABELS, type HallSnapshot } from '@hall/protocol'
import { useState } from 'preact/hooks'
import { isPromiseOverdue, pendingToShow, promiseLabel } from '../../lib/figures'
import { useHall } from '../../store/context'
import { usePending } from './counter-context'

/**
 * 承诺件 and 上报件 accepted and not yet done, the whole hall's (any window hands out results,
 * 无差别受理): found by receipt number, name or item when the citizen comes back, marked 已办结
 * when the result is handed over. Overdue first.
 */
export function PendingCasesList({ windowId }: { windowId: string }) {
  const pending = usePending()
  const snapshot = useHall().snapshot.value as HallSnapshot
  const today = snapshot.hall.businessDate
  const [query, setQuery] = useState('')
  const list = pending.list.value
  const error = pending.error.value
  const wanted = query.trim().toUpperCase()
  const shown = pendingToShow(list ?? [], today).filter(
    (c) =>
      wanted === '' ||
      [c.receiptNo, c.applicantName, c.serviceName, c.id].some((v) => v?.toUpperCase().includes(wanted)),
  )
  return (
    <div class="waiting pending-cases">
      <div class="waiting__head">
        <h2>待办结的承诺件、上报件</h2>
        <input
          class="pending-cases__find"
          name="pendingQuery"
          placeholder="凭证号、申请人或事项"
          value={query}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      {error && error.id === null && <div class="waiting__empty">{error.text}</div>}
      {list !== null && shown.length === 0 ? (
        <div class="waiting__empty">{wanted ? '没有找到这个办件' : '没有待办结的承诺件'}</div>
      ) : (
        <table class="waiting__table">
          <thead>
            <tr>
              <th>受理凭证</th>
              <th>办理事项</th>
              <th>申请人</th>
              <th>受理窗口</th>
              <th>承诺期限</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => {
              const late = isPromiseOverdue(c, today)
              return (
                <tr key={c.id} data-case={c.id} class={late ? 'is-overdue' : ''}>
                  <td class="num">{c.receiptNo}</td>
                  <td>
                    {c.serviceName}
                    <small class="panel__muted">（{c.caseType ? CASE_TYPE_LABELS[c.caseType] : ''}）</small>
                  </td>
                  <td>{c.applicantName ?? '—'}</td>
                  <td>
                    {snapshot.windows.find((w) => w.id === c.windowId)?.name ?? c.windowId}
                    {c.windowId === windowId && <span class="chip chip--open">本窗口</span>}
                  </td>
                  <td class={late ? 'pending-cases__late' : ''}>
                    {promiseLabel(c.promiseDeadline, today)}
                    {error?.id === c.id && <div class="pending-cases__error">{error.text}</div>}
                  </td>
                  <td>
                    <button
                      type="button"
                      class="btn"
                      data-action="complete-case"
                      disabled={pending.busy.value !== null}
                      onClick={() => void pending.complete(c.id)}
                    >
                      {pending.busy.value === c.id ? '正在登记…' : '已办结'}
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </div>
  )
}
