import {
  type Ack,
  AgentHeartbeat,
  ButtonRatingPayload,
  ERRORS,
  type ErrorCode,
  IdCardPayload,
  PrintResult,
  ScanPayload,
  SOCKET_ACCESS,
} from '@hall/protocol'
import type { TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import type { Hall } from '../hall/boot.js'
import { actorId, allowed } from '../hall/identity.js'
import { CommandRefused } from '../hall/service.js'
import type { HallIo, HallSocket } from './io-types.js'
import type { Presence } from './presence.js'
import type { RecentEvents } from './recent-events.js'

/**
 * What a device agent reports over its socket: health (heartbeats), card reads, scans, print
 * results and button-box ratings. Only agents may send them; every payload is checked against the
 * contract before it is used, and each is answered with an `Ack`.
 */

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

/** The case a box rating is for: the one named, or the window's latest finished, unrated case. */
function ratedCase(hall: Hall, windowId: string, caseId: string | undefined) {
  if (caseId !== undefined) return hall.service.state.cases[caseId]
  return Object.values(hall.service.state.cases)
    .filter((c) => c.windowId === windowId && c.status === 'finished' && c.rating === null)
    .sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0))[0]
}

export interface AgentEventDeps {
  io: HallIo
  hall: Hall
  presence: Presence
  recent: RecentEvents
}

export function handleAgentEvents(socket: HallSocket, { io, hall, presence, recent }: AgentEventDeps): void {
  const principal = socket.data.principal
  const { deviceId } = principal
  /** The contract's SOCKET_ACCESS decides who may send an event, before its payload is looked at. */
  const mayEmit = (event: keyof typeof SOCKET_ACCESS) => {
    if (!allowed(principal, SOCKET_ACCESS[event])) throw new CommandRefused('FORBIDDEN')
  }
  /** Acts on an agent's event once, even if the agent sends it again after a lost ack. */
  const once = (eventId: string | undefined, work: () => Promise<void>) =>
    recent.once(eventId === undefined ? null : `${deviceId}:${eventId}`, work)

  socket.on('agent:heartbeat', (beat, ack) =>
    answer(ack, async () => {
      mayEmit('agent:heartbeat')
      valid(checkers.heartbeat, beat)
      hall.service.markSeen(deviceId)
      await presence.setOnline(deviceId, true, beat.attached)
    }),
  )

  socket.on('agent:cardRead', (card, ack) =>
    answer(ack, async () => {
      mayEmit('agent:cardRead')
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
      mayEmit('agent:scan')
      valid(checkers.scan, scan)
      await once(scan.eventId, async () => {
        if (principal.terminal)
          io.to(`terminal:${principal.terminal}`).emit('scan', { code: scan.code, at: hall.clock() })
      })
    }),
  )

  socket.on('agent:printResult', (result, ack) =>
    answer(ack, async () => {
      mayEmit('agent:printResult')
      valid(checkers.print, result)
      await hall.printing.result(principal.terminal ?? '', result)
    }),
  )

  socket.on('agent:rating', (rating, ack) =>
    answer(ack, async () => {
      mayEmit('agent:rating')
      valid(checkers.rating, rating)
      const windowId = principal.windowId
      if (!windowId) throw new CommandRefused('FORBIDDEN', '此设备没有绑定窗口')
      // A resend is matched to nothing: without a case id it would rate the next unrated case.
      await once(rating.eventId, async () => {
        const waiting = ratedCase(hall, windowId, rating.caseId)
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
}
