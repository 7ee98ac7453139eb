/**
 * The one byte-pipe interface every device sits on. Modelled on node-serialport's
 * `packages/bindings-interface/lib/index.ts`: the contract is written here, and every
 * implementation (serial, HID, TCP, memory, node-thermal-printer) keeps it.
 */

import { EventEmitter } from 'node:events'
import { CodedError } from '../coded-error.js'
import { type Logger, silentLogger } from '../logger.js'

/** Why a transport closed. */
export interface CloseReason {
  /**
   * `requested`: `close()` was called. `disconnected`: the other end went away (USB unplugged,
   * socat killed, TCP peer closed). `error`: a read or write failed and the transport gave up.
   */
  kind: 'requested' | 'disconnected' | 'error'
  /** The underlying error, when there was one. */
  error?: Error
}

export interface TransportEvents {
  /**
   * Bytes received, in arrival order. Chunk boundaries carry no meaning on stream transports
   * (serial, TCP): a frame may be cut anywhere. HID transports deliver exactly one input report per
   * event, and MemoryTransport one `write()` of its peer per event.
   */
  data: [chunk: Uint8Array]
  /** Emitted once per successful `open()`, after which `isOpen` is false. */
  close: [reason: CloseReason]
  /**
   * A problem that did not close the transport (for example a write that failed while the port
   * stays open). Emitted only while someone listens, so an unobserved error never crashes the
   * process; it is logged either way.
   */
  error: [error: Error]
}

/**
 * A bidirectional byte pipe to one device.
 *
 * Contract:
 * - `open()` resolves once bytes can be written and `data` may arrive; it rejects with a
 *   `TransportError` (codes below) and leaves the transport closed. Calling `open()` on an open
 *   transport rejects with `ALREADY_OPEN`.
 * - A transport can be opened again after it closed, for any reason: that is how devices
 *   reconnect after an unplug. Each `open()` acquires the underlying handle anew.
 * - `write(bytes)` resolves when the bytes have been handed to the operating system (not when the
 *   device has acted on them); it rejects with `NOT_OPEN` when closed and `WRITE_FAILED` on an
 *   I/O error. Writes are delivered in call order.
 * - `close()` is idempotent and resolves once the handle is released; it emits
 *   `close({ kind: 'requested' })` if the transport was open.
 * - After `close` is emitted no further `data` arrives until the next `open()`.
 * - `readable` is false for write-only pipes (a printer spooler): they never emit `data`, so a
 *   device must not wait for answers on them.
 */
export interface Transport {
  /** A printable description for logs (the URL, without credentials). */
  readonly url: string
  readonly isOpen: boolean
  readonly readable: boolean
  open(): Promise<void>
  close(): Promise<void>
  write(bytes: Uint8Array): Promise<void>
  on<K extends keyof TransportEvents>(event: K, listener: (...args: TransportEvents[K]) => void): this
  once<K extends keyof TransportEvents>(event: K, listener: (...args: TransportEvents[K]) => void): this
  off<K extends keyof TransportEvents>(event: K, listener: (...args: TransportEvents[K]) => void): this
}

export const TransportErrorCode = {
  /** Nothing at the path / no such host / no such HID device. */
  notFound: 'TRANSPORT_NOT_FOUND',
  /** The OS refused access (serial ports: add the user to the `dialout` group). */
  permissionDenied: 'TRANSPORT_PERMISSION_DENIED',
  /** Another process holds the port (serialport's lock). */
  busy: 'TRANSPORT_BUSY',
  /** A native library is missing (node-hid needs libusb-1.0-0). */
  unavailable: 'TRANSPORT_UNAVAILABLE',
  timeout: 'TRANSPORT_TIMEOUT',
  refused: 'TRANSPORT_REFUSED',
  notOpen: 'TRANSPORT_NOT_OPEN',
  alreadyOpen: 'TRANSPORT_ALREADY_OPEN',
  writeFailed: 'TRANSPORT_WRITE_FAILED',
  badUrl: 'TRANSPORT_BAD_URL',
  openFailed: 'TRANSPORT_OPEN_FAILED',
} as const
export type TransportErrorCode = (typeof TransportErrorCode)[keyof typeof TransportErrorCode]

