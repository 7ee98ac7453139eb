import { waitingTrend } from '../domain/index.js'
import { CommandRefused } from '../hall/service.js'
import { caseLedgerCsv, ledgerNames, ledgerRangeProblem } from '../store/case-ledger.js'
import { auditWrite } from '../store/projection.js'
import { todaysWaitingEvents } from '../store/reports.js'
import { listAudit } from '../store/repos.js'
import { actor, type Handlers } from './handler.js'

/** Staff sign-in and sign-out at a counter (签到/签退), who-am-I, the audit log and today's trend. */

const TREND_STEP_MINUTES = 5

export const authHandlers: Pick<
  Handlers,
  | 'signIn'
  | 'signOut'
  | 'whoAmI'
  | 'listAudit'
  | 'getWaitingTrend'
  | 'exportCases'
  | 'searchServices'
  | 'getService'
> = {
  async exportCases(hall, { query }) {
    const problem = ledgerRangeProblem(query.from, query.to)
    if (problem) throw new CommandRefused('VALIDATION', problem)
    const { config } = hall.service.view
    const names = ledgerNames(config.utcOffsetMinutes, config.windows, config.staff)
    return Buffer.from(await caseLedgerCsv(hall.db, query.from, query.to, names), 'utf8')
  },
  async getWaitingTrend(hall) {
    const { config, state } = hall.service.view
    const queues = config.queues.map((q) => ({ id: q.id, name: q.name }))
    const series = waitingTrend(
      await todaysWaitingEvents(hall.db),
      queues.map((q) => q.id),
      hall.clock(),
      TREND_STEP_MINUTES * 60_000,
    )
    return {
      businessDate: state.businessDate,
      stepMinutes: TREND_STEP_MINUTES,
      times: series.times,
      queues: queues.map((q) => ({ queueId: q.id, name: q.name, counts: series.counts[q.id] ?? [] })),
    }
  },

  async signIn(hall, { principal, body }) {
    if (principal.kind !== 'device') throw new CommandRefused('FORBIDDEN')
    let member: Awaited<ReturnType<typeof hall.identity.verifyStaff>>
    try {
      member = await hall.identity.verifyStaff(principal, body.staffNo, body.pin)
    } catch (error) {
      if (error instanceof CommandRefused) {
        await hall.service.record([
          auditWrite({
            at: hall.clock(),
            actor: actor(principal).id,
            action: 'signIn',
            subject: body.staffNo,
            outcome: 'refused',
            detail: error.code,
          }),
        ])
      }
      throw error
    }
    if (principal.role === 'counter' && principal.windowId !== null) {
      await hall.service.execute(
        { type: 'signIn', windowId: principal.windowId, staffNo: member.staffNo },
        { id: `staff:${member.staffNo}@${principal.deviceId}` },
        { action: 'signIn', subject: principal.windowId },
      )
    } else {
      await hall.service.record([
        auditWrite({
          at: hall.clock(),
          actor: `staff:${member.staffNo}@${principal.deviceId}`,
          action: 'signIn',
          subject: principal.deviceId,
          outcome: 'ok',
          detail: null,
        }),
      ])
    }
    return hall.identity.openSession(principal, member)
  },

  async signOut(hall, { principal }) {
    if (principal.kind !== 'staff') throw new CommandRefused('FORBIDDEN')
    const window = principal.windowId === null ? undefined : hall.service.state.windows[principal.windowId]
    if (
      principal.windowId !== null &&
      window &&
      window.status !== 'closed' &&
      window.staffNo === principal.staffNo
    ) {
      await hall.service.execute({ type: 'signOut', windowId: principal.windowId }, actor(principal), {
        action: 'signOut',
        subject: principal.windowId,
      })
    }
    await hall.identity.closeSession(principal)
    return { ok: true as const }
  },

  async whoAmI(hall, { principal }) {
    return hall.identity.view(principal)
  },

  async listAudit(hall, { query }) {
    return listAudit(hall.db, query.limit ?? 200)
  },

  async searchServices(hall, { query }) {
    return hall.catalog.search({
      q: query.q ?? '',
      category: query.category ?? null,
      queueId: query.queueId ?? null,
      limit: query.limit ?? 50,
    })
  },

  async getService(hall, { params }) {
    const item = await hall.catalog.get(params.serviceId)
    if (!item) throw new CommandRefused('SERVICE_NOT_FOUND')
    return item
  },
}
