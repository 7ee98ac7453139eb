import { type ApiError, apiError, type ErrorCode, SOCKET_ACCESS, SOCKET_CONNECT_ACCESS } from '@hall/protocol'
import type { FastifyInstance } from 'fastify'
import { Server } from 'socket.io'
import type { Hall } from '../hall/boot.js'
import { allowed } from '../hall/identity.js'
import { handleAgentEvents } from './agent-events.js'
import type { HallIo, HallSocket } from './io-types.js'
import { createPresence } from './presence.js'
import { attachPrinting } from './print-dispatch.js'
import { RecentEvents } from './recent-events.js'

export type { HallIo } from './io-types.js'

/** A refused handshake: `message` is the code (what clients branch on), `data` the contract's body. */
function handshakeRefusal(code: ErrorCode): Error & { data: ApiError } {
  return Object.assign(new Error(code), { data: apiError(code) })
}

/**
 * socket.io on the Fastify server. Each client authenticates with its token, joins its rooms
 * (`hall`, `role:<role>`, `window:<id>`, `terminal:<id>`), gets the committed snapshot at once and
 * every delta after it, and may ask for the snapshot again (`resync`). What device agents report
 * is in agent-events.ts, who is online in presence.ts, print jobs in print-dispatch.ts.
 */
export function attachRealtime(app: FastifyInstance, hall: Hall): HallIo {
  const io: HallIo = new Server(app.server, {
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 10_000,
    maxHttpBufferSize: 256 * 1024,
    cors: { origin: true },
  })
  const presence = createPresence(hall)
  const recent = new RecentEvents()

  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token
    hall.identity
      .authenticate(typeof token === 'string' ? token : undefined)
      .then((principal) => {
        if (!principal) return next(handshakeRefusal('UNAUTHORIZED'))
        if (!allowed(principal, SOCKET_CONNECT_ACCESS)) return next(handshakeRefusal('FORBIDDEN'))
        socket.data.principal = principal
        next()
      })
      .catch(() => next(handshakeRefusal('INTERNAL')))
  })

  hall.service.onDelta((delta) => {
    // Encoding a packet costs even when nobody listens: a hall with no screens up skips it.
    if (io.sockets.adapter.rooms.get('hall')?.size) io.to('hall').emit('delta', delta)
  })
  attachPrinting(io, hall)

  io.on('connection', (socket: HallSocket) => {
    const principal = socket.data.principal
    socket.join('hall')
    socket.join(`role:${principal.role}`)
    if (principal.windowId) socket.join(`window:${principal.windowId}`)
    if (principal.terminal) socket.join(`terminal:${principal.terminal}`)
    socket.emit('snapshot', hall.service.snapshot())
    presence.connected(principal)
    socket.on('disconnect', () => presence.disconnected(principal))
    socket.on('resync', (ack) => {
      if (typeof ack !== 'function') return
      // Everyone who may connect may resync today; a role left out of the contract gets the refusal.
      if (!allowed(principal, SOCKET_ACCESS.resync)) {
        ;(ack as unknown as (refused: ApiError & { ok: false }) => void)({
          ok: false,
          ...apiError('FORBIDDEN'),
        })
        return
      }
      ack(hall.service.snapshot())
    })
    handleAgentEvents(socket, { io, hall, presence, recent })
  })
  return io
}
