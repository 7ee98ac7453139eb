import t from 'tap'
import { type DomainEvent, type LoggedEvent, waitingTrend } from '../src/index.js'

const MIN = 60_000
const T0 = Date.parse('2026-11-23T09:00:00+08:00')

function issued(id: string, queueId: string, at: number): LoggedEvent {
  const ticket = { id, queueId } as Extract<DomainEvent, { type: 'ticket.issued' }>['ticket']
  return { at, event: { type: 'ticket.issued', ticket, localHour: 9 } }
}
const called = (ticketId: string, at: number): LoggedEvent => ({
  at,
  event: { type: 'ticket.called', ticketId, windowId: '1', at, byPolicy: 'normal' } as DomainEvent,
})

t.test(
  'a ticket waits from its issue to its first call; transfers wait again; samples every step',
  async (t) => {
    const events: LoggedEvent[] = [
      { at: T0 - 60 * MIN, event: { type: 'day.opened', date: '2026-11-23', at: T0 - 60 * MIN } },
      issued('a1', 'market', T0 + 1 * MIN),
      issued('a2', 'market', T0 + 2 * MIN),
      issued('b1', 'public', T0 + 3 * MIN),
      called('a1', T0 + 6 * MIN),
      {
        at: T0 + 8 * MIN,
        event: {
          type: 'ticket.transferred',
          ticketId: 'a1',
          fromWindowId: '1',
          toQueueId: 'public',
          toWindowId: null,
          at: T0 + 8 * MIN,
        },
      },
      { at: T0 + 9 * MIN, event: { type: 'ticket.cancelled', ticketId: 'a2', at: T0 + 9 * MIN, reason: '' } },
      called('a1', T0 + 12 * MIN),
    ]
    const trend = waitingTrend(events, ['market', 'public', 'relief'], T0 + 13 * MIN, 5 * MIN)
    t.same(
      trend.times.map((x) => (x - T0) / MIN),
      [0, 5, 10, 13],
      'from the step before the first issue, then now',
    )
    t.same(trend.counts, {
      market: [0, 2, 0, 0],
      public: [0, 1, 2, 1],
      relief: [0, 0, 0, 0],
    })
  },
)

t.test('a new day starts from nobody waiting; no ticket, no samples', async (t) => {
  const events: LoggedEvent[] = [
    issued('old', 'market', T0 - 24 * 60 * MIN),
    { at: T0, event: { type: 'day.opened', date: '2026-11-23', at: T0 } },
    issued('new', 'market', T0 + MIN),
  ]
  const trend = waitingTrend(events, ['market'], T0 + 2 * MIN, 5 * MIN)
  t.same(trend.counts['market']?.at(-1), 1, 'yesterday’s unanswered ticket is not counted')
  t.same(waitingTrend([], ['market'], T0, 5 * MIN), { times: [], counts: { market: [] } })
})
