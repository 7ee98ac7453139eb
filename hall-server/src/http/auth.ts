import { CommandRefused } from '../hall/service.js'
import { auditWrite } from '../store/projection.js'
import { listAudit } from '../store/repos.js'
import { actor, type Handlers } from './handler.js'

/** Staff sign-in and sign-out at a counter (签到/签退), who-am-I, and the audit log. */

export const authHandlers: Pick<
  Handlers,
  'signIn' | 'signOut' | 'whoAmI' | 'listAudit' | 'searchServices' | 'getService'
> = {
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
