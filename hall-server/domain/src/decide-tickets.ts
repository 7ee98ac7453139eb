import type { CallView } from '@hall/protocol'
import type { Command } from './commands.js'
import type { DomainEvent } from './events.js'
import { hallMode } from './hours.js'
import type { Hall } from './state.js'
import { businessDate, hourOfDay } from './time.js'
import {
  type Context,
  type Decision,
  refuse,
  type Ticket,
  type WindowConfig,
  type WindowState,
} from './types.js'

/** Taking numbers and moving them through the windows. */

type Of<T extends Command['type']> = Extract<Command, { type: T }>

export function callSentence(code: string, windowNumber: number): string {
  return `请 ${code} 号到 ${windowNumber} 号窗口办理`
}

export function formatCode(prefix: string, number: number, digits: number): string {
  return `${prefix}${String(number).padStart(digits, '0')}`
}

export function issueTicket(hall: Hall, cmd: Of<'issueTicket'>, ctx: Context): Decision<DomainEvent> {
  const { config, now } = ctx
  const queue = config.queues.find((q) => q.id === cmd.queueId)
  if (!queue) return refuse('QUEUE_NOT_FOUND')
  if (!cmd.ignoreHours) {
    const mode = hallMode(now, config.utcOffsetMinutes, config.hours, ctx.calendar)
    if (mode === 'closed') return refuse('OUTSIDE_HOURS')
    if (mode === 'appointment_only' && cmd.priority !== 'appointment') return refuse('APPOINTMENT_ONLY')
  }
  const last = hall.state.counters[queue.id]
  const number = last === undefined ? queue.first : last + 1
  if (number > queue.last) return refuse('QUEUE_EXHAUSTED')
  const date = hall.state.businessDate
  const ticket: Ticket = {
    id: `${date}-${queue.id}-${number}`,
    code: formatCode(queue.prefix, number, queue.digits),
    number,
    queueId: queue.id,
    businessDate: date,
    priority: cmd.priority,
    status: 'waiting',
    source: cmd.source,
    issuedAt: now,
    calledAt: null,
    firstCalledAt: null,
    servingAt: null,
    finishedAt: null,
    windowId: null,
    recallCount: 0,
    transferQueueId: null,
    transferWindowId: null,
    applicant: cmd.applicant,
    appointmentId: cmd.appointmentId,
    serviceItemId: cmd.serviceItemId,
  }
  return {
    ok: true,
    events: [{ type: 'ticket.issued', ticket, localHour: hourOfDay(now, config.utcOffsetMinutes) }],
  }
}

interface WindowAt {
  config: WindowConfig
  state: WindowState
}

/** The window, which must be staffed and not paused, for any calling action. */
export function servingWindow(
  hall: Hall,
  windowId: string,
  ctx: Context,
): WindowAt | ReturnType<typeof refuse> {
  const config = ctx.config.windows.find((w) => w.id === windowId)
  if (!config) return refuse('WINDOW_NOT_FOUND')
  const state = hall.state.windows[windowId]
  if (!state || state.status === 'closed') return refuse('WINDOW_NOT_OPEN')
  if (state.status === 'paused') return refuse('WINDOW_PAUSED')
  return { config, state }
}

function isRefusal(value: unknown): value is ReturnType<typeof refuse> {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false
}

function current(hall: Hall, window: WindowState): Ticket | null {
  return window.currentTicketId === null ? null : (hall.state.tickets[window.currentTicketId] ?? null)
}

/**
 * Before another call: the ticket at the window is finished, unless a case is still open. A ticket
 * recalled `maxRecalls` times that never came to the window is passed over (过号, a no-show), not
 * counted as served: skip after N recalls.
 */
