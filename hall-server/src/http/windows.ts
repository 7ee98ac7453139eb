import { type Command, type Effect, ticketView, windowView } from '@hall/domain'
import type { CallView, WindowView } from '@hall/protocol'
import type { Hall } from '../hall/boot.js'
import type { Principal } from '../hall/identity.js'
import { type Answer, CommandRefused, type Executed } from '../hall/service.js'
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

/** The window as this command left it (read when it was decided, returned once committed). */
const windowAfter =
  (windowId: string): Answer<WindowView | null> =>
  (engine, now) =>
    windowView(engine.hall, engine.context(now), windowId)

function found(view: WindowView | null): WindowView {
  if (!view) throw new CommandRefused('WINDOW_NOT_FOUND')
  return view
}

/**
 * Runs a command at the caller's own window (a manager may pause and resume any window), audited
 * as `action`, and returns what it changed.
 */
async function atWindow(...args: WindowCommandArgs): Promise<Effect[]> {
  return (await windowCommand(...args)).effects
}

type WindowCommandArgs = [
  hall: Hall,
  principal: Principal,
  windowId: string,
  cmd: Command,
  action: string,
  options?: { detail?: string; managerMayOverride?: boolean },
]

function windowCommand<A = undefined>(
  hall: Hall,
  principal: Principal,
  windowId: string,
  cmd: Command,
  action: string,
  options: { detail?: string; managerMayOverride?: boolean } = {},
  answer?: Answer<A>,
): Promise<Executed<A>> {
  ownWindow(principal, windowId, options.managerMayOverride ?? false)
  return hall.service.execute(
    cmd,
    actor(principal),
    { action, subject: windowId, detail: options.detail ?? null },
    [],
    answer,
  )
}

const called = (effects: Effect[]) => {
  const call = callOf(effects)
  const passed = effects.find((e) => e.kind === 'ticket' && e.ticket.status === 'no_show')
  return {
    ticket: ticketOf(effects, call.ticketId),
    call,
    ...(passed?.kind === 'ticket' ? { passedOver: ticketView(passed.ticket) } : {}),
  }
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
  async callNext(hall, { principal, params: { windowId } }) {
    return called(await atWindow(hall, principal, windowId, { type: 'callNext', windowId }, 'callNext'))
  },

  async recall(hall, { principal, params: { windowId } }) {
    return called(await atWindow(hall, principal, windowId, { type: 'recall', windowId }, 'recall'))
  },

  async skipTicket(hall, { principal, params: { windowId } }) {
    return {
      ticket: ticketOf(await atWindow(hall, principal, windowId, { type: 'skip', windowId }, 'skipTicket')),
    }
  },

  async transferTicket(hall, { principal, params: { windowId }, body }) {
    const cmd: Command = {
      type: 'transfer',
      windowId,
      toQueueId: body.toQueueId ?? null,
      toWindowId: body.toWindowId ?? null,
    }
    const detail = body.toQueueId ?? `window:${body.toWindowId}`
    return { ticket: ticketOf(await atWindow(hall, principal, windowId, cmd, 'transferTicket', { detail })) }
  },

  async callTicket(hall, { principal, params: { windowId }, body }) {
    let ticketId = body.ticketId
    if (ticketId === undefined && body.code !== undefined) {
      const code = body.code.trim().toUpperCase()
      ticketId = Object.values(hall.service.state.tickets).find((t) => t.code === code)?.id
      if (ticketId === undefined) throw new CommandRefused('TICKET_NOT_FOUND')
    }
    if (ticketId === undefined) throw new CommandRefused('VALIDATION', '请输入号码')
    const cmd: Command = { type: 'callTicket', windowId, ticketId }
    return called(await atWindow(hall, principal, windowId, cmd, 'callTicket', { detail: ticketId }))
  },

  async completeTicket(hall, { principal, params: { windowId } }) {
    return {
      ticket: ticketOf(
        await atWindow(hall, principal, windowId, { type: 'complete', windowId }, 'completeTicket'),
      ),
    }
  },

  async pauseWindow(hall, { principal, params: { windowId }, body }) {
    const cmd: Command = { type: 'pause', windowId, reason: body.reason }
    const options = { detail: body.reason, managerMayOverride: true }
    const { answer } = await windowCommand(
      hall,
      principal,
      windowId,
      cmd,
      'pauseWindow',
      options,
      windowAfter(windowId),
    )
    return found(answer)
  },

  async resumeWindow(hall, { principal, params: { windowId } }) {
    const cmd: Command = { type: 'resume', windowId }
    const options = { managerMayOverride: true }
    const { answer } = await windowCommand(
      hall,
      principal,
      windowId,
      cmd,
      'resumeWindow',
      options,
      windowAfter(windowId),
    )
    return found(answer)
  },
}
