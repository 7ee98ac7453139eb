/** Coded errors of the device layer. Messages are Chinese for the clerk, then English. */
import { CodedError } from '../coded-error.js'

export const DeviceErrorCode = {
  /** The transport is closed (unplugged, not yet reconnected). */
  notConnected: 'NOT_CONNECTED',
  /** No answer within the request's timeout. */
  timeout: 'TIMEOUT',
  /** The transport refused the bytes. */
  writeFailed: 'WRITE_FAILED',
  /** `stop()` was called while the request waited. */
  stopped: 'STOPPED',
  /** The device answered with something the protocol does not allow here, or refused (NAK). */
  protocol: 'PROTOCOL_ERROR',
  refused: 'REFUSED',
  /** Printer: not reachable, or reports itself offline. */
  printerOffline: 'PRINTER_OFFLINE',
  paperOut: 'PAPER_OUT',
  coverOpen: 'COVER_OPEN',
  /** Printer: cutter jam, head overheat or an unrecoverable fault. */
  printerError: 'PRINTER_ERROR',
} as const
export type DeviceErrorCode = (typeof DeviceErrorCode)[keyof typeof DeviceErrorCode]

export class DeviceError extends CodedError<DeviceErrorCode> {
  override readonly name = 'DeviceError'
}

export const isDeviceError = (e: unknown): e is DeviceError => e instanceof DeviceError

/** The Chinese half of a device message (`中文 / English`), the part people are shown. */
export const chineseHalf = (message: string): string => (message.split(' / ')[0] ?? message).trim()
