import { type HallSnapshot, WINDOW_STATUS_LABELS } from '@hall/protocol'
import { postState, unstaffedWindowIds } from '../../lib/figures'
import { Card } from './card'

const POST_LABELS = { postA: 'A岗', postB: 'B岗', other: '替岗', unstaffed: '空岗' } as const

/** Every window: its state, who is on duty against its A/B posts, the ticket it serves; 空岗 flagged. */
export function WindowTable({ snapshot }: { snapshot: HallSnapshot }) {
  const unstaffed = unstaffedWindowIds(snapshot.windows, snapshot.alarms)
  return (
    <Card title="窗口在岗">
      <table class="table">
        <thead>
          <tr>
            <th>窗口</th>
            <th>状态</th>
            <th>在岗</th>
            <th>A岗 / B岗</th>
            <th>当前号</th>
          </tr>
        </thead>
        <tbody>
          {snapshot.windows.map((w) => {
            const post = postState(w)
            const ticket = snapshot.tickets.find((t) => t.id === w.currentTicketId)
            return (
              <tr key={w.id} class={unstaffed.has(w.id) ? 'is-flagged' : ''} data-window={w.id}>
                <td class="strong">{w.name}</td>
                <td>
                  <span class={`chip chip--${w.status}`}>{WINDOW_STATUS_LABELS[w.status]}</span>
                  {w.status === 'paused' && w.pauseReason && <small class="muted"> {w.pauseReason}</small>}
                </td>
                <td>
                  {w.staff && post !== 'unstaffed' ? (
                    <>
                      {w.staff.name} <small class="muted">{POST_LABELS[post]}</small>
                    </>
                  ) : (
                    <span class="chip chip--bad">空岗</span>
                  )}
                </td>
                <td class="muted">
                  {w.postA?.name ?? '—'} / {w.postB?.name ?? '—'}
                </td>
                <td class="num strong">{ticket?.code ?? ''}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </Card>
  )
}
