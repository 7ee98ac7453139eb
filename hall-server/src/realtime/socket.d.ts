import { type ClientToServerEvents, type ServerToClientEvents } from '@hall/protocol'
import type { FastifyInstance } from 'fastify'
import { Server } from 'socket.io'
import type { Hall } from '../hall/boot.js'
import { type Principal } from '../hall/identity.js'

/**
 * socket.io on the Fastify server. Each client authenticates with its token, joins its rooms
 * (`hall`, `role:<role>`, `window:<id>`, `terminal:<id>`), gets the committed snapshot at once and
 * every delta after it. Device agents report card reads, scans, print results, button-box ratings
 * and their health; every payload is checked against the contract before it is used.
 */
interface SocketData {
  principal: Principal
}
export type HallIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>
export declare function attachRealtime(app: FastifyInstance, hall: Hall): HallIo
