import { BAD_RATINGS, type DayUnit } from '@hall/protocol'
import type { Command } from './commands.js'
import { servingWindow } from './decide-tickets.js'
import type { DomainEvent } from './events.js'
import type { Hall } from './state.js'
import { addDays, businessDate } from './time.js'
import { type Case, type Context, type Decision, type FollowUp, refuse, type WindowState } from './types.js'

/** Windows' staffing, cases (办件), ratings (好差评) and their follow-ups. */

type Of<T extends Command['type']> = Extract<Command, { type: T }>

const DAY_MS = 86_400_000

export function signIn(hall: Hall, cmd: Of<'signIn'>, ctx: Context): Decision<DomainEvent> {
  if (!ctx.config.windows.some((w) => w.id === cmd.windowId)) return refuse('WINDOW_NOT_FOUND')
  if (!ctx.config.staff.some((s) => s.staffNo === cmd.staffNo)) return refuse('STAFF_NOT_FOUND')
  const events: DomainEvent[] = []
  // A staff member works at one window at a time: signing in here signs them out elsewhere.
  for (const window of Object.values(hall.state.windows)) {
    if (window.staffNo === cmd.staffNo && window.id !== cmd.windowId && window.status !== 'closed') {
      if (window.openCaseId !== null) return refuse('CASE_OPEN', `请先在${window.id}号窗口办结当前办件`)
      events.push(...closing(window, ctx.now))
    }
  }
  events.push({ type: 'window.opened', windowId: cmd.windowId, staffNo: cmd.staffNo, at: ctx.now })
  return { ok: true, events }
}

export function signOut(hall: Hall, cmd: Of<'signOut'>, ctx: Context): Decision<DomainEvent> {
  const window = hall.state.windows[cmd.windowId]
  if (!window || window.status === 'closed') return refuse('WINDOW_NOT_OPEN')
  if (window.openCaseId !== null) return refuse('CASE_OPEN')
  return { ok: true, events: closing(window, ctx.now) }
}

/** A window closing (签退): the number it was serving is done, then the window is closed. */
function closing(window: WindowState, now: number): DomainEvent[] {
  const events: DomainEvent[] = []
  if (window.currentTicketId !== null) {
    events.push({ type: 'ticket.completed', ticketId: window.currentTicketId, windowId: window.id, at: now })
  }
  events.push({ type: 'window.closed', windowId: window.id, at: now })
  return events
}

export function pause(hall: Hall, cmd: Of<'pause'>, ctx: Context): Decision<DomainEvent> {
  const window = hall.state.windows[cmd.windowId]
  if (!window || window.status === 'closed') return refuse('WINDOW_NOT_OPEN')
  if (window.status === 'paused') return refuse('WINDOW_PAUSED', '窗口已经是暂停服务状态')
  const reason = cmd.reason.trim()
  if (reason === '') return refuse('VALIDATION', '请填写暂停原因')
  return { ok: true, events: [{ type: 'window.paused', windowId: window.id, reason, at: ctx.now }] }
}

export function resume(hall: Hall, cmd: Of<'resume'>, ctx: Context): Decision<DomainEvent> {
  const window = hall.state.windows[cmd.windowId]
  if (!window || window.status === 'closed') return refuse('WINDOW_NOT_OPEN')
  if (window.status !== 'paused') return refuse('VALIDATION', '窗口没有暂停')
  return { ok: true, events: [{ type: 'window.resumed', windowId: window.id, at: ctx.now }] }
}

export function caseNumber(date: string, seq: number): string {
  return `BJ${date.replaceAll('-', '')}${String(seq).padStart(4, '0')}`
}

export function receiptNumber(date: string, seq: number): string {
  return `SL${date.replaceAll('-', '')}${String(seq).padStart(4, '0')}`
}

