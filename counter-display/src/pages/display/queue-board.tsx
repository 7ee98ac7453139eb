import type { QueueView } from '@hall/protocol'

/** Waiting count per queue. */
export function QueueBoard({ queues }: { queues: readonly QueueView[] }) {
  return (
    <div class="board">
      <div class="board__title">等候人数</div>
      <table class="board__table">
        <tbody>
          {queues.map((queue) => (
            <tr key={queue.id}>
              <td class="board__prefix">
                <span class="board__badge num">{queue.prefix}</span>
              </td>
              <td class="board__name">{queue.name}</td>
              <td class={`board__count num${queue.waiting === 0 ? ' is-zero' : ''}`}>
                {queue.waiting}
                <small>人</small>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
