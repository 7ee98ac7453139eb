import type { Ticket } from '@hall/domain'
import { WaitingIndex, waitingForWindow } from '@hall/domain'
import type { TicketView } from '@hall/protocol'
import fc from 'fast-check'
import t from 'tap'
import { snapshot, T0, ticket, window } from './support/fixtures.js'

/** The console's waiting list must be the order the server's "call next" would take. */

const QUEUES = ['market', 'general', 'public'] as const

const asServerTicket = (view: TicketView): Ticket => ({
  ...view,
  firstCalledAt: null,
  applicant: null,
})

t.test(
  'priority first within the streak rule; a ticket transferred here leads the normal ones',
  async (t) => {
    const tickets = [
      ticket('A001', 'market', T0),
      ticket('A002', 'market', T0 + 1000, { priority: 'elderly' }),
      ticket('D001', 'general', T0 + 2000),
      ticket('A003', 'market', T0 + 3000, { priority: 'elderly' }),
      ticket('A004', 'market', T0 + 4000, { priority: 'disabled' }),
      ticket('B001', 'public', T0 + 500, { status: 'transferred', transferWindowId: '1' }),
      ticket('B002', 'public', T0 + 100),
    ]
    const order = waitingForWindow(snapshot({ tickets }), '1').map((e) => e.ticket.code)
    // Two priority calls in a row, then the best normal one (the transfer), then priority again.
    t.same(order, ['A002', 'A003', 'B001', 'A004', 'A001', 'D001'])
    const entries = waitingForWindow(snapshot({ tickets }), '1')
    t.ok(entries[0]?.priority)
    t.ok(entries[2]?.transferredHere)
    t.notOk(
      entries.some((e) => e.ticket.code === 'B002'),
      'window 1 does not serve the public queue',
    )
  },
)

t.test('matches the server’s calling rule on random halls', async (t) => {
  const arbTicket = fc.record({
    queue: fc.constantFrom(...QUEUES),
    offset: fc.integer({ min: 0, max: 50 }),
    priority: fc.boolean(),
    transfer: fc.constantFrom('none', 'queue', 'window-1', 'window-2'),
  })
  fc.assert(
    fc.property(
      fc.array(arbTicket, { maxLength: 25 }),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 1, max: 3 }),
      fc.constantFrom(0, 5),
      (specs, streak, maxConsecutivePriority, preferenceMinutes) => {
        const views = specs.map((spec, i) =>
          ticket(`X${String(i).padStart(3, '0')}`, spec.queue, T0 + spec.offset * 60_000, {
            id: `t${i}`,
            number: i + 1,
            priority: spec.priority ? 'elderly' : 'normal',
            ...(spec.transfer === 'none'
              ? {}
              : {
                  status: 'transferred' as const,
                  transferQueueId: spec.transfer === 'queue' ? 'market' : null,
                  transferWindowId: spec.transfer.startsWith('window') ? spec.transfer.slice(7) : null,
                }),
          }),
        )
        const win = window('1', ['market', 'general'], { priorityStreak: streak })
        const policy = { elderlyAge: 70, maxConsecutivePriority, preferenceMinutes }
        const ours = waitingForWindow(snapshot({ tickets: views, windows: [win] }), '1', policy).map(
          (e) => e.ticket.id,
        )
        const server: string[] = []
        const byId = Object.fromEntries(views.map((v) => [v.id, asServerTicket(v)]))
        const index = WaitingIndex.rebuild(byId)
        const state = {
          id: '1',
          status: 'open' as const,
          pauseReason: null,
          statusSince: T0,
          staffNo: '1001',
          currentTicketId: null,
          openCaseId: null,
          priorityStreak: streak,
        }
        const config = {
          id: '1',
          number: 1,
          name: '1号窗口',
          queueIds: ['market', 'general'],
          postA: null,
          postB: null,
        }
        for (
          let pick = index.pickNext(config, state, policy);
          pick;
          pick = index.pickNext(config, state, policy)
        ) {
          server.push(pick.ticketId)
          index.remove(byId[pick.ticketId] as Ticket)
          state.priorityStreak = pick.byPolicy === 'priority' ? state.priorityStreak + 1 : 0
        }
        return JSON.stringify(ours) === JSON.stringify(server)
      },
    ),
    { numRuns: 500 },
  )
  t.pass('500 random halls agree')
})
