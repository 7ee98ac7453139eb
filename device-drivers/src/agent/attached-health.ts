/**
 * The agent's devices as the contract's `AttachedDeviceHealth`: only the fields the server uses
 * for the hall's device list and its alarms (connected, last error, printer paper and cover). The
 * agent compares these, not the devices' full health, because device `health` events fire often
 * (every poll, every job) while these fields rarely change.
 */

import type { AttachedDeviceHealth } from '@hall/protocol'
import type { EvaluatorBox } from '../devices/evaluator-box.js'
import type { IdCardReader } from '../devices/idcard-reader.js'
import type { LedScreen } from '../devices/led-screen.js'
import type { Scanner } from '../devices/scanner.js'
import type { PrinterHealth, ThermalPrinter } from '../devices/thermal-printer.js'

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
const zh = (text: string | null): string | null => clip(text?.split(' / ')[0]?.trim() || null, 500)

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

export function attachedHealth(devices: AgentDevices): AttachedDeviceHealth[] {
  const out: AttachedDeviceHealth[] = []
  const base = (h: { name: string; connected: boolean; lastError: string | null }) => ({
    name: h.name.slice(0, 64),
    connected: h.connected,
    lastError: h.connected ? zh(h.lastError) : (zh(h.lastError) ?? '未连接'),
  })
  if (devices.idcard) out.push({ kind: 'idcard', ...base(devices.idcard.health()) })
  if (devices.scanner) out.push({ kind: 'scanner', ...base(devices.scanner.health()) })
  if (devices.printer)
    out.push({
      kind: 'printer',
      ...base(devices.printer.health()),
      printer: printerHealth(devices.printer.health()),
    })
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
  if (devices.led) out.push({ kind: 'led', ...base(devices.led.health()) })
  return out
}
