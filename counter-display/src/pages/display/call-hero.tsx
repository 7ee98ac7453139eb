import type { CallView } from '@hall/protocol'
import { isFresh } from '../../lib/calls'
import { usePaintMark } from '../../lib/paint-marks'
import { callKey } from '../../store/hall-store'

/** The latest call in giant type; it blinks for a few seconds after it is made. */
export function CallHero({ calls, now }: { calls: readonly CallView[]; now: number }) {
  const call = calls.reduce<CallView | null>(
    (latest, c) => (latest === null || c.at > latest.at ? c : latest),
    null,
  )
  const key = call ? callKey(call) : null
  usePaintMark(key)
  if (!call) {
    return (
      <div class="hero hero--empty">
        <div class="hero__label">叫号信息</div>
        <div class="hero__idle">请取号后留意屏幕和语音提示</div>
      </div>
    )
  }
  return (
    <div key={key} class={`hero${isFresh(call, now) ? ' is-fresh' : ''}`} data-call={key}>
      <div class="hero__label">
        正在呼叫{call.recall > 0 && <span class="hero__recall">第{call.recall}次重呼</span>}
      </div>
      <div class="hero__line">
        <span class="hero__code num">{call.code}</span>
        <span class="hero__arrow" aria-hidden="true">
          ▶
        </span>
        <span class="hero__window">
          <span class="num">{call.windowNumber}</span>号窗口
        </span>
      </div>
      <div class="hero__text">{call.text}</div>
    </div>
  )
}
