import type { HallSnapshot } from '@hall/protocol'
import fc from 'fast-check'
import t from 'tap'
import {
  type Command,
  createCalendar,
  type DomainConfig,
  type DomainEvent,
  HallEngine,
  hallInfo,
  isWaiting,
  ticketView,
  waitingForWindow,
  windowView,
} from '../src/index.js'
import { issue, MONDAY_9AM, newEngine, testAlarms, testConfig } from './fixture.js'

/**
 * The clerk console's waiting list ("next to be called") against the server's real calls: a random
 * hall day runs through the engine, the screen's list is computed from the wire views the server
 * would send, and then the window presses "call next" until nobody is left. The tickets it calls,
 * in order, must be the list.
 */

const windows = testConfig.windows.map((w) => w.id)
const queues = testConfig.queues.map((q) => q.id)

type Step =
  | { kind: 'issue'; queue: number; priority: boolean }
  | { kind: 'callNext'; window: number }
  | { kind: 'skip'; window: number }
  | { kind: 'complete'; window: number }
  | { kind: 'transfer'; window: number; toQueue: number | null; toWindow: number }
  | { kind: 'callTicket'; window: number; pick: number }
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
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('callNext' as const), window: w }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('skip' as const), window: w }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('complete' as const), window: w }) },
  {
    weight: 2,
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
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 600_000 }) }),
  },
)

function commandOf(engine: HallEngine, s: Step): Command | null {
  const win = (i: number) => windows[i] as string
  switch (s.kind) {
    case 'issue':
      return issue(queues[s.queue] as string, s.priority ? 'elderly' : 'normal')
    case 'callNext':
    case 'skip':
    case 'complete':
      return { type: s.kind, windowId: win(s.window) }
    case 'transfer':
      return {
        type: 'transfer',
        windowId: win(s.window),
        toQueueId: s.toQueue === null ? null : (queues[s.toQueue] as string),
        toWindowId: s.toQueue === null ? win(s.toWindow) : null,
      }
    case 'callTicket': {
      const ids = Object.keys(engine.state.tickets)
      if (ids.length === 0) return null
      return { type: 'callTicket', windowId: win(s.window), ticketId: ids[s.pick % ids.length] as string }
    }
    case 'wait':
      return null
  }
}

/** What the screen holds: the parts of the server's snapshot the waiting list reads, as views. */
function screenSnapshot(engine: HallEngine, now: number): HallSnapshot {
  const ctx = engine.context(now)
  const display = { notice: '', announceRepeat: 1, consultPhone: null }
  return {
    seq: 0,
    at: now,
    hall: hallInfo(ctx, engine.state.businessDate, display),
    queues: [],
    windows: testConfig.windows.flatMap((win) => windowView(engine.hall, ctx, win.id) ?? []),
    tickets: Object.values(engine.state.tickets)
      .filter((ticket) => isWaiting(ticket) || ticket.status === 'called' || ticket.status === 'serving')
      .map(ticketView),
    recentCalls: [],
    cases: [],
    followUps: [],
    alarms: [],
    devices: [],
    stats: engine.state.stats,
  }
}

/** Presses "call next" at the window until nobody is left; the tickets called, in order. */
function drain(
  engine: HallEngine,
  windowId: string,
  now: number,
): { called: string[]; last: string | undefined } {
  const called: string[] = []
  for (;;) {
    const outcome = engine.execute({ type: 'callNext', windowId }, now)
    if (outcome.refusal) return { called, last: outcome.refusal.code }
    for (const event of outcome.events) if (event.type === 'ticket.called') called.push(event.ticketId)
  }
}

t.test('the console’s waiting list is the order the server’s “call next” takes', async (t) => {
  let runs = 0
  fc.assert(
    fc.property(
      fc.array(step, { maxLength: 60 }),
      fc.nat(windows.length - 1),
      fc.integer({ min: 1, max: 3 }),
      fc.constantFrom(0, 5),
      (steps, watched, maxConsecutivePriority, preferenceMinutes) => {
        const config: DomainConfig = {
          ...testConfig,
          priority: { ...testConfig.priority, maxConsecutivePriority, preferenceMinutes },
        }
        const engine = newEngine(config)
        const log: DomainEvent[] = []
        let now = MONDAY_9AM
        const run = (cmd: Command) => log.push(...engine.execute(cmd, now).events)
        testConfig.windows.forEach((win, i) => {
          run({ type: 'signIn', windowId: win.id, staffNo: ['S01', 'S02', 'S03'][i] as string })
        })
        for (const s of steps) {
          if (s.kind === 'wait') now += s.ms
          const cmd = commandOf(engine, s)
          if (cmd) run(cmd)
        }
        const windowId = windows[watched] as string
        const shown = waitingForWindow(screenSnapshot(engine, now), windowId, undefined, 10_000)
        // The server side: the same log restored into a fresh engine, as after a restart.
        const server = newEngine(config)
        server.replay(log)
        const { called, last } = drain(server, windowId, now)
        runs++
        return (
          last === 'NO_WAITING' && JSON.stringify(shown.map((e) => e.ticket.id)) === JSON.stringify(called)
        )
      },
    ),
    { numRuns: 400 },
  )
  t.equal(runs, 400, '400 random hall days: the list and the calls agree')
})

t.test('tickets of the same millisecond keep their order across a restore', async (t) => {
  // Found by the property above: A001 transferred into the relief queue in the same millisecond as
  // C001 was issued there. Live, the index put A001 after C001; rebuilt, before it.
  const engine = newEngine()
  const now = MONDAY_9AM
  const run = (cmd: Command) => t.equal(engine.execute(cmd, now).refusal, null, cmd.type)
  run({ type: 'signIn', windowId: '3', staffNo: 'S03' })
  run({ type: 'signIn', windowId: '2', staffNo: 'S02' })
  run(issue('market', 'elderly'))
  run({ type: 'callNext', windowId: '3' })
  run(issue('relief', 'elderly'))
  run({ type: 'transfer', windowId: '3', toQueueId: 'relief', toWindowId: null })
  const restored = new HallEngine(structuredClone(engine.state), {
    config: testConfig,
    calendar: createCalendar({ holidays: [], workdays: [] }),
    alarms: testAlarms,
  })
  const codes = (e: HallEngine) => drain(e, '2', now).called.map((id) => e.state.tickets[id]?.code)
  const live = codes(engine)
  t.same(live, ['A001', 'C001'], 'equal time and number: by id')
  t.same(codes(restored), live)
})