export function startCase(hall: Hall, cmd: Of<'startCase'>, ctx: Context): Decision<DomainEvent> {
  const at = servingWindow(hall, cmd.windowId, ctx)
  if ('ok' in at) return at
  if (at.state.openCaseId !== null) return refuse('CASE_OPEN')
  const ticketId = at.state.currentTicketId
  const ticket = ticketId === null ? null : (hall.state.tickets[ticketId] ?? null)
  const opened: Case = {
    id: caseNumber(hall.state.businessDate, hall.state.caseSeq + 1),
    ticketId: ticket?.id ?? null,
    ticketCode: ticket?.code ?? null,
    windowId: at.config.id,
    staffNo: at.state.staffNo ?? '',
    status: 'open',
    serviceItemId: cmd.serviceItem?.id ?? ticket?.serviceItemId ?? null,
    serviceName: cmd.serviceItem?.name ?? null,
    caseType: null,
    outcome: null,
    receiptNo: null,
    missingMaterials: [],
    refusalReason: null,
    promiseDays: null,
    promiseDeadline: null,
    supplementDeadline: null,
    applicant: cmd.applicant ?? ticket?.applicant ?? null,
    note: null,
    openedAt: ctx.now,
    finishedAt: null,
    ratingDeadline: null,
    rating: null,
  }
  const events: DomainEvent[] = []
  if (ticket && ticket.status === 'called') {
    events.push({ type: 'ticket.serving', ticketId: ticket.id, windowId: at.config.id, at: ctx.now })
  }
  events.push({ type: 'case.opened', case: opened })
  return { ok: true, events }
}

/** The day a time limit ends: working days by the calendar, others (自然日, plain 日) as calendar days. */
function deadlineAfter(ctx: Context, from: string, days: number, unit: DayUnit): string {
  return unit === 'working' ? ctx.calendar.addWorkingDays(from, days) : addDays(from, days)
}

export function finishCase(hall: Hall, cmd: Of<'finishCase'>, ctx: Context): Decision<DomainEvent> {
  const found = hall.state.cases[cmd.caseId]
  if (!found) return refuse('CASE_NOT_FOUND')
  if (found.status !== 'open') return refuse('CASE_STATE', '这个办件已经办结')
  if (found.windowId !== cmd.windowId) return refuse('FORBIDDEN', '只能办结本窗口的办件')
  const problems: string[] = []
  const materials = cmd.missingMaterials.map((m) => ({ name: m.name.trim(), note: m.note?.trim() || null }))
  if (cmd.outcome === 'supplement' && materials.filter((m) => m.name !== '').length === 0) {
    problems.push('补齐补正须列出需要补充的全部材料')
  }
  const refusalReason = cmd.refusalReason?.trim() || null
  if (cmd.outcome === 'rejected' && refusalReason === null) problems.push('不予受理须说明理由')
  const promiseDays = cmd.promiseDays ?? cmd.serviceItem.promisedDays
  const promiseUnit =
    cmd.promiseDays !== null ? (cmd.promiseDayUnit ?? 'working') : cmd.serviceItem.promisedDayUnit
  if (cmd.caseType === 'promised' && cmd.outcome === 'accepted' && promiseDays === null) {
    problems.push('承诺件须填写承诺办结时限')
  }
  if (problems.length > 0) return refuse('CASE_INCOMPLETE', problems.join('；'))
  const today = businessDate(ctx.now, ctx.config.utcOffsetMinutes)
  const accepted = cmd.outcome === 'accepted'
  const promised = accepted && cmd.caseType === 'promised' && promiseDays !== null
  const supplementDays = cmd.supplementDays ?? ctx.config.supplementDays
  const events: DomainEvent[] = [
    {
      type: 'case.finished',
      caseId: found.id,
      at: ctx.now,
      serviceItemId: cmd.serviceItem.id,
      serviceName: cmd.serviceItem.name,
      caseType: cmd.caseType,
      outcome: cmd.outcome,
      receiptNo: accepted ? receiptNumber(hall.state.businessDate, hall.state.receiptSeq + 1) : null,
      missingMaterials: cmd.outcome === 'supplement' ? materials.filter((m) => m.name !== '') : [],
      refusalReason: cmd.outcome === 'rejected' ? refusalReason : null,
      promiseDays: promised ? promiseDays : null,
      promiseDeadline: promised ? deadlineAfter(ctx, today, promiseDays, promiseUnit) : null,
      supplementDeadline:
        cmd.outcome === 'supplement' ? ctx.calendar.addWorkingDays(today, supplementDays) : null,
      applicant: cmd.applicant,
      note: cmd.note?.trim() || null,
      ratingDeadline: ctx.now + ctx.config.ratingTimeoutSec * 1000,
    },
  ]
  const window = hall.state.windows[found.windowId]
  if (!cmd.continueService && found.ticketId !== null && window?.currentTicketId === found.ticketId) {
    events.push({ type: 'ticket.completed', ticketId: found.ticketId, windowId: found.windowId, at: ctx.now })
  }
  return { ok: true, events }
}

