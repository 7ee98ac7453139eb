import type {
  AlarmView,
  CaseView,
  Change,
  FollowUpView,
  HallInfo,
  QueueView,
  StaffCard,
  TicketView,
  WindowView,
} from '@hall/protocol'
import { hallMode, hoursFor } from './hours.js'
import type { Effect, Hall } from './state.js'
import { clockText, parseClock } from './time.js'
import type { Alarm, Case, Context, FollowUp, StaffConfig, Ticket } from './types.js'

/**
 * The state as clients see it (the protocol's views). Pure functions of state and configuration;
 * personal data only as the masked name the domain holds.
 */

export function staffCard(staff: StaffConfig | undefined): StaffCard | null {
  if (!staff) return null
  return { staffNo: staff.staffNo, name: staff.name, title: staff.title, photoUrl: staff.photoUrl }
}

export function ticketView(t: Ticket): TicketView {
  return {
    id: t.id,
    code: t.code,
    number: t.number,
    queueId: t.queueId,
    businessDate: t.businessDate,
    priority: t.priority,
    status: t.status,
    source: t.source,
    issuedAt: t.issuedAt,
    calledAt: t.calledAt,
    servingAt: t.servingAt,
    finishedAt: t.finishedAt,
    windowId: t.windowId,
    recallCount: t.recallCount,
    transferQueueId: t.transferQueueId,
    transferWindowId: t.transferWindowId,
    applicantName: t.applicant?.nameMasked ?? null,
    appointmentId: t.appointmentId,
    serviceItemId: t.serviceItemId,
  }
}

export function caseView(c: Case): CaseView {
  return {
    id: c.id,
    ticketId: c.ticketId,
    ticketCode: c.ticketCode,
    windowId: c.windowId,
    staffNo: c.staffNo,
    status: c.status,
    serviceItemId: c.serviceItemId,
    serviceName: c.serviceName,
    caseType: c.caseType,
    outcome: c.outcome,
    receiptNo: c.receiptNo,
    missingMaterials: c.missingMaterials.map((m) => ({ ...m })),
    refusalReason: c.refusalReason,
    promiseDays: c.promiseDays,
    promiseDeadline: c.promiseDeadline,
    supplementDeadline: c.supplementDeadline,
    applicantName: c.applicant?.nameMasked ?? null,
    openedAt: c.openedAt,
    finishedAt: c.finishedAt,
    rating: c.rating,
    ratingDeadline: c.ratingDeadline,
  }
}

export function followUpView(f: FollowUp): FollowUpView {
  return { ...f, reasons: [...f.reasons] }
}

export function alarmView(a: Alarm): AlarmView {
  return { ...a }
}

export function windowView(hall: Hall, ctx: Context, windowId: string): WindowView | null {
  const config = ctx.config.windows.find((w) => w.id === windowId)
  if (!config) return null
  const state = hall.state.windows[windowId]
  const staff = (no: string | null | undefined) =>
    no ? staffCard(ctx.config.staff.find((s) => s.staffNo === no)) : null
  return {
    id: config.id,
    number: config.number,
    name: config.name,
    queueIds: [...config.queueIds],
    status: state?.status ?? 'closed',
    pauseReason: state?.pauseReason ?? null,
    statusSince: state?.statusSince ?? 0,
    staff: staff(state?.staffNo),
    postA: staff(config.postA),
    postB: staff(config.postB),
    currentTicketId: state?.currentTicketId ?? null,
    openCaseId: state?.openCaseId ?? null,
    priorityStreak: state?.priorityStreak ?? 0,
  }
}

export function queueView(hall: Hall, ctx: Context, queueId: string): QueueView | null {
  const q = ctx.config.queues.find((x) => x.id === queueId)
  if (!q) return null
  const stats = hall.state.queueStats[q.id]
  return {
    id: q.id,
    name: q.name,
    prefix: q.prefix,
    kind: q.kind,
    description: q.description,
    waiting: hall.index.waitingInQueue(q.id),
    oldestWaitingAt: hall.index.oldestInQueue(q.id),
    issuedToday: stats?.issued ?? 0,
    servedToday: stats?.served ?? 0,
    avgServiceSec: stats && stats.served > 0 ? stats.serviceSecTotal / stats.served : null,
  }
}