function releaseCurrent(
  hall: Hall,
  at: WindowAt,
  ctx: Context,
  why: 'another call' | 'service ended',
): Decision<DomainEvent> {
  const ticket = current(hall, at.state)
  if (!ticket) return { ok: true, events: [] }
  if (at.state.openCaseId !== null) return refuse('CASE_OPEN')
  const now = ctx.now
  const unanswered =
    ticket.status === 'called' && ticket.recallCount > 0 && ticket.recallCount >= ctx.config.maxRecalls
  if (why === 'another call' && unanswered) {
    return {
      ok: true,
      events: [{ type: 'ticket.skipped', ticketId: ticket.id, windowId: at.config.id, at: now }],
    }
  }
  return {
    ok: true,
    events: [{ type: 'ticket.completed', ticketId: ticket.id, windowId: at.config.id, at: now }],
  }
}

function callEvent(
  ticket: Ticket,
  window: WindowConfig,
  now: number,
  byPolicy: 'priority' | 'normal' | 'specific',
): DomainEvent {
  const call: CallView = {
    ticketId: ticket.id,
    code: ticket.code,
    queueId: ticket.transferQueueId ?? ticket.queueId,
    windowId: window.id,
    windowNumber: window.number,
    windowName: window.name,
    recall: 0,
    at: now,
    text: callSentence(ticket.code, window.number),
  }
  return { type: 'ticket.called', ticketId: ticket.id, windowId: window.id, at: now, byPolicy, call }
}

export function callNext(hall: Hall, cmd: Of<'callNext'>, ctx: Context): Decision<DomainEvent> {
  const at = servingWindow(hall, cmd.windowId, ctx)
  if (isRefusal(at)) return at
  const released = releaseCurrent(hall, at, ctx, 'another call')
  if (!released.ok) return released
  // The current ticket leaves no lane, so picking before it is released gives the same answer.
  const pick = hall.index.pickNext(at.config, at.state, ctx.config.priority)
  if (!pick) {
    return released.events.length > 0
      ? refuse('NO_WAITING', '当前号码已结束，暂无等候的号码')
      : refuse('NO_WAITING')
  }
  const ticket = hall.state.tickets[pick.ticketId] as Ticket
  return { ok: true, events: [...released.events, callEvent(ticket, at.config, ctx.now, pick.byPolicy)] }
}

export function callTicket(hall: Hall, cmd: Of<'callTicket'>, ctx: Context): Decision<DomainEvent> {
  const at = servingWindow(hall, cmd.windowId, ctx)
  if (isRefusal(at)) return at
  const ticket = hall.state.tickets[cmd.ticketId]
  if (!ticket) return refuse('TICKET_NOT_FOUND')
  if (ticket.status !== 'waiting' && ticket.status !== 'transferred' && ticket.status !== 'no_show') {
    return refuse('TICKET_STATE')
  }
  if (ticket.transferWindowId !== null && ticket.transferWindowId !== at.config.id) {
    return refuse('TICKET_NOT_SERVABLE', '这个号码已转到其他窗口办理')
  }
  const released = releaseCurrent(hall, at, ctx, 'another call')
  if (!released.ok) return released
  return { ok: true, events: [...released.events, callEvent(ticket, at.config, ctx.now, 'specific')] }
}

export function recall(hall: Hall, cmd: Of<'recall'>, ctx: Context): Decision<DomainEvent> {
  const at = servingWindow(hall, cmd.windowId, ctx)
  if (isRefusal(at)) return at
  const ticket = current(hall, at.state)
  if (!ticket) return refuse('WINDOW_IDLE')
  if (ticket.status !== 'called') return refuse('TICKET_STATE', '已开始办理的号码不能重呼')
  if (ticket.recallCount >= ctx.config.maxRecalls) return refuse('RECALL_LIMIT')
  const recallCount = ticket.recallCount + 1
  const call: CallView = {
    ticketId: ticket.id,
    code: ticket.code,
    queueId: ticket.transferQueueId ?? ticket.queueId,
    windowId: at.config.id,
    windowNumber: at.config.number,
    windowName: at.config.name,
    recall: recallCount,
    at: ctx.now,
    text: callSentence(ticket.code, at.config.number),
  }
  return {
    ok: true,
    events: [
      {
        type: 'ticket.recalled',
        ticketId: ticket.id,
        windowId: at.config.id,
        at: ctx.now,
        recallCount,
        call,
      },
    ],
  }
}

