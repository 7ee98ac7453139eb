import { hallTime, waitingForWindow } from '@hall/domain'
import { type HallSnapshot, PRIORITY_LABELS, type WindowView } from '@hall/protocol'
import { durationLabel } from '../../lib/format'
import { useHall } from '../../store/context'

const SHOW = 60

/** The tickets this window can serve, in the order F1 would call them. */
export function WaitingList({ window }: { window: WindowView }) {
  const hall = useHall()
  const snapshot = hall.snapshot.value as HallSnapshot
  const now = hall.now.value
  const entries = waitingForWindow(snapshot, window.id)
  const queues = new Map(snapshot.queues.map((q) => [q.id, q]))
  return (
    <div class="waiting">
      <div class="waiting__head">
        <h2>等候号码</h2>
        <span class="waiting__count">
          本窗口可办理 <b class="num">{entries.length}</b> 人
        </span>
        <span class="waiting__queues">
          {window.queueIds.map((id) => (
            <span key={id} class="waiting__queue">
              {queues.get(id)?.name ?? id} <b class="num">{queues.get(id)?.waiting ?? 0}</b>
            </span>
          ))}
        </span>
      </div>
      {entries.length === 0 ? (
        <div class="waiting__empty">暂无等候的号码</div>
      ) : (
        <table class="waiting__table">
          <thead>
            <tr>
              <th>顺序</th>
              <th>号码</th>
              <th>业务</th>
              <th>类别</th>
              <th>取号时间</th>
              <th>已等候</th>
            </tr>
          </thead>
          <tbody>
            {entries.slice(0, SHOW).map((entry, i) => {
              const t = entry.ticket
              return (
                <tr key={t.id} class={entry.priority ? 'is-priority' : ''} data-code={t.code}>
                  <td class="num">{i + 1}</td>
                  <td class="waiting__code num">{t.code}</td>
                  <td>{queues.get(t.transferQueueId ?? t.queueId)?.name ?? t.queueId}</td>
                  <td>
                    {entry.priority && <span class="chip chip--priority">{PRIORITY_LABELS[t.priority]}</span>}
                    {entry.transferredHere && <span class="chip chip--paused">转入本窗口</span>}
                    {t.status === 'transferred' && !entry.transferredHere && (
                      <span class="chip chip--closed">转入</span>
                    )}
                  </td>
                  <td class="num">{hallTime(t.issuedAt, snapshot.hall.utcOffsetMinutes, false)}</td>
                  <td>{durationLabel((now - t.issuedAt) / 1000)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {entries.length > SHOW && <div class="waiting__more">还有 {entries.length - SHOW} 人未列出</div>}
    </div>
  )
}