export function rate(hall: Hall, cmd: Of<'rate'>, ctx: Context): Decision<DomainEvent> {
  const found = hall.state.cases[cmd.caseId]
  if (!found) return refuse('CASE_NOT_FOUND', '这个办件不在待评价状态（可能已评价或已超时）')
  if (found.status !== 'finished' || found.ratingDeadline === null)
    return refuse('CASE_STATE', '办件尚未办结')
  if (found.rating !== null) return refuse('RATING_EXISTS')
  if (found.windowId !== cmd.windowId) return refuse('RATING_WRONG_WINDOW')
  if (ctx.now > found.ratingDeadline) return refuse('RATING_EXPIRED')
  const bad = BAD_RATINGS.includes(cmd.level)
  const reasons = [...new Set(cmd.reasons)]
  if (bad && reasons.length === 0) return refuse('RATING_REASON_REQUIRED')
  const comment = cmd.comment?.trim() || null
  const events: DomainEvent[] = [
    {
      type: 'case.rated',
      caseId: found.id,
      level: cmd.level,
      reasons: bad ? reasons : [],
      comment,
      channel: cmd.channel,
      at: ctx.now,
    },
  ]
  if (bad) {
    const followUp: FollowUp = {
      id: `HC${found.id.slice(2)}`,
      caseId: found.id,
      windowId: found.windowId,
      staffNo: found.staffNo,
      level: cmd.level,
      reasons,
      comment,
      status: 'open',
      openedAt: ctx.now,
      deadline: ctx.now + ctx.config.followUpDays * DAY_MS,
      finding: null,
      reasonable: null,
      verifiedAt: null,
      verifiedBy: null,
      resolution: null,
      closedAt: null,
      closedBy: null,
    }
    events.push({ type: 'followUp.opened', followUp })
  }
  return { ok: true, events }
}

export function verifyFollowUp(hall: Hall, cmd: Of<'verifyFollowUp'>, ctx: Context): Decision<DomainEvent> {
  const followUp = hall.state.followUps[cmd.id]
  if (!followUp) return refuse('FOLLOW_UP_NOT_FOUND')
  if (followUp.status !== 'open') return refuse('FOLLOW_UP_STATE', '已经核实过了')
  const finding = cmd.finding.trim()
  if (finding === '') return refuse('VALIDATION', '请填写核实情况')
  return {
    ok: true,
    events: [
      {
        type: 'followUp.verified',
        id: followUp.id,
        finding,
        reasonable: cmd.reasonable,
        by: cmd.by,
        at: ctx.now,
      },
    ],
  }
}

export function closeFollowUp(hall: Hall, cmd: Of<'closeFollowUp'>, ctx: Context): Decision<DomainEvent> {
  const followUp = hall.state.followUps[cmd.id]
  if (!followUp) return refuse('FOLLOW_UP_NOT_FOUND')
  if (followUp.status !== 'verified') return refuse('FOLLOW_UP_STATE', '请先核实，再填写整改或解释说明')
  const resolution = cmd.resolution.trim()
  if (resolution === '') return refuse('VALIDATION', '请填写整改情况或解释说明')
  return {
    ok: true,
    events: [{ type: 'followUp.closed', id: followUp.id, resolution, by: cmd.by, at: ctx.now }],
  }
}

/** Cases whose rating time ran out are recorded as 未评价. */
export function expireRatings(hall: Hall, ctx: Context): DomainEvent[] {
  const events: DomainEvent[] = []
  for (const found of Object.values(hall.state.cases)) {
    if (found.status === 'finished' && found.ratingDeadline !== null && ctx.now > found.ratingDeadline) {
      events.push({ type: 'case.unrated', caseId: found.id, at: ctx.now })
    }
  }
  return events
}
