import type {
  ClientToServerEvents,
  Delta,
  HallSnapshot,
  PrintOutcomeEvent,
  ServerToClientEvents,
} from '@hall/protocol'
import { io, type Socket } from 'socket.io-client'

/**
 * The screens' live link to the hall server: socket.io on the page's own origin, authenticated
 * with the device token. On every (re)connection the server sends a full snapshot, then deltas.
 * The link keeps trying by itself: after a network drop socket.io reconnects; after the server
 * restarts (which disconnects every socket on purpose) it connects again; a refused token is
 * retried slowly, in case the device is enrolled meanwhile. This is the only module that imports
 * socket.io-client.
 */

export type LinkState = 'connecting' | 'online' | 'offline' | 'unauthorized'

export interface LinkHandlers {
  snapshot(snapshot: HallSnapshot): void
  delta(delta: Delta): void
  state(state: LinkState): void
  printOutcome?(outcome: PrintOutcomeEvent): void
}

export interface HallLink {
  /** Asks for a full snapshot (after a gap in the deltas). */
  resync(): Promise<HallSnapshot>
  close(): void
}

type HallSocket = Socket<ServerToClientEvents, ClientToServerEvents>

const RETRY_MS = 2000
const UNAUTHORIZED_RETRY_MS = 15_000

export function connectHall(token: string, handlers: LinkHandlers, url?: string): HallLink {
  const options = {
    auth: { token },
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
    randomizationFactor: 0.3,
    timeout: 8000,
  }
  const socket: HallSocket = url ? io(url, options) : io(options)
  let retry: ReturnType<typeof setTimeout> | null = null
  let closed = false

  const later = (ms: number) => {
    if (retry !== null || closed) return
    retry = setTimeout(() => {
      retry = null
      if (!socket.connected && !closed) socket.connect()
    }, ms)
  }

  handlers.state('connecting')
  socket.on('connect', () => handlers.state('online'))
  socket.on('snapshot', (snapshot) => handlers.snapshot(snapshot))
  socket.on('delta', (delta) => handlers.delta(delta))
  socket.on('printOutcome', (outcome) => handlers.printOutcome?.(outcome))
  socket.on('disconnect', (reason) => {
    handlers.state('offline')
    // The server closes every socket when it shuts down; socket.io leaves reconnecting to us then.
    if (reason === 'io server disconnect') later(RETRY_MS)
  })
  socket.on('connect_error', (error) => {
    if (error.message === 'UNAUTHORIZED') {
      handlers.state('unauthorized')
      later(UNAUTHORIZED_RETRY_MS)
      return
    }
    handlers.state('offline')
    // A refusal by the server's middleware (not a network error) is not retried by socket.io.
    if (!socket.active) later(RETRY_MS)
  })

  return {
    async resync() {
      return (await socket.timeout(5000).emitWithAck('resync')) as HallSnapshot
    },
    close() {
      closed = true
      if (retry !== null) clearTimeout(retry)
      socket.close()
    },
  }
}
