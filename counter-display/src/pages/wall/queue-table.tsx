import type { QueueView } from '@hall/protocol'
import { longestWaitSec } from '../../lib/figures'
import { durationLabel } from '../../lib/format'
import { Card } from './card'

/** Per queue: waiting now, the longest wait, issued and served today, average service. */
export function QueueTable({ queues, now }: { queues: readonly QueueView[]; now: number }) {
  return (
    <Card title="各业务等候">
      <table class="table">
        <thead>
          <tr>
            <th>业务</th>
            <th class="r">等候</th>
            <th class="r">最长等候</th>
            <th class="r">取号</th>
            <th class="r">办结</th>
            <th class="r">平均办理</th>
          </tr>
        </thead>
        <tbody>
          {queues.map((q) => {
            const longest = longestWaitSec(q, now)
            return (
              <tr key={q.id} data-queue={q.id}>
                <td>
                  <span class="tag num">{q.prefix}</span> {q.name}
                </td>
                <td class="r num strong">{q.waiting}</td>
                <td class={`r${longest !== null && longest > 1800 ? ' warn' : ''}`}>
                  {durationLabel(longest)}
                </td>
                <td class="r num">{q.issuedToday}</td>
                <td class="r num">{q.servedToday}</td>
                <td class="r">{durationLabel(q.avgServiceSec)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </Card>
  )
}
