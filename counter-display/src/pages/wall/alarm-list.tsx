import { hallTime } from '@hall/domain'
import { ALARM_LABELS, type HallSnapshot } from '@hall/protocol'
import { Card } from './card'

/** Active alarms (devices, printers, unstaffed or long-paused windows, overdue follow-ups). */
export function AlarmList({ snapshot }: { snapshot: HallSnapshot }) {
  const alarms = snapshot.alarms.filter((a) => a.active).sort((a, b) => b.since - a.since)
  const offline = snapshot.devices.filter((d) => !d.online).length
  return (
    <Card
      title="设备与告警"
      extra={
        <span class="muted">
          设备在线 {snapshot.devices.length - offline}/{snapshot.devices.length}
        </span>
      }
    >
      {alarms.length === 0 ? (
        <div class="empty">暂无告警</div>
      ) : (
        <ul class="alarms">
          {alarms.map((a) => (
            <li key={a.id} class={`alarms__item alarms__item--${a.kind}`}>
              <span class="chip chip--bad">{ALARM_LABELS[a.kind]}</span>
              <span class="alarms__msg">{a.message}</span>
              <span class="muted num">{hallTime(a.since, snapshot.hall.utcOffsetMinutes, false)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}
