/**
 * The agent's devices as the contract's `AttachedDeviceHealth`: only the fields the server uses
 * for the hall's device list and its alarms (connected, last error, printer paper and cover), and
 * each device's `condition`, the one verdict (`devices/condition.ts`) the logs and the wall show. The
 * agent compares these, not the devices' full health, because device `health` events fire often
 * (every poll, every job) while these fields rarely change.
 */

import type { AttachedDeviceHealth } from '@hall/protocol'
import {
  type AnyDeviceHealth,
  conditionToken,
  type DeviceCondition,
  deviceCondition,
} from '../devices/condition.js'
import { chineseHalf } from '../devices/errors.js'
import type { EvaluatorBox } from '../devices/evaluator-box.js'
import type { IdCardReader } from '../devices/idcard-reader.js'
import type { LedScreen } from '../devices/led-screen.js'
import type { Scanner } from '../devices/scanner.js'
import type { PrinterHealth, ThermalPrinter } from '../devices/thermal-printer.js'
import type { AgentHealth } from './agent-types.js'

export interface AgentDevices {
  idcard?: IdCardReader | null
  scanner?: Scanner | null
  printer?: ThermalPrinter | null
  evaluator?: EvaluatorBox | null
  led?: LedScreen | null
}

const clip = (text: string | null, max: number): string | null =>
  text === null ? null : text.length > max ? `${text.slice(0, max - 1)}…` : text

/** The Chinese half of `中文 / English` device messages: the server shows it to people. */
const zh = (text: string | null): string | null => clip(text === null ? null : chineseHalf(text) || null, 500)

/** Problems the contract has fields of their own for; the printer also calls itself offline then. */
const HAS_FIELD = new Set(['paper_out', 'paper_near_end', 'cover_open', 'offline'])

/**
 * An ESC/POS printer out of paper or with its cover open also reports itself offline. The server
 * reads `online: false` as "unreachable" and raises a printer_error alarm, so such a printer is
 * reported online, with `paper`/`coverOpen` saying why it cannot print; `error` is kept for the
 * faults that have no field (cutter jam, overheat, no answer).
 */
export function printerHealth(h: PrinterHealth): NonNullable<AttachedDeviceHealth['printer']> {
  const explained = h.paper === 'out' || h.coverOpen
  const fault = h.problems.find((p) => p.blocking && !HAS_FIELD.has(p.code))
  const online = h.connected && (h.online || (explained && !fault))
  const error = fault?.message ?? (online ? null : (h.error ?? '打印机脱机'))
  return { online, paper: h.paper, coverOpen: h.coverOpen, error: clip(error, 200) }
}

/** What the agent reports of each device; it always gives the verdict (older agents did not). */
export type AttachedHealth = AttachedDeviceHealth & { condition: DeviceCondition }

export function attachedHealth(devices: AgentDevices): AttachedHealth[] {
  const out: AttachedHealth[] = []
  const base = (h: AnyDeviceHealth) => ({
    name: h.name.slice(0, 64),
    connected: h.connected,
    lastError: h.connected ? zh(h.lastError) : (zh(h.lastError) ?? '未连接'),
    condition: deviceCondition(h),
  })
  if (devices.idcard) out.push({ kind: 'idcard', ...base({ ...devices.idcard.health(), kind: 'idcard' }) })
  if (devices.scanner)
    out.push({ kind: 'scanner', ...base({ ...devices.scanner.health(), kind: 'scanner' }) })
  if (devices.printer) {
    const h = devices.printer.health()
    out.push({ kind: 'printer', ...base(h), printer: printerHealth(h) })
  }
  if (devices.evaluator) {
    // An open port says nothing about the box behind a USB-serial adapter; its heartbeat does.
    const h = devices.evaluator.health()
    const silent = h.connected && !h.online
    out.push({
      kind: 'evaluator',
      ...base(h),
      connected: h.online,
      ...(silent ? { lastError: '评价器没有心跳（检查电源和连线）' } : {}),
    })
  }
  if (devices.led) out.push({ kind: 'led', ...base({ ...devices.led.health(), kind: 'led' }) })
  return out
}

/**
 * The fields of the agent's periodic `agent health` log line; each device as its verdict, e.g.
 * `printer:fault(缺纸)`, the same one its heartbeat carries.
 */
export function agentHealthLine(h: AgentHealth): Record<string, unknown> {
  return {
    status: h.status,
    windowId: h.windowId,
    reconnects: h.reconnects,
    pending: h.pending.length,
    delivered: h.delivered,
    dropped: h.dropped,
    printed: h.printed,
    printFailed: h.printFailed,
    devices: h.devices.map((d) => conditionToken(d.kind, d.condition)),
    ...(h.lastError ? { lastError: h.lastError } : {}),
  }
}
