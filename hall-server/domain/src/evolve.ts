import type { RatingView } from '@hall/protocol'
import type { DomainEvent } from './events.js'
import { type Effect, emptyStats, type Hall, queueStats, RECENT_CALLS, windowState } from './state.js'
import type { Case, FollowUp, Ticket } from './types.js'
import { WaitingIndex } from './waiting.js'

/**
 * Applies one event to the hall: the only place state changes. Deterministic and total over the
 * events `decide` produces; it reads nothing but the event and the state.
 */

function ticketOf(hall: Hall, id: string): Ticket {
  const ticket = hall.state.tickets[id]
  if (!ticket) throw new Error(`event names unknown ticket ${id}`)
  return ticket
}

function caseOf(hall: Hall, id: string): Case {
  const found = hall.state.cases[id]
  if (!found) throw new Error(`event names unknown case ${id}`)
  return found
}

function followUpOf(hall: Hall, id: string): FollowUp {
  const found = hall.state.followUps[id]
  if (!found) throw new Error(`event names unknown follow-up ${id}`)
  return found
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

export function evolve(hall: Hall, event: DomainEvent): Effect[] {
  const { state } = hall
  const effects: Effect[] = []
  switch (event.type) {
    case 'day.opened': {
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
      break
    }
    case 'ticket.expired': {
      const ticket = ticketOf(hall, event.ticketId)
      hall.index.remove(ticket)
      releaseWindow(hall, ticket.windowId, ticket.id)
      ticket.status = event.status
      ticket.finishedAt = event.at
      effects.push({ kind: 'ticket', ticket })
      break
    }
    case 'ticket.issued': {
      const ticket = { ...event.ticket }
      state.tickets[ticket.id] = ticket
      state.counters[ticket.queueId] = ticket.number
      hall.index.add(ticket)
      state.stats.issued++
      state.stats.issuedByHour[event.localHour] = (state.stats.issuedByHour[event.localHour] ?? 0) + 1
      queueStats(state, ticket.queueId).issued++
      effects.push({ kind: 'ticket', ticket }, { kind: 'queue', queueId: ticket.queueId }, { kind: 'stats' })
      break
    }
    case 'ticket.called': {
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
      const call = { ...event.call }
      state.recentCalls = [call, ...state.recentCalls].slice(0, RECENT_CALLS)
      effects.push(
        { kind: 'ticket', ticket },
        { kind: 'window', windowId: window.id },
        { kind: 'queue', queueId: fromQueue },
        { kind: 'call', call },
        { kind: 'stats' },
      )
      break
    }
    case 'ticket.recalled': {
      const ticket = ticketOf(hall, event.ticketId)
      ticket.recallCount = event.recallCount
      ticket.calledAt = event.at
      const call = { ...event.call }
      state.recentCalls = [call, ...state.recentCalls].slice(0, RECENT_CALLS)
      effects.push({ kind: 'ticket', ticket }, { kind: 'call', call })
      break
    }
    case 'ticket.skipped': {
      const ticket = ticketOf(hall, event.ticketId)
      releaseWindow(hall, event.windowId, ticket.id)
      ticket.status = 'no_show'
      ticket.finishedAt = event.at
      state.stats.noShow++
      effects.push(
        { kind: 'ticket', ticket },
        { kind: 'window', windowId: event.windowId },
        { kind: 'stats' },
      )
      break
    }
    case 'ticket.transferred': {
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
      break
    }
    case 'ticket.serving': {
      const ticket = ticketOf(hall, event.ticketId)
      ticket.status = 'serving'
      ticket.servingAt = ticket.servingAt ?? event.at
      effects.push({ kind: 'ticket', ticket })
      break
    }
    case 'ticket.completed': {
      const ticket = ticketOf(hall, event.ticketId)
      releaseWindow(hall, event.windowId, ticket.id)
      finishTicket(hall, ticket, event.at, effects)
      effects.push({ kind: 'ticket', ticket }, { kind: 'window', windowId: event.windowId })
      break
    }
    case 'ticket.cancelled': {
      const ticket = ticketOf(hall, event.ticketId)
      hall.index.remove(ticket)
      releaseWindow(hall, ticket.windowId, ticket.id)
      ticket.status = 'cancelled'
      ticket.finishedAt = event.at
      effects.push({ kind: 'ticket', ticket }, { kind: 'queue', queueId: queueOfTicket(ticket) })
      if (ticket.windowId) effects.push({ kind: 'window', windowId: ticket.windowId })
      break
    }
    case 'window.opened':
    case 'window.resumed': {
      const window = windowState(state, event.windowId, event.at)
      window.status = 'open'
      window.pauseReason = null
      window.statusSince = event.at
      if (event.type === 'window.opened') {
        window.staffNo = event.staffNo
        window.priorityStreak = 0
      }
      effects.push({ kind: 'window', windowId: window.id })
      break
    }
    case 'window.paused': {
      const window = windowState(state, event.windowId, event.at)
      window.status = 'paused'
      window.pauseReason = event.reason
      window.statusSince = event.at
      effects.push({ kind: 'window', windowId: window.id })
      break
    }
    case 'window.closed': {
      const window = windowState(state, event.windowId, event.at)
      window.status = 'closed'
      window.pauseReason = null
      window.staffNo = null
      window.statusSince = event.at
      effects.push({ kind: 'window', windowId: window.id })
      break
    }
    case 'case.opened': {
      const opened = { ...event.case, missingMaterials: [...event.case.missingMaterials] }
      state.cases[opened.id] = opened
      state.caseSeq++
      windowState(state, opened.windowId).openCaseId = opened.id
      effects.push({ kind: 'case', case: opened }, { kind: 'window', windowId: opened.windowId })
      break
    }
    case 'case.finished': {
      const found = caseOf(hall, event.caseId)
      Object.assign(found, {
        status: 'finished',
        finishedAt: event.at,
        serviceItemId: event.serviceItemId,
        serviceName: event.serviceName,
        caseType: event.caseType,
        outcome: event.outcome,
        receiptNo: event.receiptNo,
        missingMaterials: event.missingMaterials,
        refusalReason: event.refusalReason,
        promiseDays: event.promiseDays,
        promiseDeadline: event.promiseDeadline,
        supplementDeadline: event.supplementDeadline,
        applicant: event.applicant ?? found.applicant,
        note: event.note,
        ratingDeadline: event.ratingDeadline,
      } satisfies Partial<Case>)
      if (event.receiptNo !== null) state.receiptSeq++
      state.stats.cases++
      const window = windowState(state, found.windowId)
      if (window.openCaseId === found.id) window.openCaseId = null
      effects.push(
        { kind: 'case', case: found },
        { kind: 'window', windowId: found.windowId },
        { kind: 'stats' },
      )
      break
    }
    case 'case.rated':
    case 'case.unrated': {
      const found = caseOf(hall, event.caseId)
      const level = event.type === 'case.rated' ? event.level : 'unrated'
      state.stats.ratings[level] = (state.stats.ratings[level] ?? 0) + 1
      const rating: RatingView =
        event.type === 'case.rated'
          ? {
              caseId: found.id,
              windowId: found.windowId,
              staffNo: found.staffNo,
              level: event.level,
              reasons: [...event.reasons],
              comment: event.comment,
              channel: event.channel,
              at: event.at,
            }
          : {
              caseId: found.id,
              windowId: found.windowId,
              staffNo: found.staffNo,
              level: 'unrated',
              reasons: [],
              comment: null,
              channel: 'timeout',
              at: event.at,
            }
      found.rating = rating.level
      // The rating is final (一次一评): the case leaves the hall's working memory for the store.
      delete state.cases[found.id]
      effects.push({ kind: 'rating', rating }, { kind: 'case', case: found }, { kind: 'stats' })
      break
    }
    case 'followUp.opened': {
      const followUp = { ...event.followUp }
      state.followUps[followUp.id] = followUp
      effects.push({ kind: 'followUp', followUp })
      break
    }
    case 'followUp.verified': {
      const followUp = followUpOf(hall, event.id)
      followUp.status = 'verified'
      followUp.finding = event.finding
      followUp.reasonable = event.reasonable
      followUp.verifiedAt = event.at
      followUp.verifiedBy = event.by
      effects.push({ kind: 'followUp', followUp })
      break
    }
    case 'followUp.closed': {
      const followUp = followUpOf(hall, event.id)
      followUp.status = followUp.reasonable === false ? 'explained' : 'rectified'
      followUp.resolution = event.resolution
      followUp.closedAt = event.at
      followUp.closedBy = event.by
      delete state.followUps[followUp.id]
      effects.push({ kind: 'followUp', followUp })
      break
    }
    case 'device.status': {
      state.devices[event.deviceId] = {
        online: event.online,
        attached: event.attached.map((a) => ({ ...a })),
      }
      effects.push({ kind: 'device', deviceId: event.deviceId })
      break
    }
    case 'alarm.raised': {
      const alarm = { ...event.alarm }
      state.alarms[alarm.id] = alarm
      effects.push({ kind: 'alarm', alarm })
      break
    }
    case 'alarm.cleared': {
      const alarm = state.alarms[event.alarmId]
      if (!alarm) break
      delete state.alarms[event.alarmId]
      effects.push({ kind: 'alarm', alarm: { ...alarm, active: false } })
      break
    }
  }
  return effects
}
