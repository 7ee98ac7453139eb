/**
 * In-memory transports: two linked ends, for tests and the demo hall. What one end writes
 * arrives at the other as one `data` event per `write()` (like HID reports), asynchronously, so
 * tests see the same ordering as with a real port. Writing while the peer is closed drops the
 * bytes, as a serial line does.
 */

import { BaseTransport, TransportError, TransportErrorCode, type TransportOptions } from './transport.js'

export interface MemoryTransportOptions extends TransportOptions {
  /** Shown in logs; default `memory:`. */
  url?: string
}

export class MemoryTransport extends BaseTransport {
  readonly url: string
  private peer: MemoryTransport | null = null
  /** Set by `unplug()`: the next `open()` fails until `replug()`. */
  private unplugged = false
  /** Every chunk written through this end while open, for assertions. */
  readonly written: Uint8Array[] = []

  constructor(options: MemoryTransportOptions = {}) {
    super(options)
    this.url = options.url ?? 'memory:'
  }

  /** Two linked ends. */
  static pair(name = 'pair', options: TransportOptions = {}): [MemoryTransport, MemoryTransport] {
    const a = new MemoryTransport({ ...options, url: `memory:${name}` })
    const b = new MemoryTransport({ ...options, url: `memory:${name}#peer` })
    a.peer = b
    b.peer = a
    return [a, b]
  }

  get other(): MemoryTransport | null {
    return this.peer
  }

  async open(): Promise<void> {
    this.assertClosed()
    if (this.unplugged) {
      throw new TransportError(TransportErrorCode.notFound, `设备不存在 / no device at ${this.url}`)
    }
    this.markOpen()
  }

  async close(): Promise<void> {
    this.markClosed({ kind: 'requested' })
  }

  async write(bytes: Uint8Array): Promise<void> {
    this.assertOpen()
    const copy = Uint8Array.from(bytes)
    this.written.push(copy)
    const peer = this.peer
    setImmediate(() => {
      if (peer?.isOpen) peer.emit('data', copy)
    })
  }

  /** Simulates pulling the cable: closes as `disconnected`, and `open()` fails until `replug()`. */
  unplug(): void {
    this.unplugged = true
    this.markClosed({ kind: 'disconnected' })
  }

  replug(): void {
    this.unplugged = false
  }

  /** Bytes as if they came from the peer (for tests that have no peer logic). */
  inject(bytes: Uint8Array): void {
    if (this.isOpen) this.emit('data', Uint8Array.from(bytes))
  }
}

/**
 * Named pairs for `memory:NAME` URLs: the device end is returned by `openTransport`, the
 * simulator end by `memoryPeer(NAME)`.
 */
const registry = new Map<string, [MemoryTransport, MemoryTransport]>()

export function memoryPair(name: string): [MemoryTransport, MemoryTransport] {
  let pair = registry.get(name)
  if (!pair) {
    pair = MemoryTransport.pair(name)
    registry.set(name, pair)
  }
  return pair
}

/** The simulator end of the named pair `memory:NAME`. */
export function memoryPeer(name: string): MemoryTransport {
  return memoryPair(name)[1]
}

/** Forgets all named pairs (between tests). */
export function resetMemoryPairs(): void {
  registry.clear()
}
