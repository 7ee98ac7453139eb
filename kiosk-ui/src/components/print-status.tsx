import type { PrintState } from '../store/print-tracker'

/** How the print went, in one line; the ticket page adds the QR when paper cannot be relied on. */
export function PrintStatus(props: { state: PrintState; what: string }) {
  const { status, message } = props.state
  switch (status) {
    case 'idle':
      return null
    case 'queued':
      return (
        <p class="print print-busy" data-testid="print-status" data-status={status}>
          <span class="spinner" aria-hidden="true" />
          正在打印{props.what}……
        </p>
      )
    case 'printed':
      return (
        <p class="print print-ok" data-testid="print-status" data-status={status}>
          已打印，请从出纸口取走{props.what}。
        </p>
      )
    case 'late':
      return (
        <p class="print print-warn" data-testid="print-status" data-status={status}>
          打印机暂未回应。如果没有出纸，请记下屏幕上的号码，或请工作人员帮助。
        </p>
      )
    default:
      return (
        <p class="print print-warn" data-testid="print-status" data-status={status}>
          暂时不能打印{props.what}
          {message ? `（${message}）` : ''}。
        </p>
      )
  }
}
