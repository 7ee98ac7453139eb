import type {
  CardReadView,
  ClientToServerEvents,
  Delta,
  HallSnapshot,
  PrintOutcomeEvent,
  ScanView,
  ServerToClientEvents,
} from '@hall/protocol'
import { io, type Socket } from 'socket.io-client'

/**
 * The kiosk's live link to the hall server (the only module that imports socket.io-client).
 * socket.io-client reconnects by itself after a lost connection, but not after the server closed
 * the socket (a restart: `io server disconnect`) or refused the handshake; those are retried here
 * with a capped backoff, so the kiosk recovers on its own whatever way the server went away.
 */

export type LinkStatus = 'connecting' | 'online' | 'offline' | 'unauthorized'

export interface LinkHandlers {
  status(status: LinkStatus): void
  snapshot(snapshot: HallSnapshot): void
  /** Returns true when the delta did not follow the state held: the link then asks for a resync. */
  delta(delta: Delta): boolean
  cardRead(card: CardReadView): void
  scan(scan: ScanView): void
  printOutcome(outcome: PrintOutcomeEvent): void
}

export interface HallLink {
  close(): void
}

export function connectHall(token: string, on: LinkHandlers): HallLink {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    auth: { token },
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 4000,
    timeout: 5000,
  })
  let retry: ReturnType<typeof setTimeout> | undefined
  let attempt = 0
  let closed = false
  const retryLater = () => {
    if (closed || retry !== undefined) return
    const delay = Math.min(8000, 500 * 2 ** attempt)
    attempt += 1
    retry = setTimeout(() => {
      retry = undefined
      if (!closed && !socket.connected) socket.connect()
    }, delay)
  }
  on.status('connecting')
  socket.on('connect', () => {
    attempt = 0
    on.status('online')
  })
  socket.on('disconnect', (reason) => {
    on.status('offline')
    if (reason === 'io server disconnect') retryLater()
  })
  socket.on('connect_error', (error) => {
    on.status(error.message === 'UNAUTHORIZED' ? 'unauthorized' : 'offline')
    if (!socket.active) retryLater()
  })
  socket.on('snapshot', on.snapshot)
  socket.on('delta', (delta) => {
    if (on.delta(delta)) socket.emit('resync', (snapshot) => on.snapshot(snapshot))
  })
  socket.on('cardRead', on.cardRead)
  socket.on('scan', on.scan)
  socket.on('printOutcome', on.printOutcome)
  return {
    close() {
      closed = true
      if (retry !== undefined) clearTimeout(retry)
      socket.close()
    },
  }
}
