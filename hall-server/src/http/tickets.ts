import { estimateWaitMinutes, type HallEngine, queueView, type Ticket, ticketView } from '@hall/domain'
import type { IssuedTicket, PriorityClass, TicketSource, TicketView } from '@hall/protocol'
import type { Hall } from '../hall/boot.js'
import type { Principal } from '../hall/identity.js'
import { ticketJob } from '../hall/printing.js'
import { CommandRefused } from '../hall/service.js'
import type { Write } from '../store/journal.js'
import { actor, type Handlers } from './handler.js'

/** Taking a number, and what the hall looks like. */

export function ticketQr(ticketId: string): string {
  return `HALLTICKET:${ticketId}`
}

interface Place {
  peopleAhead: number
  estimatedWaitMinutes: number | null
}

/** Where a ticket stands in `engine`'s state: people ahead of it and the estimated wait. */
function placeOf(engine: HallEngine, now: number, ticket: Ticket): Place {
  const ctx = engine.context(now)
  const live = engine.state.tickets[ticket.id] ?? ticket
  const waiting = live.status === 'waiting' || live.status === 'transferred'
  const peopleAhead = waiting ? engine.hall.index.peopleAhead(live) : 0
  const queueId = live.transferQueueId ?? live.queueId
  return {
    peopleAhead,
    estimatedWaitMinutes: waiting ? estimateWaitMinutes(engine.hall, ctx, queueId, peopleAhead) : null,
  }
}

export const ticketHandlers: Pick<
  Handlers,
  'health' | 'getHallSnapshot' | 'listQueues' | 'issueTicket' | 'getTicket' | 'cancelTicket'
> = {
  async health() {
    return { status: 'ok' as const }
  },

  async getHallSnapshot(hall) {
    return hall.service.snapshot()
  },

  async listQueues(hall) {
    return hall.service.snapshot().queues
  },

  async issueTicket(hall, { principal, body }) {
    const config = hall.service.env.config
    const queueId = await queueFor(hall, body.queueId, body.serviceItemId)
    const isKiosk = principal.kind === 'device' && principal.role === 'kiosk'
    let priority: PriorityClass = body.priority ?? 'normal'
    if (isKiosk && priority !== 'normal') throw new CommandRefused('PRIORITY_NOT_ALLOWED')
    if (body.cardReadId !== undefined) {
      const age = hall.applicants.age(body.cardReadId, hall.service.state.businessDate)
      if (priority === 'normal' && age !== null && age >= config.priority.elderlyAge) priority = 'elderly'
    }
    return issueFor(hall, principal, {
      queueId,
      priority,
      cardReadId: body.cardReadId ?? null,
      serviceItemId: body.serviceItemId ?? null,
      appointmentId: null,
      print: body.print ?? isKiosk,
      extraWrites: () => [],
    })
  },

  async getTicket(hall, { params }) {
    const engine = hall.service.view
    const found = engine.state.tickets[params.ticketId]
    if (!found) throw new CommandRefused('TICKET_NOT_FOUND')
    const ctx = engine.context(hall.clock())
    const queueId = found.transferQueueId ?? found.queueId
    return {
      ticket: ticketView(found),
      queueName: queueView(engine.hall, ctx, queueId)?.name ?? queueId,
      ...placeOf(engine, hall.clock(), found),
    }
  },

  async cancelTicket(hall, { principal, params }) {
    const executed = await hall.service.execute(
      { type: 'cancelTicket', ticketId: params.ticketId, reason: '管理人员作废' },
      actor(principal),
      { action: 'cancelTicket', subject: params.ticketId },
    )
    return { ticket: ticketOf(executed.effects, params.ticketId) }
  },
}

