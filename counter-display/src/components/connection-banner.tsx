import { useHall } from '../store/context'

/** A discreet line while the live link is down; the screen keeps showing the last known state. */
export function ConnectionBanner() {
  const link = useHall().link.value
  if (link === 'online') return null
  return (
    <div class="link-banner" role="status">
      <span class="link-banner__dot" />
      连接中断，正在重连…
    </div>
  )
}
