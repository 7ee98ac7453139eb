import type { ClientToServerEvents, HallSnapshot, ServerToClientEvents } from '@hall/protocol'
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client'

/**
 * The live link to the hall server, for the screens (in the browser) and the device agent (in
 * Node): socket.io authenticated with a device token or a staff session. This is the only module
 * that imports socket.io-client.
 *
 * socket.io-client reconnects by itself after a lost connection, but not after the server closed
 * the socket (a restart: `io server disconnect`) or its middleware refused the handshake; those are
 * retried here with a capped, jittered backoff, and a refused token slowly (the device may be
 * enrolled meanwhile). So the link recovers on its own whatever way the server went away.
 */

export type HallSocket = Socket<ServerToClientEvents, ClientToServerEvents>
export type SocketFactory = (
  url: string | undefined,
  options: Partial<ManagerOptions & SocketOptions>,
) => HallSocket

export type LinkStatus = 'connecting' | 'online' | 'offline' | 'unauthorized'

/** Each change of the link's status, with what caused it. */
export type LinkChange =
  | { status: 'connecting' }
  | { status: 'online' }
  | { status: 'offline'; cause: 'disconnected'; reason: string }
  | { status: 'offline'; cause: 'unreachable'; message: string }
  | { status: 'unauthorized' }

export interface ReconnectOptions {
  /** First retry; default 500 ms, doubling up to `maxDelayMs`. */
  initialDelayMs?: number
  /** Default 4000 ms. */
  maxDelayMs?: number
  /** After a refused token; default 15 000 ms. */
  unauthorizedDelayMs?: number
}

export interface LinkOptions {
  /** The hall server, e.g. `http://192.168.1.10:8080`; the page's own origin when left out. */
  url?: string
  /** A device token or a staff session token. */
  token: string
  /** Default websocket only. */
  transports?: Array<'websocket' | 'polling'>
  reconnect?: ReconnectOptions
  /** Handshake timeout; default 8000 ms. */
  timeoutMs?: number
  /** How long `resync` waits for its answer; default 5000 ms. */
  ackTimeoutMs?: number
  /** socket.io-client's `io`, replaceable in tests. */
  io?: SocketFactory
  onChange?: (change: LinkChange) => void
}

export interface HallLink {
  /** The typed socket, for the events a user of the link sends or listens to itself. */
  readonly socket: HallSocket
  readonly status: LinkStatus
  readonly connected: boolean
  /** Asks for the full state (after a gap in the deltas); rejects when offline or unanswered. */
  resync(): Promise<HallSnapshot>
  /** Closes for good: no more retries. */
  close(): void
}

const defaultFactory: SocketFactory = (url, options) => (url ? io(url, options) : io(options))

/** Capped exponential backoff with ±30 % jitter, so a hall's screens do not all retry at once. */
export function retryDelay(attempt: number, initialMs: number, maxMs: number, random = Math.random): number {
  const base = Math.min(maxMs, initialMs * 2 ** attempt)
  return Math.round(base * (0.7 + 0.6 * random()))
}

export function connectHall(options: LinkOptions): HallLink {
  const initialDelayMs = options.reconnect?.initialDelayMs ?? 500
  const maxDelayMs = options.reconnect?.maxDelayMs ?? 4000
  const unauthorizedDelayMs = options.reconnect?.unauthorizedDelayMs ?? 15_000
  const ackTimeoutMs = options.ackTimeoutMs ?? 5000
  const socket = (options.io ?? defaultFactory)(options.url, {
    auth: { token: options.token },
    transports: options.transports ?? ['websocket'],
    autoConnect: false,
    forceNew: true,
    reconnectionDelay: initialDelayMs,
    reconnectionDelayMax: maxDelayMs,
    randomizationFactor: 0.3,
    timeout: options.timeoutMs ?? 8000,
  })
  let status: LinkStatus = 'connecting'
  let retry: ReturnType<typeof setTimeout> | null = null
  let attempt = 0
  let closed = false

  const change = (next: LinkChange) => {
    status = next.status
    options.onChange?.(next)
  }
  const retryLater = (ms: number) => {
    if (closed || retry !== null) return
    retry = setTimeout(() => {
      retry = null
      if (!closed && !socket.connected) socket.connect()
    }, ms)
  }

  socket.on('connect', () => {
    attempt = 0
    change({ status: 'online' })
  })
  socket.on('disconnect', (reason) => {
    if (closed) return
    change({ status: 'offline', cause: 'disconnected', reason })
    // The server closes every socket when it shuts down; socket.io leaves reconnecting to us then.
    if (!socket.active) retryLater(retryDelay(attempt++, initialDelayMs, maxDelayMs))
  })
  socket.on('connect_error', (error) => {
    if (closed) return
    if (error.message === 'UNAUTHORIZED') {
      change({ status: 'unauthorized' })
      retryLater(unauthorizedDelayMs)
      return
    }
    change({ status: 'offline', cause: 'unreachable', message: error.message })
    // A refusal by the server's middleware (not a network error) is not retried by socket.io.
    if (!socket.active) retryLater(retryDelay(attempt++, initialDelayMs, maxDelayMs))
  })

  change({ status: 'connecting' })
  socket.connect()

  return {
    socket,
    get status() {
      return status
    },
    get connected() {
      return socket.connected
    },
    async resync() {
      if (!socket.connected) throw new Error('offline')
      return (await socket.timeout(ackTimeoutMs).emitWithAck('resync')) as HallSnapshot
    },
    close() {
      closed = true
      if (retry !== null) clearTimeout(retry)
      socket.removeAllListeners()
      socket.close()
    },
  }
}
