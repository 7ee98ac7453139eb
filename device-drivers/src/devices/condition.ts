/**
 * The one verdict on a device's health (the contract's `DeviceCondition`): status `ok | warning |
 * fault | offline`, a short Chinese reason, and the raw flags it was made from. Everything that
 * reports a device's state uses this function and nothing else: the printer's own log line, the
 * agent's periodic health line, its heartbeat to the hall server (and so the hall snapshot and the
 * wall). Pure: it reads a `health()` value, nothing more.
 *
 * An ESC/POS printer out of paper or with its cover open also reports itself offline (DLE EOT 1
 * bit 3); that raw `offline` flag is kept in `flags`, but the verdict names the cause (缺纸 is a
 * fault someone can fix at the kiosk, not a printer that went away).
 */

import { type DeviceCondition, type DeviceStatus, PRINTER_PROBLEMS } from '@hall/protocol'
import type { DeviceHealth } from './device.js'
import { chineseHalf } from './errors.js'
import type { EvaluatorBoxHealth } from './evaluator-box.js'
import type { PrinterHealth } from './thermal-printer.js'

export type { DeviceCondition, DeviceStatus }

export type AnyDeviceHealth =
  | PrinterHealth
  | EvaluatorBoxHealth
  | (DeviceHealth & { kind: 'idcard' | 'scanner' | 'led' })

const RANK: Readonly<Record<DeviceStatus, number>> = { ok: 0, warning: 1, fault: 2, offline: 3 }

function verdict(found: ReadonlyArray<{ status: DeviceStatus; reason: string }>, flags: string[]) {
  const worst = found.reduce<DeviceStatus>((w, f) => (RANK[f.status] > RANK[w] ? f.status : w), 'ok')
  const reasons = found.filter((f) => f.status === worst).map((f) => f.reason)
  return { status: worst, reason: reasons.length > 0 ? reasons.join('、') : '正常', flags }
}

export function deviceCondition(h: AnyDeviceHealth): DeviceCondition {
  if (!h.connected) return { status: 'offline', reason: '未连接', flags: ['disconnected'] }
  if (h.kind === 'printer') {
    if (h.noAnswer) return { status: 'offline', reason: '无应答', flags: ['no_answer'] }
    const codes = h.problems.map((p) => p.code)
    const flags = [...codes, ...(h.paper === 'unknown' ? ['paper_unknown'] : [])]
    const found: Array<{ status: DeviceStatus; reason: string }> = PRINTER_PROBLEMS.filter((p) =>
      codes.includes(p.flag as (typeof codes)[number]),
    )
    // Offline with no cause of its own (the printer's offline bit alone, or its online flag off).
    if (!h.online && !found.some((f) => f.status === 'fault')) found.push({ status: 'fault', reason: '脱机' })
    if (!h.online && !codes.includes('offline')) flags.push('offline')
    return verdict(found, flags)
  }
  if (h.kind === 'evaluator' && !h.online) {
    return { status: 'offline', reason: '无心跳（检查电源和连线）', flags: ['no_heartbeat'] }
  }
  if (h.lastError) {
    return {
      status: 'warning',
      reason: chineseHalf(h.lastError).slice(0, 200),
      flags: h.lastErrorCode ? [h.lastErrorCode.toLowerCase().slice(0, 40)] : [],
    }
  }
  return { status: 'ok', reason: '正常', flags: [] }
}

/** `printer:fault(缺纸)`, `scanner:ok`: a device's verdict in one token for log lines. */
export function conditionToken(kind: string, c: DeviceCondition): string {
  return c.status === 'ok' ? `${kind}:ok` : `${kind}:${c.status}(${c.reason})`
}
