import type { CallView } from '@hall/protocol'
import { isFresh, latestCalls } from '../../lib/calls'
import { callKey } from '../../store/hall-store'

/** The calls before the latest one, one per ticket. */
export function RecentCalls({ calls, now }: { calls: readonly CallView[]; now: number }) {
  const recent = latestCalls(calls, 9).slice(1)
  return (
    <div class="recent">
      <div class="recent__title">最近叫号</div>
      {recent.length === 0 ? (
        <div class="recent__empty">暂无</div>
      ) : (
        <ol class="recent__grid">
          {recent.map((call) => (
            <li key={callKey(call)} class={`recent__item${isFresh(call, now) ? ' is-fresh' : ''}`}>
              <span class="recent__code num">{call.code}</span>
              <span class="recent__window">
                <span class="num">{call.windowNumber}</span>号窗口
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
