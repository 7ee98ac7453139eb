import { HALL_MODE_LABELS, type HallMode } from '@hall/protocol'

/** The scrolling notice line at the bottom of the display. */
export function NoticeTicker({
  notice,
  phone,
  mode,
}: {
  notice: string
  phone: string | null
  mode: HallMode
}) {
  const parts = [notice.trim()]
  if (mode !== 'open') parts.unshift(HALL_MODE_LABELS[mode])
  if (phone) parts.push(`咨询电话：${phone}`)
  const text = parts.filter(Boolean).join('　　')
  // Long enough lines scroll at an even pace whatever their length.
  const seconds = Math.max(18, Math.round(text.length * 0.45))
  return (
    <footer class="ticker">
      <div class="ticker__label">通知</div>
      <div class="ticker__track">
        <div class="ticker__text" style={{ animationDuration: `${seconds}s` }}>
          {text}
        </div>
      </div>
    </footer>
  )
}
