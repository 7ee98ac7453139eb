import {
  type Ack,
  AgentHeartbeat,
  ButtonRatingPayload,
  type ClientToServerEvents,
  ERRORS,
  type ErrorCode,
  IdCardPayload,
  PrintResult,
  ScanPayload,
  type ServerToClientEvents,
} from '@hall/protocol'
import type { FastifyInstance } from 'fastify'
import { Server, type Socket } from 'socket.io'
import type { TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import type { Hall } from '../hall/boot.js'
import { actorId, type Principal } from '../hall/identity.js'
import { CommandRefused } from '../hall/service.js'
import { RecentEvents } from './recent-events.js'

/**
 * socket.io on the Fastify server. Each client authenticates with its token, joins its rooms
 * (`hall`, `role:<role>`, `window:<id>`, `terminal:<id>`), gets the committed snapshot at once and
 * every delta after it. Device agents report card reads, scans, print results, button-box ratings
 * and their health; every payload is checked against the contract before it is used.
 */

interface SocketData {
  principal: Principal
}

type HallSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>
export type HallIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

const checkers = {
  heartbeat: Compile(AgentHeartbeat),
  card: Compile(IdCardPayload),
  scan: Compile(ScanPayload),
  print: Compile(PrintResult),
  rating: Compile(ButtonRatingPayload),
}

function refusal(code: ErrorCode, message?: string): Ack<null> {
  return { ok: false, code, message: message ?? ERRORS[code].message }
}

async function answer(ack: unknown, work: () => Promise<void>): Promise<void> {
  const reply = typeof ack === 'function' ? (ack as (result: Ack<null>) => void) : () => undefined
  try {
    await work()
    reply({ ok: true, data: null })
  } catch (error) {
    if (error instanceof CommandRefused)
      reply(refusal(error.code, error.message === error.code ? undefined : error.message))
    else reply(refusal('INTERNAL'))
  }
}

function valid<T extends TSchema>(checker: ReturnType<typeof Compile<T>>, value: unknown): void {
  if (!checker.Check(value)) throw new CommandRefused('VALIDATION')
}

export function attachRealtime(app: FastifyInstance, hall: Hall): HallIo {
  const io: HallIo = new Server(app.server, {
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 10_000,
    maxHttpBufferSize: 256 * 1024,
    cors: { origin: true },
  })
  const connections = new Map<string, number>()
  const recent = new RecentEvents()
  const system = { id: 'system' }

  const setOnline = async (
    deviceId: string,
    online: boolean,
    attached = hall.service.state.devices[deviceId]?.attached ?? [],
  ) => {
    if (!hall.service.device(deviceId)) return
    await hall.service.execute({ type: 'deviceStatus', deviceId, online, attached }, system, null)
  }

  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token
    hall.identity
      .authenticate(typeof token === 'string' ? token : undefined)
      .then((principal) => {
        if (!principal) return next(new Error('UNAUTHORIZED'))
        socket.data.principal = principal
        next()
      })
      .catch(() => next(new Error('INTERNAL')))
  })

  hall.service.onDelta((delta) => {
    // Encoding a packet costs even when nobody listens: a hall with no screens up skips it.
    if (io.sockets.adapter.rooms.get('hall')?.size) io.to('hall').emit('delta', delta)
  })
  hall.printing.onResult((terminal, result) =>
    io.to(`terminal:${terminal}`).emit('printOutcome', {
      jobId: result.jobId,
      ok: result.ok,
      code: result.code,
      message: result.message,
    }),
  )
  hall.printing.attach({
    dispatch(terminal, job) {
      const agents = [...(io.sockets.adapter.rooms.get(`terminal:${terminal}`) ?? [])]
        .map((id) => io.sockets.sockets.get(id))
        .filter((s): s is HallSocket => s?.data.principal.role === 'agent')
      const agent = agents[0]
      if (!agent) return { ok: false, reason: 'no_printer', message: '打印设备未连接' }
      const printer = hall.service.state.devices[agent.data.principal.deviceId]?.attached.find(
        (a) => a.kind === 'printer',
      )
      if (!printer) return { ok: false, reason: 'no_printer', message: '此终端没有打印机' }
      if (!printer.connected || printer.printer?.online === false)
        return { ok: false, reason: 'failed', message: '打印机未连接' }
      if (printer.printer?.paper === 'out') return { ok: false, reason: 'failed', message: '打印机缺纸' }
      if (printer.printer?.coverOpen) return { ok: false, reason: 'failed', message: '打印机纸仓盖未关' }
      agent.emit('print', job)
      return { ok: true }
    },
  })

  io.on('connection', (socket: HallSocket) => {
    const principal = socket.data.principal
    const { deviceId } = principal
    socket.join('hall')
    socket.join(`role:${principal.role}`)
    if (principal.windowId) socket.join(`window:${principal.windowId}`)
    if (principal.terminal) socket.join(`terminal:${principal.terminal}`)
    socket.emit('snapshot', hall.service.snapshot())
    hall.service.markSeen(deviceId)
    if (principal.kind === 'device') {
      connections.set(deviceId, (connections.get(deviceId) ?? 0) + 1)
      // Screens are online while connected; agents say so with their first heartbeat.
      if (principal.role !== 'agent') void setOnline(deviceId, true).catch(() => undefined)
    }

    socket.on('disconnect', () => {
      if (principal.kind !== 'device') return
      const left = (connections.get(deviceId) ?? 1) - 1
      if (left > 0) {
        connections.set(deviceId, left)
        return
      }
      connections.delete(deviceId)
      void setOnline(deviceId, false).catch(() => undefined)
    })

    socket.on('resync', (ack) => {
      if (typeof ack === 'function') ack(hall.service.snapshot())
    })

    const agentOnly = () => {
      if (principal.kind !== 'device' || principal.role !== 'agent') throw new CommandRefused('FORBIDDEN')
    }
    /** Acts on an agent's event once, even if the agent sends it again after a lost ack. */
    const once = (eventId: string | undefined, work: () => Promise<void>) =>
      recent.once(eventId === undefined ? null : `${deviceId}:${eventId}`, work)

    socket.on('agent:heartbeat', (beat, ack) =>
      answer(ack, async () => {
        agentOnly()
        valid(checkers.heartbeat, beat)
        hall.service.markSeen(deviceId)
        await setOnline(deviceId, true, beat.attached)
      }),
    )

    socket.on('agent:cardRead', (card, ack) =>
      answer(ack, async () => {
        agentOnly()
        valid(checkers.card, card)
        await once(card.eventId, async () => {
          const { eventId: _, ...read } = card
          const view = hall.applicants.hold(
            read,
            principal.terminal,
            hall.service.state.businessDate,
            hall.service.env.config.priority.elderlyAge,
          )
          if (principal.terminal) io.to(`terminal:${principal.terminal}`).emit('cardRead', view)
        })
      }),
    )

    socket.on('agent:scan', (scan, ack) =>
      answer(ack, async () => {
        agentOnly()
        valid(checkers.scan, scan)
        await once(scan.eventId, async () => {
          if (principal.terminal)
            io.to(`terminal:${principal.terminal}`).emit('scan', { code: scan.code, at: hall.clock() })
        })
      }),
    )

    socket.on('agent:printResult', (result, ack) =>
      answer(ack, async () => {
        agentOnly()
        valid(checkers.print, result)
        await hall.printing.result(principal.terminal ?? '', result)
      }),
    )

    socket.on('agent:rating', (rating, ack) =>
      answer(ack, async () => {
        agentOnly()
        valid(checkers.rating, rating)
        const windowId = principal.windowId
        if (!windowId) throw new CommandRefused('FORBIDDEN', '此设备没有绑定窗口')
        // A resend is matched to nothing: without a case id it would rate the next unrated case.
        await once(rating.eventId, async () => {
          const waiting =
            rating.caseId !== undefined
              ? hall.service.state.cases[rating.caseId]
              : Object.values(hall.service.state.cases)
                  .filter((c) => c.windowId === windowId && c.status === 'finished' && c.rating === null)
                  .sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0))[0]
          if (!waiting) throw new CommandRefused('CASE_NOT_FOUND', '没有待评价的办件')
          await hall.service.execute(
            {
              type: 'rate',
              caseId: waiting.id,
              windowId,
              level: rating.level,
              reasons: rating.reasons ?? [],
              comment: rating.comment ?? null,
              channel: 'button_box',
            },
            { id: actorId(principal) },
            { action: 'submitRating', subject: waiting.id, detail: rating.level },
          )
        })
      }),
    )
  })
  return io
}
