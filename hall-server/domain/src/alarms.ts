import { ALARM_LABELS, type AlarmKind, type AttachedDeviceHealth, PRINTER_PROBLEMS } from '@hall/protocol'
import type { Command } from './commands.js'
import type { DomainEvent } from './events.js'
import { hallMode } from './hours.js'
import type { Hall } from './state.js'
import type { Alarm, Context, Decision, StaffConfig } from './types.js'

/**
 * Device health and the alarms a manager sees on the wall: devices offline or out of paper,
 * windows left empty (AB 岗: the backup is named) or paused too long, follow-ups past their
 * deadline. Alarms are derived from the state and the clock; `syncAlarms` turns the difference
 * into events so the log keeps their history.
 */

export interface AlarmPolicy {
  unstaffedGraceMinutes: number
  pauseAlertMinutes: number
}

type Of<T extends Command['type']> = Extract<Command, { type: T }>

function sameHealth(a: AttachedDeviceHealth[], b: AttachedDeviceHealth[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

export function deviceStatus(hall: Hall, cmd: Of<'deviceStatus'>, ctx: Context): Decision<DomainEvent> {
  const known = hall.state.devices[cmd.deviceId]
  if (known && known.online === cmd.online && sameHealth(known.attached, cmd.attached)) {
    return { ok: true, events: [] }
  }
  return {
    ok: true,
    events: [
      {
        type: 'device.status',
        deviceId: cmd.deviceId,
        online: cmd.online,
        attached: cmd.attached,
        at: ctx.now,
      },
    ],
  }
}

interface Wanted {
  kind: AlarmKind
  subject: string
  message: string
}

function staffName(staff: StaffConfig[], staffNo: string | null): string {
  if (staffNo === null) return '未设置'
  return staff.find((s) => s.staffNo === staffNo)?.name ?? staffNo
}

/**
 * A printer's alarms from the agent's verdict, in the verdict's own words: one per problem it
 * names (缺纸, 盖板打开, 纸将尽 …), or one printer_error with its reason (脱机, 无应答) if none.
 */
function printerAlarms(subject: string, condition: NonNullable<AttachedDeviceHealth['condition']>): Wanted[] {
  if (condition.status === 'ok') return []
  const named = PRINTER_PROBLEMS.filter((p) => condition.flags.includes(p.flag))
  const byKind = new Map<AlarmKind, string[]>()
  for (const p of named) byKind.set(p.alarm, [...(byKind.get(p.alarm) ?? []), p.reason])
  if (byKind.size === 0)
    return [{ kind: 'printer_error', subject, message: `${subject} ${condition.reason}` }]
  return [...byKind].map(([kind, reasons]) => ({
    kind,
    subject,
    message: `${subject} ${reasons.join('、')}`,
  }))
}

export function wantedAlarms(hall: Hall, ctx: Context, policy: AlarmPolicy): Wanted[] {
  const { state } = hall
  const { config, now } = ctx
  const wanted: Wanted[] = []
  for (const [deviceId, device] of Object.entries(state.devices)) {
    if (!device.online) {
      wanted.push({ kind: 'device_offline', subject: deviceId, message: `${deviceId} 离线` })
      continue
    }
    for (const attached of device.attached) {
      const subject = `${deviceId}/${attached.name}`
      if (!attached.connected) {
        const kind: AlarmKind = attached.kind === 'printer' ? 'printer_error' : 'device_offline'
        wanted.push({
          kind,
          subject,
          message: `${subject} 未连接${attached.lastError ? `：${attached.lastError}` : ''}`,
        })
        continue
      }
      if (attached.condition) {
        if (attached.kind === 'printer') wanted.push(...printerAlarms(subject, attached.condition))
        continue
      }
      // An agent older than the condition: read the printer's raw fields.
      const printer = attached.printer
      if (!printer) continue
      if (printer.paper === 'out')
        wanted.push({ kind: 'printer_paper_out', subject, message: `${subject} 缺纸` })
      if (printer.paper === 'near_end') {
        wanted.push({ kind: 'printer_paper_near_end', subject, message: `${subject} 打印纸将尽` })
      }
      if (printer.coverOpen)
        wanted.push({ kind: 'printer_cover_open', subject, message: `${subject} 纸仓盖未关` })
      if (!printer.online || printer.error) {
        wanted.push({ kind: 'printer_error', subject, message: `${subject} ${printer.error ?? '脱机'}` })
      }
    }
  }
  const open = hallMode(now, config.utcOffsetMinutes, config.hours, ctx.calendar) === 'open'
  for (const window of config.windows) {
    const ws = state.windows[window.id]
    const status = ws?.status ?? 'closed'
    const since = ws?.statusSince ?? 0
    if (
      open &&
      status === 'closed' &&
      window.postA !== null &&
      now - since > policy.unstaffedGraceMinutes * 60_000
    ) {
      wanted.push({
        kind: 'window_unstaffed',
        subject: window.id,
        message: `${window.name}空岗（A岗：${staffName(config.staff, window.postA)}，B岗：${staffName(config.staff, window.postB)}）`,
      })
    }
    if (status === 'paused' && now - since > policy.pauseAlertMinutes * 60_000) {
      wanted.push({
        kind: 'window_paused_long',
        subject: window.id,
        message: `${window.name}暂停服务已超过${policy.pauseAlertMinutes}分钟（${ws?.pauseReason ?? ''}）`,
      })
    }
  }
  for (const followUp of Object.values(state.followUps)) {
    if (now > followUp.deadline) {
      wanted.push({
        kind: 'follow_up_overdue',
        subject: followUp.id,
        message: `差评 ${followUp.caseId} 未在期限内完成核实整改`,
      })
    }
  }
  return wanted
}

export function syncAlarms(hall: Hall, ctx: Context, policy: AlarmPolicy): DomainEvent[] {
  const wanted = new Map(wantedAlarms(hall, ctx, policy).map((w) => [`${w.kind}:${w.subject}`, w]))
  const events: DomainEvent[] = []
  for (const id of Object.keys(hall.state.alarms)) {
    if (!wanted.has(id)) events.push({ type: 'alarm.cleared', alarmId: id, at: ctx.now })
  }
  for (const [id, w] of wanted) {
    const existing = hall.state.alarms[id]
    if (existing && existing.message === w.message) continue
    if (existing) events.push({ type: 'alarm.cleared', alarmId: id, at: ctx.now })
    const alarm: Alarm = {
      id,
      kind: w.kind,
      subject: w.subject,
      message: w.message || ALARM_LABELS[w.kind],
      since: existing?.since ?? ctx.now,
      active: true,
    }
    events.push({ type: 'alarm.raised', alarm })
  }
  return events
}
