/**
 * Real-time status: the one-byte answers to DLE EOT n (10 04 n).
 *
 * Source: Epson ESC/POS reference "DLE EOT", matched by Bixolon SRP-350, Citizen CT-S2000 and
 * CBM1000 manuals. Every answer has fixed bits: bit 0 = 0, bit 1 = 1, bit 4 = 1, bit 7 = 0
 * (mask 0x93 must equal 0x12); that is how a status byte is told apart from junk or ASB data.
 *
 *   n=1 printer   bit2 drawer kick-out connector pin 3 HIGH   bit3 offline
 *                 bit5 waiting for online recovery            bit6 paper feed button pressed
 *   n=2 offline   bit2 cover open                             bit3 paper being fed by the button
 *                 bit5 printing stopped by paper end           bit6 error occurred
 *   n=3 error     bit2 mechanical / black-mark error (model-specific, undefined on many)
 *                 bit3 autocutter error   bit5 unrecoverable error   bit6 auto-recoverable error
 *                 (head overheat; on Bixolon also cover opened while printing)
 *   n=4 paper     bits2-3 near-end sensor (0x0C = near end)   bits5-6 end sensor (0x60 = out)
 *                 Some models report only one bit of each pair (two sensors), so any set bit
 *                 counts.
 */
import { type StatusKind, StatusRequest } from './constants.js'

export interface PrinterStatusByte {
  kind: 'printer'
  raw: number
  online: boolean
  /** Level of drawer kick-out connector pin 3; whether HIGH means open depends on the drawer. */
  drawerPin3High: boolean
  waitingForOnlineRecovery: boolean
  feedButtonPressed: boolean
}

export interface OfflineStatusByte {
  kind: 'offline'
  raw: number
  coverOpen: boolean
  feedingByButton: boolean
  stoppedByPaperEnd: boolean
  errorOccurred: boolean
}

export interface ErrorStatusByte {
  kind: 'error'
  raw: number
  mechanicalError: boolean
  autocutterError: boolean
  unrecoverableError: boolean
  autoRecoverableError: boolean
}

export interface PaperStatusByte {
  kind: 'paper'
  raw: number
  nearEnd: boolean
  paperOut: boolean
}

export type RealtimeStatus = PrinterStatusByte | OfflineStatusByte | ErrorStatusByte | PaperStatusByte

export const StatusErrorCode = {
  badStatusByte: 'ESCPOS_BAD_STATUS_BYTE',
  unsolicitedByte: 'ESCPOS_UNSOLICITED_BYTE',
} as const
export type StatusErrorCode = (typeof StatusErrorCode)[keyof typeof StatusErrorCode]

export interface StatusError {
  code: StatusErrorCode
  message: string
  byte: number
  /** The request this byte was read against, if one was pending. */
  kind: StatusKind | null
}

export type StatusResult = { ok: true; status: RealtimeStatus } | { ok: false; error: StatusError }

const FIXED_MASK = 0x93
const FIXED_VALUE = 0x12

/** True when the byte has the fixed bits every DLE EOT answer has. */
export function isStatusByte(byte: number): boolean {
  return (byte & FIXED_MASK) === FIXED_VALUE
}

const bit = (byte: number, n: number): boolean => (byte & (1 << n)) !== 0

/** Decodes one answer byte for the given request; a byte without the fixed bits is an error value. */
export function decodeStatusByte(kind: StatusKind, byte: number): StatusResult {
  if (!Number.isInteger(byte) || byte < 0 || byte > 0xff || !isStatusByte(byte)) {
    return {
      ok: false,
      error: {
        code: StatusErrorCode.badStatusByte,
        message: `0x${hex(byte)} is not a DLE EOT ${StatusRequest[kind]} answer (fixed bits 0x93 must read 0x12)`,
        byte,
        kind,
      },
    }
  }
  switch (kind) {
    case 'printer':
      return {
        ok: true,
        status: {
          kind,
          raw: byte,
          online: !bit(byte, 3),
          drawerPin3High: bit(byte, 2),
          waitingForOnlineRecovery: bit(byte, 5),
          feedButtonPressed: bit(byte, 6),
        },
      }
    case 'offline':
      return {
        ok: true,
        status: {
          kind,
          raw: byte,
          coverOpen: bit(byte, 2),
          feedingByButton: bit(byte, 3),
          stoppedByPaperEnd: bit(byte, 5),
          errorOccurred: bit(byte, 6),
        },
      }
    case 'error':
      return {
        ok: true,
        status: {
          kind,
          raw: byte,
          mechanicalError: bit(byte, 2),
          autocutterError: bit(byte, 3),
          unrecoverableError: bit(byte, 5),
          autoRecoverableError: bit(byte, 6),
        },
      }
    case 'paper':
      return {
        ok: true,
        status: { kind, raw: byte, nearEnd: (byte & 0x0c) !== 0, paperOut: (byte & 0x60) !== 0 },
      }
  }
}