/** The queue asked for, or the queue of the service asked for; refused if neither leads to one. */
export async function queueFor(
  hall: Hall,
  queueId: string | undefined,
  serviceItemId: string | undefined,
): Promise<string> {
  let found = queueId
  if (serviceItemId !== undefined) {
    const item = await hall.catalog.get(serviceItemId)
    if (!item) throw new CommandRefused('SERVICE_NOT_FOUND')
    found ??= item.queueId ?? undefined
  }
  if (found === undefined) throw new CommandRefused('VALIDATION', '请选择业务类别')
  if (!hall.service.env.config.queues.some((q) => q.id === found)) throw new CommandRefused('QUEUE_NOT_FOUND')
  return found
}

export interface IssueRequest {
  queueId: string
  priority: PriorityClass
  cardReadId: string | null
  serviceItemId: string | null
  appointmentId: string | null
  print: boolean
  /** Writes committed with the ticket (an appointment marked checked in, say). */
  extraWrites: (ticketId: string) => Write[]
}

/** Issues a ticket, commits it (with its applicant), and prints it on the caller's terminal. */
export async function issueFor(
  hall: Hall,
  principal: Principal,
  request: IssueRequest,
): Promise<IssuedTicket> {
  const config = hall.service.env.config
  const writes: Write[] = []
  let applicant = null
  let commitApplicant: () => void = () => {}
  if (request.cardReadId !== null) {
    const found = hall.applicants.applicantFor(request.cardReadId)
    if (!found) throw new CommandRefused('CARD_READ_EXPIRED')
    applicant = found.applicant
    writes.push(...found.writes)
    commitApplicant = found.commit
  }
  const isDevice = principal.kind === 'device'
  const source: TicketSource =
    request.appointmentId !== null
      ? 'appointment'
      : isDevice
        ? principal.role === 'kiosk'
          ? 'kiosk'
          : 'counter'
        : principal.role === 'manager'
          ? 'manager'
          : 'counter'
  const executed = await hall.service.execute(
    {
      type: 'issueTicket',
      queueId: request.queueId,
      priority: request.priority,
      source,
      applicant,
      appointmentId: request.appointmentId,
      serviceItemId: request.serviceItemId,
      ignoreHours: !isDevice,
    },
    actor(principal),
    { action: 'issueTicket', subject: request.queueId },
    (events) => {
      const issued = events.find((e) => e.type === 'ticket.issued')
      return [...writes, ...(issued?.type === 'ticket.issued' ? request.extraWrites(issued.ticket.id) : [])]
    },
    // The place in the queue when the ticket was issued, not after whatever came next.
    (engine, now, events) => {
      const event = events.find((e) => e.type === 'ticket.issued')
      const issued = event?.type === 'ticket.issued' ? engine.state.tickets[event.ticket.id] : undefined
      return issued ? { ticket: ticketView(issued), place: placeOf(engine, now, issued) } : null
    },
  )
  commitApplicant()
  if (!executed.answer) throw new Error('issueTicket produced no ticket')
  const { ticket, place } = executed.answer
  const { peopleAhead, estimatedWaitMinutes } = place
  const queueName = config.queues.find((q) => q.id === request.queueId)?.name ?? request.queueId
  const qrContent = ticketQr(ticket.id)
  const print = request.print
    ? await hall.printing.print(
        principal.terminal,
        ticketJob(config, ticket, queueName, peopleAhead, estimatedWaitMinutes, qrContent),
      )
    : { jobId: null, status: 'no_printer' as const, message: null }
  return { ticket, queueName, peopleAhead, estimatedWaitMinutes, qrContent, print }
}

export function ticketOf(effects: { kind: string }[], ticketId?: string): TicketView {
  for (let i = effects.length - 1; i >= 0; i--) {
    const effect = effects[i] as { kind: string; ticket?: Ticket }
    if (
      effect.kind === 'ticket' &&
      effect.ticket &&
      (ticketId === undefined || effect.ticket.id === ticketId)
    ) {
      return ticketView(effect.ticket)
    }
  }
  throw new Error('the command touched no ticket')
}
