import { useEffect } from 'preact/hooks'
import { useConsole } from './counter-context'
import { PrintStatusLine } from './print-status'

const NOTICE_MS = 6000

/** The last outcome: the server's refusal in red, a success in green, the print under way. */
export function FlashBar() {
  const desk = useConsole()
  const error = desk.error.value
  const notice = desk.notice.value
  const busy = desk.busy.value
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => {
      if (desk.notice.peek() === notice) desk.notice.value = null
    }, NOTICE_MS)
    return () => clearTimeout(timer)
  }, [notice, desk])
  return (
    <footer class="flash" aria-live="polite">
      {busy ? (
        <span class="flash__busy">正在{busy}…</span>
      ) : error ? (
        <span class="flash__error" role="alert">
          {error}
          <button type="button" class="flash__close" onClick={() => (desk.error.value = null)}>
            知道了
          </button>
        </span>
      ) : notice ? (
        <span class="flash__ok">{notice.text}</span>
      ) : (
        <span class="flash__idle">就绪</span>
      )}
      <span class="flash__keys">Esc 关闭面板 · Ctrl+Enter 办结</span>
      <PrintStatusLine />
    </footer>
  )
}
