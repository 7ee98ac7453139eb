import type { CallView } from '@hall/protocol'
import type { DomainEvent } from './events.js'
import type { Handlers } from './evolve-handlers.js'
import { type Effect, emptyStats, type Hall, queueStats, RECENT_CALLS, windowState } from './state.js'
import type { Ticket } from './types.js'
import { WaitingIndex } from './waiting.js'

function ticketOf(hall: Hall, id: string): Ticket {
  const ticket = hall.state.tickets[id]
  if (!ticket) throw new Error(`event names unknown ticket ${id}`)
  return ticket
}

/** Moves a ticket out of its lane, applies `change`, and files it again where it now belongs. */
function relane(hall: Hall, ticket: Ticket, change: (ticket: Ticket) => void): void {
  hall.index.remove(ticket)
  change(ticket)
  hall.index.add(ticket)
}

function queueOfTicket(ticket: Ticket): string {
  return ticket.transferQueueId ?? ticket.queueId
}

function finishTicket(hall: Hall, ticket: Ticket, at: number, effects: Effect[]): void {
  const stats = hall.state.stats
  if (ticket.calledAt !== null) {
    const sec = Math.max(0, (at - ticket.calledAt) / 1000)
    stats.serviceSecTotal += sec
    stats.serviceCount++
    const perQueue = queueStats(hall.state, queueOfTicket(ticket))
    perQueue.served++
    perQueue.serviceSecTotal += sec
  }
  stats.served++
  ticket.status = 'done'
  ticket.finishedAt = at
  effects.push({ kind: 'queue', queueId: queueOfTicket(ticket) }, { kind: 'stats' })
}

function releaseWindow(hall: Hall, windowId: string | null, ticketId: string): void {
  if (windowId === null) return
  const window = windowState(hall.state, windowId)
  if (window.currentTicketId === ticketId) window.currentTicketId = null
}

/** Adds a call (or recall) to the hall's recent calls, newest first. */
function announce(hall: Hall, call: CallView): CallView {
  const copy = { ...call }
  hall.state.recentCalls = [copy, ...hall.state.recentCalls].slice(0, RECENT_CALLS)
  return copy
}

/** The business day: a new day starts empty. */
export const dayHandlers: Handlers<'day.opened'> = {
  'day.opened': (hall, event, effects) => {
    const { state } = hall
    state.businessDate = event.date
    state.counters = {}
    state.caseSeq = 0
    state.receiptSeq = 0
    state.tickets = {}
    state.recentCalls = []
    state.stats = emptyStats(event.date)
    state.queueStats = {}
    hall.index = new WaitingIndex(state.tickets)
    for (const window of Object.values(state.windows)) {
      window.currentTicketId = null
      window.priorityStreak = 0
      effects.push({ kind: 'window', windowId: window.id })
    }
    effects.push({ kind: 'hall' }, { kind: 'stats' })
  },
}

/** A ticket's life: issued, waiting in its lane, called, served, transferred, finished. */
export const ticketHandlers: Handlers<Extract<DomainEvent['type'], `ticket.${string}`>> = {
  'ticket.issued': (hall, event, effects) => {
    const { state } = hall
    const ticket = { ...event.ticket }
    state.tickets[ticket.id] = ticket
    state.counters[ticket.queueId] = ticket.number
    hall.index.add(ticket)
    state.stats.issued++
    state.stats.issuedByHour[event.localHour] = (state.stats.issuedByHour[event.localHour] ?? 0) + 1
    queueStats(state, ticket.queueId).issued++
    effects.push({ kind: 'ticket', ticket }, { kind: 'queue', queueId: ticket.queueId }, { kind: 'stats' })
  },
  'ticket.expired': (hall, event, effects) => {
    const ticket = ticketOf(hall, event.ticketId)
    hall.index.remove(ticket)
    releaseWindow(hall, ticket.windowId, ticket.id)
    ticket.status = event.status
    ticket.finishedAt = event.at
    effects.push({ kind: 'ticket', ticket })
  },
  'ticket.called': (hall, event, effects) => {
    const { state } = hall
    const ticket = ticketOf(hall, event.ticketId)
    const window = windowState(state, event.windowId)
    const fromQueue = queueOfTicket(ticket)
    hall.index.remove(ticket)
    if (ticket.firstCalledAt === null) {
      ticket.firstCalledAt = event.at
      state.stats.waitSecTotal += Math.max(0, (event.at - ticket.issuedAt) / 1000)
      state.stats.waitCount++
      state.stats.called++
    }
    ticket.status = 'called'
    ticket.calledAt = event.at
    ticket.windowId = event.windowId
    ticket.recallCount = 0
    ticket.transferWindowId = null
    window.currentTicketId = ticket.id
    if (event.byPolicy === 'priority') window.priorityStreak++
    else if (event.byPolicy === 'normal') window.priorityStreak = 0
    const call = announce(hall, event.call)
    effects.push(
      { kind: 'ticket', ticket },
      { kind: 'window', windowId: window.id },
      { kind: 'queue', queueId: fromQueue },
      { kind: 'call', call },
      { kind: 'stats' },
    )
  },
  'ticket.recalled': (hall, event, effects) => {
    const ticket = ticketOf(hall, event.ticketId)
    ticket.recallCount = event.recallCount
    ticket.calledAt = event.at
    const call = announce(hall, event.call)
    effects.push({ kind: 'ticket', ticket }, { kind: 'call', call })
  },
  'ticket.skipped': (hall, event, effects) => {
    const ticket = ticketOf(hall, event.ticketId)
    releaseWindow(hall, event.windowId, ticket.id)
    ticket.status = 'no_show'
    ticket.finishedAt = event.at
    hall.state.stats.noShow++
    effects.push({ kind: 'ticket', ticket }, { kind: 'window', windowId: event.windowId }, { kind: 'stats' })
  },
  'ticket.transferred': (hall, event, effects) => {
    const ticket = ticketOf(hall, event.ticketId)
    releaseWindow(hall, event.fromWindowId, ticket.id)
    relane(hall, ticket, (t) => {
      t.status = 'transferred'
      t.windowId = null
      t.servingAt = null
      t.transferQueueId = event.toQueueId ?? t.transferQueueId
      t.transferWindowId = event.toWindowId
    })
    effects.push(
      { kind: 'ticket', ticket },
      { kind: 'window', windowId: event.fromWindowId },
      { kind: 'queue', queueId: queueOfTicket(ticket) },
    )
  },
  'ticket.serving': (hall, event, effects) => {
    const ticket = ticketOf(hall, event.ticketId)
    ticket.status = 'serving'
    ticket.servingAt = ticket.servingAt ?? event.at
    effects.push({ kind: 'ticket', ticket })
  },
  'ticket.completed': (hall, event, effects) => {
    const ticket = ticketOf(hall, event.ticketId)
    releaseWindow(hall, event.windowId, ticket.id)
    finishTicket(hall, ticket, event.at, effects)
    effects.push({ kind: 'ticket', ticket }, { kind: 'window', windowId: event.windowId })
  },
  'ticket.cancelled': (hall, event, effects) => {
    const ticket = ticketOf(hall, event.ticketId)
    hall.index.remove(ticket)
    releaseWindow(hall, ticket.windowId, ticket.id)
    ticket.status = 'cancelled'
    ticket.finishedAt = event.at
    effects.push({ kind: 'ticket', ticket }, { kind: 'queue', queueId: queueOfTicket(ticket) })
    if (ticket.windowId) effects.push({ kind: 'window', windowId: ticket.windowId })
  },
}
