import { type Static, Type } from 'typebox'
import { Millis, Nullable } from './primitives.js'
import { type AlarmKind, DEVICE_ROLES } from './vocabulary.js'

/** The hall's devices as the snapshot shows them, and the health their agents report. */

export const DeviceRoleSchema = Type.Enum(DEVICE_ROLES)

/**
 * A printer's state as its agent reports it. `online` is about the link and the mechanism: a printer
 * that is only out of paper or has its cover open reports `online: true` with `paper`/`coverOpen`
 * set (ESC/POS printers also call themselves offline then; the specific cause is what counts).
 */
export const PrinterHealth = Type.Object({
  online: Type.Boolean(),
  paper: Type.Enum(['ok', 'near_end', 'out', 'unknown']),
  coverOpen: Type.Boolean(),
  error: Nullable(Type.String()),
})
export type PrinterHealth = Static<typeof PrinterHealth>

export const DEVICE_STATUSES = ['ok', 'warning', 'fault', 'offline'] as const
export type DeviceStatus = (typeof DEVICE_STATUSES)[number]

/** How the wall and the logs name a device status. */
export const DEVICE_STATUS_LABELS: Readonly<Record<DeviceStatus, string>> = {
  ok: '正常',
  warning: '提醒',
  fault: '故障',
  offline: '离线',
}

/**
 * A printer's problems (the ESC/POS status codes, which are also its condition's flags), in the
 * order a clerk should hear them: the status each gives the printer, the words every screen uses,
 * and the wall's alarm. The agent's verdict (device-drivers `devices/condition.ts`) and the hall's
 * alarms (@hall/domain `alarms.ts`) both read this one table.
 */
export const PRINTER_PROBLEMS: ReadonlyArray<{
  flag: string
  status: DeviceStatus
  reason: string
  alarm: AlarmKind
}> = [
  { flag: 'cover_open', status: 'fault', reason: '盖板打开', alarm: 'printer_cover_open' },
  { flag: 'paper_out', status: 'fault', reason: '缺纸', alarm: 'printer_paper_out' },
  { flag: 'cutter_error', status: 'fault', reason: '切刀故障', alarm: 'printer_error' },
  { flag: 'unrecoverable', status: 'fault', reason: '故障需维修', alarm: 'printer_error' },
  { flag: 'recoverable', status: 'fault', reason: '打印头过热', alarm: 'printer_error' },
  { flag: 'paper_near_end', status: 'warning', reason: '纸将尽', alarm: 'printer_paper_near_end' },
]

/**
 * One verdict on an attached device, made once by the device agent (device-drivers
 * `devices/condition.ts`) and shown as is in its logs, its heartbeat, the hall snapshot and the
 * wall: `ok` works, `warning` works but needs attention soon (纸将尽), `fault` cannot work until
 * someone acts (缺纸, 盖板打开), `offline` is not reachable (未连接, 无应答). `reason` is short
 * Chinese for people; `flags` are the raw facts it was made from (`paper_out`, `offline`, …).
 */
export const DeviceCondition = Type.Object({
  status: Type.Enum(DEVICE_STATUSES),
  reason: Type.String({ maxLength: 200 }),
  flags: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 16 }),
})
export type DeviceCondition = Static<typeof DeviceCondition>

export const AttachedDeviceHealth = Type.Object({
  name: Type.String({ maxLength: 64 }),
  kind: Type.Enum(['idcard', 'scanner', 'printer', 'evaluator', 'led']),
  connected: Type.Boolean(),
  lastError: Nullable(Type.String({ maxLength: 500 })),
  printer: Type.Optional(PrinterHealth),
  /** Absent from agents (and stored events) older than the field: only `connected` is known then. */
  condition: Type.Optional(DeviceCondition),
})
export type AttachedDeviceHealth = Static<typeof AttachedDeviceHealth>

export const DeviceView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: DeviceRoleSchema,
  windowId: Nullable(Type.String()),
  terminal: Nullable(Type.String()),
  online: Type.Boolean(),
  lastSeen: Nullable(Millis),
  attached: Type.Array(AttachedDeviceHealth),
})
export type DeviceView = Static<typeof DeviceView>
