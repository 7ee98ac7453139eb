import { DEVICE_STATUS_LABELS, type DeviceStatus, type DeviceView } from '@hall/protocol'

/**
 * The wall's list of attached devices (printers, card readers, scanners, evaluators, LED screens),
 * each with the verdict its agent made (`condition`: the same status and reason the agent logs and
 * the hall snapshot carries); worst first. A device whose agent predates `condition` is shown as
 * 未知 unless it is plainly not connected.
 */

export const KIND_LABELS: Readonly<Record<DeviceView['attached'][number]['kind'], string>> = {
  printer: '打印机',
  idcard: '身份证阅读器',
  scanner: '扫码器',
  evaluator: '评价器',
  led: 'LED屏',
}

export interface DeviceHealthRow {
  key: string
  /** `<deviceId>/<name>`, as in the alarms. */
  subject: string
  kindLabel: string
  status: DeviceStatus | 'unknown'
  statusLabel: string
  reason: string
}

const ORDER: Readonly<Record<DeviceHealthRow['status'], number>> = {
  offline: 0,
  fault: 1,
  warning: 2,
  unknown: 3,
  ok: 4,
}

export function deviceHealthRows(devices: readonly DeviceView[]): DeviceHealthRow[] {
  const rows: DeviceHealthRow[] = []
  for (const device of devices) {
    for (const a of device.attached) {
      const subject = `${device.id}/${a.name}`
      const base = { key: `${subject}:${a.kind}`, subject, kindLabel: KIND_LABELS[a.kind] }
      if (a.condition) {
        const { status, reason } = a.condition
        rows.push({ ...base, status, statusLabel: DEVICE_STATUS_LABELS[status], reason })
      } else if (!a.connected) {
        rows.push({ ...base, status: 'offline', statusLabel: DEVICE_STATUS_LABELS.offline, reason: '未连接' })
      } else {
        rows.push({ ...base, status: 'unknown', statusLabel: '未知', reason: '设备代理版本较旧，未上报状态' })
      }
    }
  }
  return rows.sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.subject.localeCompare(b.subject))
}
