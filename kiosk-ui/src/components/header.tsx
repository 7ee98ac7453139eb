import { hallDate, hallTime } from '@hall/domain'
import { useStores } from '../store/context'
import { useNow } from './use-now'

/** The deep red band: the hall's name, the date and time, care mode and voice switches. */
export function Header() {
  const { hall, prefs } = useStores()
  const now = useNow(10_000)
  const info = hall.hall.value
  const offset = info?.utcOffsetMinutes ?? 480
  return (
    <header class="top">
      <div class="top-title">
        <span class="emblem" aria-hidden="true">
          便民
        </span>
        <div>
          <div class="hall-name">{info?.name ?? '便民服务中心'}</div>
          <div class="hall-sub">自助取号 · 预约签到 · 办事指南 · 进度查询</div>
        </div>
      </div>
      <div class="top-right">
        <div class="clock">
          <div class="clock-time">{hallTime(now, offset, false)}</div>
          <div class="clock-day">{hallDate(now, offset)}</div>
        </div>
        <button
          type="button"
          class={`switch${prefs.voice.value ? ' on' : ''}`}
          data-testid="voice-toggle"
          aria-pressed={prefs.voice.value}
          onClick={() => prefs.toggleVoice()}
        >
          语音提示
          <span class="switch-state">{prefs.voice.value ? '开' : '关'}</span>
        </button>
        <button
          type="button"
          class={`switch care-switch${prefs.care.value ? ' on' : ''}`}
          data-testid="care-toggle"
          aria-pressed={prefs.care.value}
          onClick={() => prefs.toggleCare()}
        >
          关怀模式
          <span class="switch-state">{prefs.care.value ? '开' : '关'}</span>
        </button>
      </div>
    </header>
  )
}
