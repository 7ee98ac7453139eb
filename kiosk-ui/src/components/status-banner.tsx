import { useStores } from '../store/context'

/** Says plainly when the hall server cannot be reached; it goes away by itself when it returns. */
export function StatusBanner() {
  const { hall } = useStores()
  const link = hall.link.value
  if (link === 'online') return null
  if (link === 'connecting' && hall.snapshot.value === null) {
    return (
      <div class="banner banner-info" role="status" data-testid="connecting">
        正在连接大厅服务器……
      </div>
    )
  }
  return (
    <div class="banner banner-warn" role="alert" data-testid="offline">
      <strong>暂时连不上大厅服务器</strong>
      <span>现在不能取号。系统正在自动重新连接，请稍候，或请工作人员帮助。</span>
    </div>
  )
}
