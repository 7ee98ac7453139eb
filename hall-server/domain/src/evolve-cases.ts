import type { RatingView } from '@hall/protocol'
import type { Handlers } from './evolve-handlers.js'
import { type Effect, type Hall, windowState } from './state.js'
import type { Case, FollowUp } from './types.js'

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

/** Counts the rating, and lets the case go: the rating is final (一次一评). */
function settleRating(hall: Hall, found: Case, rating: RatingView, effects: Effect[]): void {
  const { stats } = hall.state
  stats.ratings[rating.level] = (stats.ratings[rating.level] ?? 0) + 1
  found.rating = rating.level
  // The case leaves the hall's working memory for the store.
  delete hall.state.cases[found.id]
  effects.push({ kind: 'rating', rating }, { kind: 'case', case: found }, { kind: 'stats' })
}

/** Cases opened and finished at a window. */
export const caseHandlers: Handlers<'case.opened' | 'case.finished'> = {
  'case.opened': (hall, event, effects) => {
    const opened = { ...event.case, missingMaterials: [...event.case.missingMaterials] }
    hall.state.cases[opened.id] = opened
    hall.state.caseSeq++
    windowState(hall.state, opened.windowId).openCaseId = opened.id
    effects.push({ kind: 'case', case: opened }, { kind: 'window', windowId: opened.windowId })
  },
  'case.finished': (hall, event, effects) => {
    const { state } = hall
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
  },
}

/** A finished case rated on the pad, or left unrated when its time ran out. */
export const ratingHandlers: Handlers<'case.rated' | 'case.unrated'> = {
  'case.rated': (hall, event, effects) => {
    const found = caseOf(hall, event.caseId)
    const rating: RatingView = {
      caseId: found.id,
      windowId: found.windowId,
      staffNo: found.staffNo,
      level: event.level,
      reasons: [...event.reasons],
      comment: event.comment,
      channel: event.channel,
      at: event.at,
    }
    settleRating(hall, found, rating, effects)
  },
  'case.unrated': (hall, event, effects) => {
    const found = caseOf(hall, event.caseId)
    const rating: RatingView = {
      caseId: found.id,
      windowId: found.windowId,
      staffNo: found.staffNo,
      level: 'unrated',
      reasons: [],
      comment: null,
      channel: 'timeout',
      at: event.at,
    }
    settleRating(hall, found, rating, effects)
  },
}

/** The follow-up of a bad rating: opened, verified (核实), closed (整改 or 解释). */
export const followUpHandlers: Handlers<'followUp.opened' | 'followUp.verified' | 'followUp.closed'> = {
  'followUp.opened': (hall, event, effects) => {
    const followUp = { ...event.followUp }
    hall.state.followUps[followUp.id] = followUp
    effects.push({ kind: 'followUp', followUp })
  },
  'followUp.verified': (hall, event, effects) => {
    const followUp = followUpOf(hall, event.id)
    followUp.status = 'verified'
    followUp.finding = event.finding
    followUp.reasonable = event.reasonable
    followUp.verifiedAt = event.at
    followUp.verifiedBy = event.by
    effects.push({ kind: 'followUp', followUp })
  },
  'followUp.closed': (hall, event, effects) => {
    const followUp = followUpOf(hall, event.id)
    followUp.status = followUp.reasonable === false ? 'explained' : 'rectified'
    followUp.resolution = event.resolution
    followUp.closedAt = event.at
    followUp.closedBy = event.by
    delete hall.state.followUps[followUp.id]
    effects.push({ kind: 'followUp', followUp })
  },
}