function hex(n: number): string {
  return (n & 0xff).toString(16).padStart(2, '0')
}

/** Encodes a status as the printer would send it (for simulators and tests). */
export function encodeStatusByte(status: RealtimeStatus): number {
  let b = FIXED_VALUE
  const set = (on: boolean, mask: number): void => {
    if (on) b |= mask
  }
  switch (status.kind) {
    case 'printer':
      set(status.drawerPin3High, 0x04)
      set(!status.online, 0x08)
      set(status.waitingForOnlineRecovery, 0x20)
      set(status.feedButtonPressed, 0x40)
      break
    case 'offline':
      set(status.coverOpen, 0x04)
      set(status.feedingByButton, 0x08)
      set(status.stoppedByPaperEnd, 0x20)
      set(status.errorOccurred, 0x40)
      break
    case 'error':
      set(status.mechanicalError, 0x04)
      set(status.autocutterError, 0x08)
      set(status.unrecoverableError, 0x20)
      set(status.autoRecoverableError, 0x40)
      break
    case 'paper':
      set(status.nearEnd, 0x0c)
      set(status.paperOut, 0x60)
      break
  }
  return b
}

export interface StatusDecoder {
  /** Records that a DLE EOT n request was sent; answers are matched to requests in order. */
  expect(kind: StatusKind): void
  /** Requests still waiting for their byte. */
  pending(): readonly StatusKind[]
  /** Forgets pending requests (after a timeout: a late byte is then reported as unsolicited). */
  reset(): void
  push(chunk: Uint8Array): StatusResult[]
}

/**
 * Streaming decoder for status answers. A byte without the fixed bits is reported and skipped,
 * and the pending request keeps waiting, so junk before an answer does not shift the matching.
 */
export function createStatusDecoder(): StatusDecoder {
  const queue: StatusKind[] = []
  return {
    expect(kind) {
      queue.push(kind)
    },
    pending() {
      return [...queue]
    },
    reset() {
      queue.length = 0
    },
    push(chunk) {
      const out: StatusResult[] = []
      for (const byte of chunk) {
        const kind = queue[0]
        if (kind === undefined) {
          out.push({
            ok: false,
            error: {
              code: StatusErrorCode.unsolicitedByte,
              message: `0x${hex(byte)} arrived with no status request pending`,
              byte,
              kind: null,
            },
          })
          continue
        }
        const result = decodeStatusByte(kind, byte)
        if (result.ok) queue.shift()
        out.push(result)
      }
      return out
    },
  }
}

export interface StatusProblem {
  code:
    | 'offline'
    | 'cover_open'
    | 'paper_out'
    | 'paper_near_end'
    | 'cutter_error'
    | 'unrecoverable'
    | 'recoverable'
  /** Chinese message for the clerk's screen. */
  message: string
  /** Whether printing cannot continue. */
  blocking: boolean
}

/** Merges decoded status bytes into the problems a clerk needs to act on, most urgent first. */
export function statusProblems(statuses: readonly RealtimeStatus[]): StatusProblem[] {
  const found = new Map<StatusProblem['code'], StatusProblem>()
  const add = (code: StatusProblem['code'], message: string, blocking: boolean): void => {
    if (!found.has(code)) found.set(code, { code, message, blocking })
  }
  for (const s of statuses) {
    if (s.kind === 'printer' && !s.online) add('offline', '打印机离线', true)
    if (s.kind === 'offline' && s.coverOpen) add('cover_open', '打印机上盖未合上', true)
    if (s.kind === 'offline' && s.stoppedByPaperEnd) add('paper_out', '打印纸已用完，请更换纸卷', true)
    if (s.kind === 'paper' && s.paperOut) add('paper_out', '打印纸已用完，请更换纸卷', true)
    if (s.kind === 'paper' && s.nearEnd && !s.paperOut) add('paper_near_end', '打印纸即将用完', false)
    if (s.kind === 'error' && s.autocutterError) add('cutter_error', '切刀故障，请检查是否卡纸', true)
    if (s.kind === 'error' && s.unrecoverableError)
      add('unrecoverable', '打印机发生不可恢复的故障，请联系维修', true)
    if (s.kind === 'error' && s.autoRecoverableError) add('recoverable', '打印头过热，稍候自动恢复', true)
  }
  const order: StatusProblem['code'][] = [
    'offline',
    'cover_open',
    'paper_out',
    'cutter_error',
    'unrecoverable',
    'recoverable',
    'paper_near_end',
  ]
  return order.flatMap((c) => {
    const p = found.get(c)
    return p ? [p] : []
  })
}
