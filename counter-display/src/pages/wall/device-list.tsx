import type { HallSnapshot } from '@hall/protocol'
import { Card } from './card'
import { deviceHealthRows } from './device-health'

const CHIP: Readonly<Record<string, string>> = {
  warning: 'chip--paused',
  fault: 'chip--bad',
  offline: 'chip--bad',
  unknown: 'chip--closed',
}

/**
 * The attached devices that need someone, each with its agent's verdict (提醒 / 故障 / 离线) and
 * reason; the working ones as one count, so a hall with many terminals still fits on the wall.
 */
export function DeviceList({ snapshot }: { snapshot: HallSnapshot }) {
  const rows = deviceHealthRows(snapshot.devices)
  const problems = rows.filter((r) => r.status !== 'ok')
  const ok = rows.length - problems.length
  return (
    <Card
      title="外设状态"
      extra={
        <span class="muted">
          正常 {ok}/{rows.length}
        </span>
      }
    >
      {rows.length === 0 ? (
        <div class="empty">没有终端上报外设</div>
      ) : (
        <ul class="devices">
          {problems.map((r) => (
            <li key={r.key} class="devices__item" data-device={r.subject} data-status={r.status}>
              <span class={`chip ${CHIP[r.status]}`}>{r.statusLabel}</span>
              <span class="devices__name">
                {r.kindLabel} <span class="muted">{r.subject}</span>
              </span>
              <span class="devices__reason">{r.reason}</span>
            </li>
          ))}
          {ok > 0 && (
            <li class="devices__item devices__item--ok" data-status="ok">
              <span class="chip chip--open">正常</span>
              <span class="devices__name">
                {problems.length === 0 ? `全部 ${ok} 台外设正常` : `其余 ${ok} 台外设正常`}
              </span>
            </li>
          )}
        </ul>
      )}
    </Card>
  )
}