export function skip(hall: Hall, cmd: Of<'skip'>, ctx: Context): Decision<DomainEvent> {
  const at = servingWindow(hall, cmd.windowId, ctx)
  if (isRefusal(at)) return at
  const ticket = current(hall, at.state)
  if (!ticket) return refuse('WINDOW_IDLE')
  if (ticket.status !== 'called') return refuse('TICKET_STATE', '已开始办理的号码不能过号')
  return {
    ok: true,
    events: [{ type: 'ticket.skipped', ticketId: ticket.id, windowId: at.config.id, at: ctx.now }],
  }
}

export function transfer(hall: Hall, cmd: Of<'transfer'>, ctx: Context): Decision<DomainEvent> {
  const at = servingWindow(hall, cmd.windowId, ctx)
  if (isRefusal(at)) return at
  const ticket = current(hall, at.state)
  if (!ticket) return refuse('WINDOW_IDLE')
  if (at.state.openCaseId !== null) return refuse('CASE_OPEN')
  if ((cmd.toQueueId === null) === (cmd.toWindowId === null)) {
    return refuse('VALIDATION', '请选择转到的队列或窗口（二选一）')
  }
  if (cmd.toQueueId !== null && !ctx.config.queues.some((q) => q.id === cmd.toQueueId)) {
    return refuse('QUEUE_NOT_FOUND')
  }
  if (cmd.toWindowId !== null) {
    if (!ctx.config.windows.some((w) => w.id === cmd.toWindowId)) return refuse('WINDOW_NOT_FOUND')
    if (cmd.toWindowId === at.config.id) return refuse('VALIDATION', '不能转到本窗口')
  }
  return {
    ok: true,
    events: [
      {
        type: 'ticket.transferred',
        ticketId: ticket.id,
        fromWindowId: at.config.id,
        toQueueId: cmd.toQueueId,
        toWindowId: cmd.toWindowId,
        at: ctx.now,
      },
    ],
  }
}

export function complete(hall: Hall, cmd: Of<'complete'>, ctx: Context): Decision<DomainEvent> {
  const config = ctx.config.windows.find((w) => w.id === cmd.windowId)
  if (!config) return refuse('WINDOW_NOT_FOUND')
  const state = hall.state.windows[cmd.windowId]
  const ticket = state ? current(hall, state) : null
  if (!state || !ticket) return refuse('WINDOW_IDLE')
  const released = releaseCurrent(hall, { config, state }, ctx, 'service ended')
  return released
}

export function cancelTicket(hall: Hall, cmd: Of<'cancelTicket'>, ctx: Context): Decision<DomainEvent> {
  const ticket = hall.state.tickets[cmd.ticketId]
  if (!ticket) return refuse('TICKET_NOT_FOUND')
  if (ticket.status !== 'waiting' && ticket.status !== 'transferred' && ticket.status !== 'called') {
    return refuse('TICKET_STATE')
  }
  return {
    ok: true,
    events: [{ type: 'ticket.cancelled', ticketId: ticket.id, at: ctx.now, reason: cmd.reason }],
  }
}

/** Day rollover: yesterday's unfinished tickets are closed and today's counters start again. */
export function rollDay(hall: Hall, ctx: Context): DomainEvent[] {
  const today = businessDate(ctx.now, ctx.config.utcOffsetMinutes)
  if (today <= hall.state.businessDate) return []
  const events: DomainEvent[] = []
  for (const ticket of Object.values(hall.state.tickets)) {
    if (ticket.status === 'serving') {
      events.push({ type: 'ticket.expired', ticketId: ticket.id, status: 'done', at: ctx.now })
    } else if (ticket.status === 'waiting' || ticket.status === 'transferred' || ticket.status === 'called') {
      events.push({ type: 'ticket.expired', ticketId: ticket.id, status: 'cancelled', at: ctx.now })
    }
  }
  events.push({ type: 'day.opened', date: today, at: ctx.now })
  return events
}
