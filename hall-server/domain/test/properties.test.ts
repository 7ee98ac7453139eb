import fc from 'fast-check'
import t from 'tap'
import { MONDAY_9AM, newEngine, testConfig } from './fixture.js'
import {
  type Command,
  createHall,
  type DomainEvent,
  emptyState,
  evolve,
  type HallEngine,
  isWaiting,
  RATING_LEVELS_FOR_TESTS,
} from './property-model.js'

/**
 * Random hall days driven through the domain core. After every step the invariants hold:
 * numbers unique per queue per day, every ticket in exactly one place, arrival order within a
 * class, the starvation bound, one rating per case, and the log rebuilding the same state.
 */

const windows = testConfig.windows.map((w) => w.id)
const queues = testConfig.queues.map((q) => q.id)
const staff = ['S01', 'S02', 'S03']
const K = testConfig.priority.maxConsecutivePriority

type Step =
  | { kind: 'issue'; queue: number; priority: boolean }
  | { kind: 'signIn'; window: number; staff: number }
  | { kind: 'signOut'; window: number }
  | { kind: 'callNext'; window: number }
  | { kind: 'recall'; window: number }
  | { kind: 'skip'; window: number }
  | { kind: 'transfer'; window: number; toQueue: number | null; toWindow: number }
  | { kind: 'callTicket'; window: number; pick: number }
  | { kind: 'complete'; window: number }
  | { kind: 'pause'; window: number }
  | { kind: 'resume'; window: number }
  | { kind: 'startCase'; window: number }
  | { kind: 'finishCase'; window: number; outcome: number }
  | { kind: 'rate'; pick: number; level: number; window: number | null }
  | { kind: 'wait'; ms: number }

const w = fc.nat(windows.length - 1)
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('issue' as const),
      queue: fc.nat(queues.length - 1),
      priority: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('signIn' as const),
      window: w,
      staff: fc.nat(staff.length - 1),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('signOut' as const), window: w }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('callNext' as const), window: w }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('recall' as const), window: w }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('skip' as const), window: w }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      window: w,
      toQueue: fc.option(fc.nat(queues.length - 1), { nil: null }),
      toWindow: w,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('callTicket' as const), window: w, pick: fc.nat(50) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('complete' as const), window: w }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), window: w }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resume' as const), window: w }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('startCase' as const), window: w }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('finishCase' as const), window: w, outcome: fc.nat(2) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('rate' as const),
      pick: fc.nat(10),
      level: fc.nat(4),
      window: fc.option(w, { nil: null }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 400_000 }) }),
  },
)

function commandOf(engine: HallEngine, s: Step): Command | null {
  const state = engine.state
  const win = (i: number) => windows[i] as string
  switch (s.kind) {
    case 'issue':
      return {
        type: 'issueTicket',
        queueId: queues[s.queue] as string,
        priority: s.priority ? 'elderly' : 'normal',
        source: 'kiosk',
        applicant: null,
        appointmentId: null,
        serviceItemId: null,
        ignoreHours: false,
      }
    case 'signIn':
      return { type: 'signIn', windowId: win(s.window), staffNo: staff[s.staff] as string }
    case 'signOut':
      return { type: 'signOut', windowId: win(s.window) }
    case 'callNext':
      return { type: 'callNext', windowId: win(s.window) }
    case 'recall':
      return { type: 'recall', windowId: win(s.window) }
    case 'skip':
      return { type: 'skip', windowId: win(s.window) }
    case 'transfer':
      return s.toQueue === null
        ? { type: 'transfer', windowId: win(s.window), toQueueId: null, toWindowId: win(s.toWindow) }
        : {
            type: 'transfer',
            windowId: win(s.window),
            toQueueId: queues[s.toQueue] as string,
            toWindowId: null,
          }
    case 'callTicket': {
      const ids = Object.keys(state.tickets)
      if (ids.length === 0) return null
      return { type: 'callTicket', windowId: win(s.window), ticketId: ids[s.pick % ids.length] as string }
    }
    case 'complete':
      return { type: 'complete', windowId: win(s.window) }
    case 'pause':
      return { type: 'pause', windowId: win(s.window), reason: '临时离岗' }
    case 'resume':
      return { type: 'resume', windowId: win(s.window) }
    case 'startCase':
      return { type: 'startCase', windowId: win(s.window), serviceItem: null, applicant: null }
    case 'finishCase': {
      const caseId = state.windows[win(s.window)]?.openCaseId
      if (!caseId) return null
      const outcome = (['accepted', 'supplement', 'rejected'] as const)[s.outcome] ?? 'accepted'
      return {
        type: 'finishCase',
        windowId: win(s.window),
        caseId,
        serviceItem: { id: 'svc-001', name: '测试事项', promisedDays: 3, promisedDayUnit: 'working' },
        caseType: outcome === 'accepted' ? 'promised' : 'immediate',
        outcome,
        missingMaterials: outcome === 'supplement' ? [{ name: '户口簿复印件', note: null }] : [],
        refusalReason: outcome === 'rejected' ? '不符合条件' : null,
        promiseDays: null,
        promiseDayUnit: null,
        supplementDays: null,
        applicant: null,
        note: null,
        continueService: false,
      }
    }
    case 'rate': {
      const cases = Object.values(state.cases).filter((c) => c.status === 'finished')
      const target = cases[s.pick % Math.max(1, cases.length)]
      if (!target) return null
      const level = RATING_LEVELS_FOR_TESTS[s.level] ?? 'satisfied'
      return {
        type: 'rate',
        caseId: target.id,
        windowId: s.window === null ? target.windowId : win(s.window),
        level,
        reasons: level === 'dissatisfied' || level === 'very_dissatisfied' ? ['slow'] : [],
        comment: null,
        channel: 'pad',
      }
    }
    case 'wait':
      return { type: 'tick' }
  }
}

