import { type Case, caseView, type Effect, followUpView, type ServiceRef } from '@hall/domain'
import type { CaseView, FollowUpView, ServiceGuide } from '@hall/protocol'
import type { Hall } from '../hall/boot.js'
import { caseJob } from '../hall/printing.js'
import { CommandRefused } from '../hall/service.js'
import type { Write } from '../store/journal.js'
import { auditWrite } from '../store/projection.js'
import { caseRowById, completeCaseWrite, followUpsFromDb, pendingCases } from '../store/reports.js'
import { actor, type Handlers, ownWindow, staffNoOf } from './handler.js'

/** Cases (办件), ratings (好差评) and the follow-ups of bad ratings. */

function serviceRef(item: ServiceGuide): ServiceRef {
  return {
    id: item.id,
    name: item.name,
    promisedDays: item.promisedDays,
    promisedDayUnit: item.promisedDayUnit,
  }
}

function caseOf(effects: Effect[], caseId?: string): Case {
  for (let i = effects.length - 1; i >= 0; i--) {
    const effect = effects[i] as Effect
    if (effect.kind === 'case' && (caseId === undefined || effect.case.id === caseId)) return effect.case
  }
  throw new Error('the command touched no case')
}

function followUpOf(effects: Effect[]): FollowUpView {
  for (const effect of effects) if (effect.kind === 'followUp') return followUpView(effect.followUp)
  throw new Error('the command touched no follow-up')
}

function applicantFrom(hall: Hall, cardReadId: string | undefined) {
  if (cardReadId === undefined) return { applicant: null, writes: [] as Write[], commit: () => undefined }
  const found = hall.applicants.applicantFor(cardReadId)
  if (!found) throw new CommandRefused('CARD_READ_EXPIRED')
  return found
}

export const caseHandlers: Pick<
  Handlers,
  | 'startCase'
  | 'finishCase'
  | 'getCase'
  | 'completeCase'
  | 'listPendingCases'
  | 'submitRating'
  | 'listFollowUps'
  | 'verifyFollowUp'
  | 'closeFollowUp'
