import type { HallSnapshot } from '@hall/protocol'
import { pausedWindows } from '../../lib/calls'

/** Windows showing 暂停服务, with the reason the clerk gave. */
export function PausedWindows({ snapshot }: { snapshot: HallSnapshot }) {
  const paused = pausedWindows(snapshot)
  if (paused.length === 0) return null
  return (
    <div class="paused">
      <div class="paused__title">暂停服务</div>
      <ul class="paused__list">
        {paused.map((w) => (
          <li key={w.id}>
            <span class="paused__window">{w.name}</span>
            <span class="paused__reason">{w.pauseReason ?? '暂停服务'}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
