import type { ClientToServerEvents, ServerToClientEvents } from '@hall/protocol'
import type { Server, Socket } from 'socket.io'
import type { Principal } from '../hall/identity.js'

/** The hall's socket.io server and sockets, typed by the contract's event maps. */

export interface SocketData {
  principal: Principal
}

export type HallSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>
export type HallIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>