> = {
  async startCase(hall, { principal, params, body }) {
    ownWindow(principal, params.windowId)
    let serviceItem = null
    if (body.serviceItemId !== undefined) {
      const item = await hall.catalog.get(body.serviceItemId)
      if (!item) throw new CommandRefused('SERVICE_NOT_FOUND')
      serviceItem = serviceRef(item)
    }
    const found = applicantFrom(hall, body.cardReadId)
    const { effects } = await hall.service.execute(
      { type: 'startCase', windowId: params.windowId, serviceItem, applicant: found.applicant },
      actor(principal),
      { action: 'startCase', subject: params.windowId },
      found.writes,
    )
    found.commit()
    return caseView(caseOf(effects))
  },

  async finishCase(hall, { principal, params, body }) {
    if (principal.kind !== 'staff' || principal.windowId === null) throw new CommandRefused('FORBIDDEN')
    const item = await hall.catalog.get(body.serviceItemId)
    if (!item) throw new CommandRefused('SERVICE_NOT_FOUND')
    const found = applicantFrom(hall, body.cardReadId)
    const { effects } = await hall.service.execute(
      {
        type: 'finishCase',
        windowId: principal.windowId,
        caseId: params.caseId,
        serviceItem: serviceRef(item),
        caseType: body.caseType,
        outcome: body.outcome,
        missingMaterials: body.missingMaterials ?? [],
        refusalReason: body.refusalReason ?? null,
        promiseDays: body.promiseDays ?? null,
        promiseDayUnit: body.promiseDayUnit ?? null,
        supplementDays: body.supplementDays ?? null,
        applicant: found.applicant,
        note: body.note ?? null,
        continueService: body.continueService ?? false,
      },
      actor(principal),
      { action: 'finishCase', subject: params.caseId, detail: `${body.caseType}/${body.outcome}` },
      found.writes,
    )
    found.commit()
    const finished = caseOf(effects, params.caseId)
    const config = hall.service.env.config
    const staff = config.staff.find((s) => s.staffNo === finished.staffNo)
    const window = config.windows.find((w) => w.id === finished.windowId)
    const job = caseJob(
      config,
      finished,
      staff?.name ?? finished.staffNo,
      window?.name ?? '',
      hall.config.hall.consultPhone,
    )
    const print =
      body.print !== false && job
        ? await hall.printing.print(principal.terminal, job)
        : { jobId: null, status: 'no_printer' as const, message: null }
    return { case: caseView(finished), print }
  },

  async getCase(hall, { principal, params }) {
    let view: CaseView | null = await caseRowById(hall.db, params.caseId)
    if (!view) throw new CommandRefused('CASE_NOT_FOUND')
    if (principal.role === 'pad' && principal.windowId !== view.windowId)
      throw new CommandRefused('FORBIDDEN')
    if (principal.kind === 'staff' && principal.role === 'clerk' && principal.windowId !== view.windowId) {
      view = { ...view, applicantName: null }
    }
    return view
  },

  async completeCase(hall, { principal, params, body }) {
    const found = await caseRowById(hall.db, params.caseId)
    if (!found) throw new CommandRefused('CASE_NOT_FOUND')
    if (found.outcome !== 'accepted' || (found.caseType !== 'promised' && found.caseType !== 'reported')) {
      throw new CommandRefused('CASE_STATE', '只有已受理的承诺件、上报件需要办结登记')
    }
    if (found.completedAt) throw new CommandRefused('CASE_STATE', '这个办件已经办结')
    const at = hall.clock()
    const who = actor(principal).id
    await hall.service.record([
      completeCaseWrite(found.id, at, who, body.note?.trim() || null),
      auditWrite({ at, actor: who, action: 'completeCase', subject: found.id, outcome: 'ok', detail: null }),
    ])
    return { ...found, completedAt: at }
  },

  async listPendingCases(hall) {
    return pendingCases(hall.db)
  },

  async submitRating(hall, { principal, params, body }) {
    if (principal.kind !== 'device' || principal.role !== 'pad' || principal.windowId === null) {
      throw new CommandRefused('FORBIDDEN')
    }
    const { effects } = await hall.service.execute(
      {
        type: 'rate',
        caseId: params.caseId,
        windowId: principal.windowId,
        level: body.level,
        reasons: body.reasons ?? [],
        comment: body.comment ?? null,
        channel: 'pad',
      },
      actor(principal),
      { action: 'submitRating', subject: params.caseId, detail: body.level },
    )
    for (const effect of effects) if (effect.kind === 'rating') return { ...effect.rating }
    throw new Error('the rating produced no rating')
  },

  async listFollowUps(hall) {
    const open = Object.values(hall.service.view.state.followUps).map(followUpView)
    const recent = await followUpsFromDb(hall.db, hall.clock() - 30 * 86_400_000)
    const openIds = new Set(open.map((f) => f.id))
    return [...open, ...recent.filter((f) => !openIds.has(f.id))].sort((a, b) => b.openedAt - a.openedAt)
  },

  async verifyFollowUp(hall, { principal, params, body }) {
    const { effects } = await hall.service.execute(
      {
        type: 'verifyFollowUp',
        id: params.followUpId,
        finding: body.finding,
        reasonable: body.reasonable,
        by: staffNoOf(principal),
      },
      actor(principal),
      { action: 'verifyFollowUp', subject: params.followUpId },
    )
    return followUpOf(effects)
  },

  async closeFollowUp(hall, { principal, params, body }) {
    const { effects } = await hall.service.execute(
      { type: 'closeFollowUp', id: params.followUpId, resolution: body.resolution, by: staffNoOf(principal) },
      actor(principal),
      { action: 'closeFollowUp', subject: params.followUpId },
    )
    return followUpOf(effects)
  },
}