/**
 * The tickets this window may call, from the state alone, by class: those transferred to this very
 * window (they rank first) and those in the queues it serves.
 */
function candidates(engine: HallEngine, windowId: string) {
  const config = testConfig.windows.find((x) => x.id === windowId)!
  const out = {
    priority: [] as number[],
    normal: [] as number[],
    directPriority: [] as number[],
    directNormal: [] as number[],
  }
  const directIds = new Set<string>()
  for (const ticket of Object.values(engine.state.tickets)) {
    if (!isWaiting(ticket)) continue
    const normal = ticket.priority === 'normal'
    if (ticket.transferWindowId !== null) {
      if (ticket.transferWindowId !== windowId) continue
      ;(normal ? out.directNormal : out.directPriority).push(ticket.issuedAt)
      directIds.add(ticket.id)
    } else if (config.queueIds.includes(ticket.transferQueueId ?? ticket.queueId)) {
      ;(normal ? out.normal : out.priority).push(ticket.issuedAt)
    }
  }
  return {
    ...out,
    directIds,
    anyPriority: out.priority.length + out.directPriority.length > 0,
    anyNormal: out.normal.length + out.directNormal.length > 0,
  }
}

t.test('random hall days keep every invariant', (t) => {
  fc.assert(
    fc.property(fc.array(step, { minLength: 20, maxLength: 300, size: 'max' }), (steps) => {
      const engine = newEngine()
      let now = MONDAY_9AM
      // The day starts with every window staffed; steps sign staff out and in again.
      const log: DomainEvent[] = []
      windows.forEach((windowId, i) => {
        log.push(...engine.execute({ type: 'signIn', windowId, staffNo: staff[i] as string }, now).events)
      })
      const issued = new Set<string>()
      const ratings = new Map<string, number>()
      for (const s of steps) {
        if (s.kind === 'wait') now += s.ms
        else now += 1000
        const cmd = commandOf(engine, s)
        if (!cmd) continue
        const before =
          cmd.type === 'callNext'
            ? {
                pool: candidates(engine, cmd.windowId),
                streak: engine.state.windows[cmd.windowId]?.priorityStreak ?? 0,
              }
            : null
        const outcome = engine.execute(cmd, now)
        log.push(...outcome.events)
        for (const event of outcome.events) {
          if (event.type === 'ticket.issued') {
            const key = `${event.ticket.businessDate}/${event.ticket.queueId}/${event.ticket.number}`
            if (issued.has(key)) throw new Error(`number issued twice: ${key}`)
            issued.add(key)
          }
          if (event.type === 'case.rated' || event.type === 'case.unrated') {
            ratings.set(event.caseId, (ratings.get(event.caseId) ?? 0) + 1)
            if ((ratings.get(event.caseId) ?? 0) > 1) throw new Error(`case rated twice: ${event.caseId}`)
          }
          if (event.type === 'ticket.called' && before && event.byPolicy !== 'specific') {
            const ticket = engine.state.tickets[event.ticketId]!
            const normal = ticket.priority === 'normal'
            const direct = normal ? before.pool.directNormal : before.pool.directPriority
            // Order within a class: a ticket transferred to this window first, then arrival order.
            const pool = direct.length > 0 ? direct : normal ? before.pool.normal : before.pool.priority
            if (!before.pool.directIds.has(ticket.id) && direct.length > 0) {
              throw new Error(`${ticket.code} called before a ticket transferred here`)
            }
            if (Math.min(...pool) < ticket.issuedAt)
              throw new Error(`${ticket.code} called before an earlier arrival`)
            // The starvation bound.
            if (!normal && before.pool.anyNormal && before.streak >= K) {
              throw new Error(`priority call after ${before.streak} in a row while normal tickets waited`)
            }
            if (normal && before.pool.anyPriority && before.streak < K) {
              throw new Error('normal ticket called while a priority ticket was due')
            }
          }
        }
        checkPlaces(engine)
      }
      // The log alone rebuilds the same hall (what a restart does).
      const rebuilt = createHall(emptyState('2026-11-23'))
      for (const event of log) evolve(rebuilt, event)
      if (JSON.stringify(rebuilt.state) !== JSON.stringify(engine.state)) throw new Error('replay differs')
    }),
    { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 200) },
  )
  t.pass('invariants held over random hall days')
  t.end()
})

/** Every ticket is in exactly one place: in a lane if waiting, at exactly one window if called or serving. */
function checkPlaces(engine: HallEngine): void {
  const atWindows = new Map<string, string>()
  for (const window of Object.values(engine.state.windows)) {
    if (window.currentTicketId === null) continue
    if (atWindows.has(window.currentTicketId)) throw new Error(`${window.currentTicketId} at two windows`)
    atWindows.set(window.currentTicketId, window.id)
  }
  let waiting = 0
  for (const ticket of Object.values(engine.state.tickets)) {
    const at = atWindows.get(ticket.id)
    if (ticket.status === 'called' || ticket.status === 'serving') {
      if (at !== ticket.windowId)
        throw new Error(`${ticket.code} is ${ticket.status} but not current at its window`)
    } else if (at !== undefined) {
      throw new Error(`${ticket.code} is ${ticket.status} but still current at window ${at}`)
    }
    if (isWaiting(ticket)) waiting++
  }
  const laned = testConfig.queues.reduce((n, q) => n + engine.hall.index.waitingInQueue(q.id), 0)
  const direct = Object.values(engine.state.tickets).filter(
    (x) => x.status === 'transferred' && x.transferWindowId,
  ).length
  if (laned + direct !== waiting)
    throw new Error(`lanes hold ${laned + direct} tickets, ${waiting} are waiting`)
}
