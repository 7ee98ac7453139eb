import type { HallSnapshot } from '@hall/protocol'
import { Card } from './card'
import { deviceHealthRows } from './device-health'

const CHIP: Readonly<Record<string, string>> = {
  ok: 'chip--open',
  warning: 'chip--paused',
  fault: 'chip--bad',
  offline: 'chip--bad',
  unknown: 'chip--closed',
}

/** Every attached device with its agent's verdict (正常 / 提醒 / 故障 / 离线) and reason. */
export function DeviceList({ snapshot }: { snapshot: HallSnapshot }) {
  const rows = deviceHealthRows(snapshot.devices)
  const ok = rows.filter((r) => r.status === 'ok').length
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
          {rows.map((r) => (
            <li key={r.key} class="devices__item" data-device={r.subject} data-status={r.status}>
              <span class={`chip ${CHIP[r.status]}`}>{r.statusLabel}</span>
              <span class="devices__name">
                {r.kindLabel} <span class="muted">{r.subject}</span>
              </span>
              {r.status !== 'ok' && <span class="devices__reason">{r.reason}</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}
