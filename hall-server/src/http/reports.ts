import { waitingTrend } from '@hall/domain'
import { CommandRefused } from '../hall/service.js'
import { caseLedgerCsv, ledgerNames, ledgerRangeProblem } from '../store/case-ledger.js'
import { todaysWaitingEvents } from '../store/reports.js'
import type { Handlers } from './handler.js'

/** The managers' reports: today's waiting trend for the wall, and the case ledger (办件台账). */

const TREND_STEP_MINUTES = 5

export const reportHandlers: Pick<Handlers, 'getWaitingTrend' | 'exportCases'> = {
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
}