/** Errors from transports carry a stable code and a message in Chinese and English. */
export class TransportError extends CodedError<TransportErrorCode> {
  override readonly name = 'TransportError'
}

/** Maps an OS error from opening a device path to a coded error with a message an installer can act on. */
export function openError(url: string, err: unknown): TransportError {
  const e = err instanceof Error ? err : new Error(String(err))
  const msg = e.message
  const code = (e as { code?: string }).code
  if (code === 'ENOENT' || /ENOENT|No such file|does not exist/i.test(msg)) {
    return new TransportError(TransportErrorCode.notFound, `设备不存在 / no device at ${url}`, e)
  }
  if (code === 'EACCES' || /EACCES|Permission denied/i.test(msg)) {
    return new TransportError(
      TransportErrorCode.permissionDenied,
      `无权访问设备，请把运行用户加入 dialout 组 / permission denied on ${url}: add the user to the dialout group`,
      e,
    )
  }
  if (/Cannot lock port|is locked|EBUSY|Resource temporarily unavailable/i.test(msg)) {
    return new TransportError(
      TransportErrorCode.busy,
      `设备被其他程序占用 / ${url} is in use by another process (${msg})`,
      e,
    )
  }
  if (code === 'ECONNREFUSED') {
    return new TransportError(TransportErrorCode.refused, `连接被拒绝 / connection refused by ${url}`, e)
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new TransportError(TransportErrorCode.notFound, `找不到主机 / host not found for ${url}`, e)
  }
  return new TransportError(TransportErrorCode.openFailed, `无法打开设备 / cannot open ${url}: ${msg}`, e)
}

export interface TransportOptions {
  logger?: Logger
}

/**
 * Shared bookkeeping for implementations: typed events, the open flag, the logged-and-guarded
 * `error` event and the one-`close`-per-open rule.
 */
export abstract class BaseTransport extends EventEmitter<TransportEvents> implements Transport {
  abstract readonly url: string
  readonly readable: boolean = true
  protected readonly log: Logger
  private opened = false

  constructor(options: TransportOptions = {}) {
    super()
    this.log = options.logger ?? silentLogger
  }

  get isOpen(): boolean {
    return this.opened
  }

  abstract open(): Promise<void>
  abstract close(): Promise<void>
  abstract write(bytes: Uint8Array): Promise<void>

  protected markOpen(): void {
    this.opened = true
    this.log.debug('open', { url: this.url })
  }

  /** Emits `close` once for the current open; later calls do nothing. */
  protected markClosed(reason: CloseReason): void {
    if (!this.opened) return
    this.opened = false
    const fields = { url: this.url, kind: reason.kind, ...(reason.error ? { error: reason.error } : {}) }
    if (reason.kind === 'requested') this.log.debug('closed', fields)
    else this.log.warn('closed', fields)
    this.emit('close', reason)
  }

  protected emitError(error: Error): void {
    this.log.warn('transport error', { url: this.url, error })
    if (this.listenerCount('error') > 0) this.emit('error', error)
  }

  protected notOpen(): TransportError {
    return new TransportError(TransportErrorCode.notOpen, `设备未连接 / ${this.url} is not open`)
  }

  protected assertOpen(): void {
    if (!this.opened) throw this.notOpen()
  }

  /** The implementation's handle when open; the flag and the handle can disagree while closing. */
  protected openHandle<T>(handle: T | null | undefined): T {
    this.assertOpen()
    if (handle === null || handle === undefined) throw this.notOpen()
    return handle
  }

  protected writeFailed(err: unknown): TransportError {
    const cause = toError(err)
    return new TransportError(
      TransportErrorCode.writeFailed,
      `写入失败 / write to ${this.url} failed: ${cause.message}`,
      cause,
    )
  }

  /** Runs a node-style callback write (serialport, net.Socket) as a promise with the coded error. */
  protected writeWithCallback(write: (done: (err?: Error | null) => void) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      write((err) => (err ? reject(this.writeFailed(err)) : resolve()))
    })
  }

  protected assertClosed(): void {
    if (this.opened) {
      throw new TransportError(TransportErrorCode.alreadyOpen, `${this.url} is already open`)
    }
  }
}

export const toError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)))