/** What the screens show of the hall beyond its state: set in the configuration. */
export interface HallDisplay {
  notice: string
  announceRepeat: number
  consultPhone: string | null
}

export function hallInfo(ctx: Context, date: string, display: HallDisplay): HallInfo {
  return {
    name: ctx.config.hallName,
    businessDate: date,
    mode: hallMode(ctx.now, ctx.config.utcOffsetMinutes, ctx.config.hours, ctx.calendar),
    notice: display.notice,
    utcOffsetMinutes: ctx.config.utcOffsetMinutes,
    announceRepeat: display.announceRepeat,
    consultPhone: display.consultPhone,
    todayHours: todayHours(ctx, date),
    maxRecalls: ctx.config.maxRecalls,
    callingRule: {
      maxConsecutivePriority: ctx.config.priority.maxConsecutivePriority,
      preferenceMinutes: ctx.config.priority.preferenceMinutes,
    },
  }
}

function todayHours(ctx: Context, date: string): HallInfo['todayHours'] {
  const day = hoursFor(date, ctx.config.hours, ctx.calendar)
  if (day === null) return null
  const open = parseClock(day[0])
  const close = parseClock(day[1])
  return {
    open: day[0],
    close: day[1],
    appointmentFrom: clockText(Math.max(0, open - ctx.config.hours.appointmentMinutesBefore)),
    appointmentUntil: clockText(Math.min(24 * 60, close + ctx.config.hours.appointmentMinutesAfter)),
  }
}

/**
 * Minutes a newly issued ticket can expect to wait: the people ahead, times today's average service
 * time of its queue (five minutes before the first is served), shared by the open windows serving it.
 */
export function estimateWaitMinutes(hall: Hall, ctx: Context, queueId: string, peopleAhead: number): number {
  const avgSec = queueView(hall, ctx, queueId)?.avgServiceSec ?? 300
  const serving = ctx.config.windows.filter(
    (w) => w.queueIds.includes(queueId) && hall.state.windows[w.id]?.status === 'open',
  ).length
  return Math.round((peopleAhead * avgSec) / 60 / Math.max(1, serving))
}

/**
 * Turns effects into the changes sent to clients, deduplicated (a ticket touched twice in one
 * command is sent once, in its final state). Device changes are left to the caller, who knows when
 * each was last seen.
 */
export function changesOf(hall: Hall, ctx: Context, effects: Effect[], display: HallDisplay): Change[] {
  const changes: Change[] = []
  const seen = new Set<string>()
  const once = (key: string, make: () => Change | null) => {
    if (seen.has(key)) return
    seen.add(key)
    const change = make()
    if (change) changes.push(change)
  }
  for (const effect of effects) {
    switch (effect.kind) {
      case 'ticket':
        once(`t:${effect.ticket.id}`, () => ({ kind: 'ticket', ticket: ticketView(effect.ticket) }))
        break
      case 'window':
        once(`w:${effect.windowId}`, () => {
          const window = windowView(hall, ctx, effect.windowId)
          return window ? { kind: 'window', window } : null
        })
        break
      case 'queue':
        once(`q:${effect.queueId}`, () => {
          const queue = queueView(hall, ctx, effect.queueId)
          return queue ? { kind: 'queue', queue } : null
        })
        break
      case 'case':
        once(`c:${effect.case.id}`, () => ({ kind: 'case', case: caseView(effect.case) }))
        break
      case 'call':
        changes.push({ kind: 'call', call: { ...effect.call } })
        break
      case 'rating':
        changes.push({ kind: 'rating', rating: { ...effect.rating } })
        break
      case 'followUp':
        once(`f:${effect.followUp.id}`, () => ({ kind: 'followUp', followUp: followUpView(effect.followUp) }))
        break
      case 'alarm':
        changes.push({ kind: 'alarm', alarm: alarmView(effect.alarm) })
        break
      case 'stats':
        once('stats', () => ({ kind: 'stats', stats: structuredClone(hall.state.stats) }))
        break
      case 'hall':
        once('hall', () => ({ kind: 'hall', hall: hallInfo(ctx, hall.state.businessDate, display) }))
        break
      case 'device':
        break
    }
  }
  return changes
}
