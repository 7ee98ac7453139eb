import type { CallView, WindowView } from '@hall/protocol'
import { type Effect, windowView } from '../domain/index.js'
import type { Hall } from '../hall/boot.js'
import { CommandRefused } from '../hall/service.js'
import { actor, type Handlers, ownWindow } from './handler.js'
import { ticketOf } from './tickets.js'

/** The clerk's calling actions at a window. */

function callOf(effects: Effect[]): CallView {
  for (let i = effects.length - 1; i >= 0; i--) {
    const effect = effects[i] as Effect
    if (effect.kind === 'call') return { ...effect.call }
  }
  throw new Error('the command made no call')
}

function currentWindow(hall: Hall, windowId: string): WindowView {
  const engine = hall.service.view
  const view = windowView(engine.hall, engine.context(hall.clock()), windowId)
  if (!view) throw new CommandRefused('WINDOW_NOT_FOUND')
  return view
}

export const windowHandlers: Pick<
  Handlers,
  | 'callNext'
  | 'recall'
  | 'skipTicket'
  | 'transferTicket'
  | 'callTicket'
  | 'completeTicket'
  | 'pauseWindow'
  | 'resumeWindow'
> = {
  async callNext(hall, { principal, params }) {
    ownWindow(principal, params.windowId)
    const { effects } = await hall.service.execute(
      { type: 'callNext', windowId: params.windowId },
      actor(principal),
      {
        action: 'callNext',
        subject: params.windowId,
      },
    )
    const call = callOf(effects)
    return { ticket: ticketOf(effects, call.ticketId), call }
  },

  async recall(hall, { principal, params }) {
    ownWindow(principal, params.windowId)
    const { effects } = await hall.service.execute(
      { type: 'recall', windowId: params.windowId },
      actor(principal),
      {
        action: 'recall',
        subject: params.windowId,
      },
    )
    const call = callOf(effects)
    return { ticket: ticketOf(effects, call.ticketId), call }
  },

  async skipTicket(hall, { principal, params }) {
    ownWindow(principal, params.windowId)
    const { effects } = await hall.service.execute(
      { type: 'skip', windowId: params.windowId },
      actor(principal),
      {
        action: 'skipTicket',
        subject: params.windowId,
      },
    )
    return { ticket: ticketOf(effects) }
  },

  async transferTicket(hall, { principal, params, body }) {
    ownWindow(principal, params.windowId)
    const { effects } = await hall.service.execute(
      {
        type: 'transfer',
        windowId: params.windowId,
        toQueueId: body.toQueueId ?? null,
        toWindowId: body.toWindowId ?? null,
      },
      actor(principal),
      {
        action: 'transferTicket',
        subject: params.windowId,
        detail: body.toQueueId ?? `window:${body.toWindowId}`,
      },
    )
    return { ticket: ticketOf(effects) }
  },

  async callTicket(hall, { principal, params, body }) {
    ownWindow(principal, params.windowId)
    let ticketId = body.ticketId
    if (ticketId === undefined && body.code !== undefined) {
      const code = body.code.trim().toUpperCase()
      ticketId = Object.values(hall.service.state.tickets).find((t) => t.code === code)?.id
      if (ticketId === undefined) throw new CommandRefused('TICKET_NOT_FOUND')
    }
    if (ticketId === undefined) throw new CommandRefused('VALIDATION', '请输入号码')
    const { effects } = await hall.service.execute(
      { type: 'callTicket', windowId: params.windowId, ticketId },
      actor(principal),
      { action: 'callTicket', subject: params.windowId, detail: ticketId },
    )
    const call = callOf(effects)
    return { ticket: ticketOf(effects, call.ticketId), call }
  },

  async completeTicket(hall, { principal, params }) {
    ownWindow(principal, params.windowId)
    const { effects } = await hall.service.execute(
      { type: 'complete', windowId: params.windowId },
      actor(principal),
      {
        action: 'completeTicket',
        subject: params.windowId,
      },
    )
    return { ticket: ticketOf(effects) }
  },

  async pauseWindow(hall, { principal, params, body }) {
    ownWindow(principal, params.windowId, true)
    await hall.service.execute(
      { type: 'pause', windowId: params.windowId, reason: body.reason },
      actor(principal),
      { action: 'pauseWindow', subject: params.windowId, detail: body.reason },
    )
    return currentWindow(hall, params.windowId)
  },

  async resumeWindow(hall, { principal, params }) {
    ownWindow(principal, params.windowId, true)
    await hall.service.execute({ type: 'resume', windowId: params.windowId }, actor(principal), {
      action: 'resumeWindow',
      subject: params.windowId,
    })
    return currentWindow(hall, params.windowId)
  },
}
