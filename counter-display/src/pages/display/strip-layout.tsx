import type { HallSnapshot } from '@hall/protocol'
import { HallClock } from '../../components/hall-clock'
import { isFresh, latestCalls, totalWaiting } from '../../lib/calls'
import { usePaintMark } from '../../lib/paint-marks'
import { callKey } from '../../store/hall-store'

/** A narrow LED-style bar: the latest call, the few before it, waiting total, clock, notice. */
export function StripLayout({ snapshot, now }: { snapshot: HallSnapshot; now: number }) {
  const calls = latestCalls(snapshot.recentCalls, 4)
  const [latest, ...before] = calls
  const key = latest ? callKey(latest) : null
  usePaintMark(key)
  const paused = snapshot.windows.filter((w) => w.status === 'paused').map((w) => `${w.number}号窗口暂停服务`)
  const notice = [...paused, snapshot.hall.notice].filter(Boolean).join('　　')
  return (
    <div class="strip">
      <div class="strip__row">
        {latest ? (
          <div key={key} class={`strip__hero${isFresh(latest, now) ? ' is-fresh' : ''}`} data-call={key}>
            请 <span class="strip__code num">{latest.code}</span> 号到{' '}
            <span class="strip__code num">{latest.windowNumber}</span> 号窗口
          </div>
        ) : (
          <div class="strip__hero">{snapshot.hall.name}</div>
        )}
        <div class="strip__before">
          {before.map((c) => (
            <span key={callKey(c)}>
              <span class="num">{c.code}</span>→{c.windowNumber}号
            </span>
          ))}
        </div>
        <div class="strip__side">
          <span>
            等候 <span class="num">{totalWaiting(snapshot)}</span> 人
          </span>
          <HallClock date={false} seconds={false} />
        </div>
      </div>
      <div class="strip__ticker">
        <div
          class="strip__ticker-text"
          style={{ animationDuration: `${Math.max(14, notice.length * 0.4)}s` }}
        >
          {notice}
        </div>
      </div>
    </div>
  )
}
