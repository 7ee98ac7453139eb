import { useConsole } from './counter-context'

/** How the last 受理凭证 / 一次性告知单 / 不予受理通知书 is printing on this counter's printer. */
export function PrintStatusLine() {
  const print = useConsole().print.value
  if (!print) return null
  const text =
    print.status === 'queued'
      ? `${print.paper}正在打印…`
      : print.status === 'printed'
        ? `${print.paper}已打印`
        : print.status === 'no_printer'
          ? `${print.paper}未打印：${print.message ?? '此终端没有打印机'}`
          : `${print.paper}打印失败：${print.message ?? '请检查打印机'}`
  return (
    <span class={`flash__print flash__print--${print.status}`} data-print={print.status}>
      {text}
    </span>
  )
}
