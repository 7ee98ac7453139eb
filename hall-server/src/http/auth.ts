import { formatLocal } from '@hall/domain'
import type { Hall } from '../hall/boot.js'
import { actorId, LOCK_AFTER, type Principal, SignInRefused } from '../hall/identity.js'
import { CommandRefused } from '../hall/service.js'
import type { Write } from '../store/journal.js'
import { auditWrite } from '../store/projection.js'
import { listAudit } from '../store/repos.js'
import { actor, type Handlers } from './handler.js'

/** Staff sign-in and sign-out at a counter (签到/签退), who-am-I, and the audit log. */

/**
 * The audit rows of a refused sign-in: the try itself (`signIn`, refused, with the code and, for a
 * wrong PIN, how many in a row), and when this try locked the staff number a `signInLocked` row
 * saying until when.
 */
function signInRefusalAudit(hall: Hall, device: Principal, staffNo: string, error: CommandRefused): Write[] {
  const at = hall.clock()
  const actor = actorId(device)
  const counted = error instanceof SignInRefused && error.failedCount > 0
  const rows = [
    auditWrite({
      at,
      actor,
      action: 'signIn',
      subject: staffNo,
      outcome: 'refused',
      detail: counted ? `${error.code} ${error.failedCount}/${LOCK_AFTER}` : error.code,
    }),
  ]
  if (error instanceof SignInRefused && error.lockedNow !== null) {
    rows.push(
      auditWrite({
        at,
        actor,
        action: 'signInLocked',
        subject: staffNo,
        outcome: 'refused',
        detail: `连续输错${error.failedCount}次，锁定至 ${formatLocal(error.lockedNow, hall.config.hall.utcOffsetMinutes)}`,
      }),
    )
  }
  return rows
}

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
      if (error instanceof CommandRefused)
        await hall.service.record(signInRefusalAudit(hall, principal, body.staffNo, error))
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
