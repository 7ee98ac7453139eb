/**
 * TCP through `node:net`: network receipt printers (`tcp://host:9100`, the raw port of ESC/POS
 * printers) and serial-to-Ethernet converters. Keepalive is on so a printer that lost power is
 * noticed even when nothing is being printed.
 */

import net from 'node:net'
import {
  BaseTransport,
  openError,
  TransportError,
  TransportErrorCode,
  type TransportOptions,
} from './transport.js'

export interface TcpTransportOptions extends TransportOptions {
  host: string
  port: number
  /** Default 3000 ms. */
  connectTimeoutMs?: number
  /** TCP keepalive initial delay; default 5000 ms; 0 turns keepalive off. */
  keepAliveMs?: number
}

/** `tcp://host:port` → host and port (port defaults to 9100, the raw printing port). */
export function parseTcpUrl(url: string): { host: string; port: number } {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    throw new TransportError(TransportErrorCode.badUrl, `地址格式错误 / bad TCP URL: ${url}`)
  }
  if (u.protocol !== 'tcp:' || !u.hostname) {
    throw new TransportError(TransportErrorCode.badUrl, `地址格式错误 / expected tcp://host:port, got ${url}`)
  }
  const port = u.port ? Number(u.port) : 9100
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port }
}

export class TcpTransport extends BaseTransport {
  readonly url: string
  readonly host: string
  readonly port: number
  private readonly connectTimeoutMs: number
  private readonly keepAliveMs: number
  private socket: net.Socket | null = null
  private closing = false

  constructor(options: TcpTransportOptions) {
    super(options)
    this.host = options.host
    this.port = options.port
    this.connectTimeoutMs = options.connectTimeoutMs ?? 3000
    this.keepAliveMs = options.keepAliveMs ?? 5000
    this.url = `tcp://${this.host.includes(':') ? `[${this.host}]` : this.host}:${this.port}`
  }

  async open(): Promise<void> {
    this.assertClosed()
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect({ host: this.host, port: this.port })
      const timer = setTimeout(() => {
        s.destroy()
        reject(
          new TransportError(
            TransportErrorCode.timeout,
            `连接超时 / connecting to ${this.url} timed out after ${this.connectTimeoutMs} ms`,
          ),
        )
      }, this.connectTimeoutMs)
      s.once('connect', () => {
        clearTimeout(timer)
        s.removeAllListeners('error')
        resolve(s)
      })
      s.once('error', (err) => {
        clearTimeout(timer)
        s.destroy()
        reject(openError(this.url, err))
      })
    })
    if (this.keepAliveMs > 0) socket.setKeepAlive(true, this.keepAliveMs)
    socket.setNoDelay(true)
    this.socket = socket
    this.closing = false
    socket.on('data', (chunk: Buffer) => {
      this.emit('data', new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length))
    })
    let lastError: Error | undefined
    socket.on('error', (err) => {
      lastError = err
      this.emitError(err)
    })
    // The peer half-closing means the printer is going away: finish our side too.
    socket.on('end', () => socket.end())
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null
      if (this.closing) this.markClosed({ kind: 'requested' })
      else this.markClosed({ kind: 'disconnected', ...(lastError ? { error: lastError } : {}) })
    })
    this.markOpen()
  }

  async write(bytes: Uint8Array): Promise<void> {
    const socket = this.openHandle(this.socket)
    if (socket.destroyed || !socket.writable) throw this.notOpen()
    await this.writeWithCallback((done) => socket.write(bytes, done))
  }

  async close(): Promise<void> {
    const socket = this.socket
    if (!socket || !this.isOpen) return
    this.closing = true
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve())
      socket.end()
      // A peer that never acknowledges the FIN must not hold the agent up.
      setTimeout(() => socket.destroy(), 500).unref()
    })
    this.markClosed({ kind: 'requested' })
  }
}
