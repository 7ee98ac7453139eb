/**
 * Serial ports through serialport 13: USB-serial ID card readers, scanners in virtual COM mode,
 * evaluator boxes and LED screens on RS-232/485, and socat pseudo-terminals in tests.
 *
 * The binding is injectable (node-serialport's own test pattern): tests pass `MockBinding` from
 * `@serialport/binding-mock`; by default the real binding is loaded on first open, so a machine
 * without the native module can still use the other transports. Always 8 data bits, no parity,
 * 1 stop bit (8N1), the framing of every device in the hall (shared device notes).
 *
 * Ports are locked by default (serialport's `lock`), so a second agent on the same PC fails with
 * TRANSPORT_BUSY instead of both reading half the bytes.
 */

import { SerialPortStream, type OpenOptions as StreamOpenOptions } from '@serialport/stream'
import { BaseTransport, openError, type TransportOptions, toError } from './transport.js'

export interface SerialTransportOptions extends TransportOptions {
  path: string
  /** Default 9600. ID card readers use 115200 (shared device notes). */
  baudRate?: number
  /** Exclusive lock on the port; default true. */
  lock?: boolean
  /** Default: the real binding of `serialport` (loaded lazily). Tests pass `MockBinding`. */
  binding?: SerialBinding
}

export const DEFAULT_BAUD_RATE = 9600

/**
 * A serialport binding (`BindingInterface` of `@serialport/bindings-interface`): the real one,
 * `MockBinding`, or any other implementation. Taken from `@serialport/stream` because the
 * interface package's own typings do not resolve under NodeNext.
 */
export type SerialBinding = StreamOpenOptions['binding']

async function defaultBinding(): Promise<SerialBinding> {
  const { SerialPort } = await import('serialport')
  return SerialPort.binding as unknown as SerialBinding
}

export class SerialTransport extends BaseTransport {
  readonly url: string
  readonly path: string
  readonly baudRate: number
  private readonly lock: boolean
  private readonly binding: SerialBinding | undefined
  private port: SerialPortStream | null = null
  private closing = false

  constructor(options: SerialTransportOptions) {
    super(options)
    this.path = options.path
    this.baudRate = options.baudRate ?? DEFAULT_BAUD_RATE
    this.lock = options.lock ?? true
    this.binding = options.binding
    this.url = `serial:${this.path}?baud=${this.baudRate}`
  }

  /** The underlying serialport stream while open (tests reach `MockPortBinding` through `.port`). */
  get stream(): SerialPortStream | null {
    return this.port
  }

  async open(): Promise<void> {
    this.assertClosed()
    const binding = this.binding ?? (await defaultBinding())
    const port = new SerialPortStream({
      binding,
      path: this.path,
      baudRate: this.baudRate,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      lock: this.lock,
      autoOpen: false,
    })
    await new Promise<void>((resolve, reject) => {
      port.open((err) => (err ? reject(openError(this.url, err)) : resolve()))
    })
    this.port = port
    this.closing = false
    port.on('data', (chunk: Buffer) => {
      this.emit('data', new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length))
    })
    port.on('error', (err: Error) => this.emitError(err))
    port.on('close', (err?: Error & { disconnected?: boolean }) => {
      if (this.port === port) this.port = null
      if (this.closing) this.markClosed({ kind: 'requested' })
      else if (err?.disconnected) this.markClosed({ kind: 'disconnected', error: err })
      else this.markClosed({ kind: err ? 'error' : 'disconnected', ...(err ? { error: err } : {}) })
    })
    this.markOpen()
  }

  async write(bytes: Uint8Array): Promise<void> {
    const port = this.openHandle(this.port)
    await this.writeWithCallback((done) => port.write(Buffer.from(bytes), done))
  }

  async close(): Promise<void> {
    const port = this.port
    if (!port || !this.isOpen) return
    this.closing = true
    await new Promise<void>((resolve) => {
      if (!port.isOpen) {
        resolve()
        return
      }
      port.close((err) => {
        if (err) this.log.debug('close reported an error', { url: this.url, error: toError(err) })
        resolve()
      })
    })
    // The stream's own 'close' event normally did this already.
    this.port = null
    this.markClosed({ kind: 'requested' })
  }
}
