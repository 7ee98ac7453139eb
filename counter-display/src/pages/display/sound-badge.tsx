import { useAnnouncer } from './announcer-context'

/** Says so, quietly, when calls are shown without sound. */
export function SoundBadge({ soundOn }: { soundOn: boolean }) {
  const state = useAnnouncer().state.value
  if (!soundOn) return <span class="sound-badge">语音播报已关闭</span>
  if (state === 'blocked')
    return <span class="sound-badge sound-badge--warn">浏览器未允许播放声音，请点击屏幕</span>
  if (state === 'unavailable') return <span class="sound-badge">语音播报暂不可用</span>
  return null
}
