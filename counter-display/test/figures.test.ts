import t from 'tap'
import {
  averageServiceSec,
  averageWaitSec,
  followUpsToShow,
  hourlySeries,
  isOverdue,
  longestWaitSec,
  pendingToShow,
  postState,
  promiseLabel,
  satisfaction,
  unstaffedWindowIds,
} from '../src/lib/figures.js'
import { finishedCase, queue, staff, stats, T0, window } from './support/fixtures.js'

t.test('satisfaction: share of 非常满意+满意 among the rated; 未评价 apart', async (t) => {
  const s = satisfaction({
    very_satisfied: 6,
    satisfied: 2,
    basically_satisfied: 1,
    dissatisfied: 1,
    unrated: 3,
  })
  t.equal(s.rated, 10)
  t.equal(s.good, 8)
  t.equal(s.bad, 1)
  t.equal(s.share, 0.8)
  t.equal(s.unrated, 3)
  t.equal(s.counts.very_dissatisfied, 0)
  t.equal(satisfaction({ unrated: 2 }).share, null, 'nothing rated: no share')
  t.equal(satisfaction({}).rated, 0)
})

t.test('averages and longest wait', async (t) => {
  t.equal(averageWaitSec(stats()), null)
  t.equal(averageWaitSec(stats({ waitSecTotal: 900, waitCount: 3 })), 300)
  t.equal(averageServiceSec(stats({ serviceSecTotal: 600, serviceCount: 4 })), 150)
  t.equal(longestWaitSec(queue('market', 'A'), T0), null)
  t.equal(longestWaitSec({ ...queue('market', 'A'), oldestWaitingAt: T0 - 90_000 }, T0), 90)
})

t.test('follow-ups: overdue first, then by deadline; closed ones gone', async (t) => {
  const base = {
    caseId: 'c',
    windowId: '1',
    staffNo: '1001',
    level: 'dissatisfied' as const,
    reasons: ['wait'],
    comment: null,
    status: 'open' as const,
    openedAt: T0,
    finding: null,
    reasonable: null,
    verifiedAt: null,
    verifiedBy: null,
    resolution: null,
    closedAt: null,
    closedBy: null,
  }
  const list = [
    { ...base, id: 'later', deadline: T0 + 5 * 86_400_000 },
    { ...base, id: 'overdue', deadline: T0 - 1000 },
    { ...base, id: 'sooner', deadline: T0 + 86_400_000 },
    { ...base, id: 'closed', deadline: T0 - 5000, closedAt: T0 - 10 },
  ]
  t.same(
    followUpsToShow(list, T0).map((f) => f.id),
    ['overdue', 'sooner', 'later'],
  )
  t.ok(isOverdue(list[1] as (typeof list)[number], T0))
  t.notOk(isOverdue(list[3] as (typeof list)[number], T0), 'a closed one is never overdue')
})

t.test('A/B posts and unstaffed windows', async (t) => {
  t.equal(postState(window('1', [])), 'postA')
  t.equal(postState(window('1', [], { staff: staff('1002', '李建国') })), 'postB')
  t.equal(postState(window('1', [], { staff: staff('1005', '孙丽') })), 'other')
  t.equal(postState(window('1', [], { status: 'closed', staff: null })), 'unstaffed')
  const ids = unstaffedWindowIds(
    [window('1', []), window('2', [], { status: 'closed', staff: null })],
    [{ id: 'a', kind: 'window_unstaffed', subject: '1', message: '', since: T0, active: true }],
  )
  t.same([...ids].sort(), ['1', '2'])
})

t.test('hourly series covers business hours and every hour with tickets', async (t) => {
  const byHour = Array.from({ length: 24 }, () => 0)
  byHour[7] = 2
  byHour[10] = 5
  const { hours, counts } = hourlySeries(byHour, 9)
  t.equal(hours[0], 7)
  t.equal(hours.at(-1), 17)
  t.equal(counts[hours.indexOf(10)], 5)
  t.equal(hourlySeries(Array(24).fill(0), 20).hours.at(-1), 20)
})

t.test('promise deadlines: overdue first, then the nearest; undated last', async (t) => {
  t.equal(promiseLabel('2026-11-26', '2026-11-23'), '还剩3天')
  t.equal(promiseLabel('2026-11-23', '2026-11-23'), '今日到期')
  t.equal(promiseLabel('2026-11-20', '2026-11-23'), '已超期3天')
  t.equal(promiseLabel(null, '2026-11-23'), '无承诺期限')
  const promised = (id: string, promiseDeadline: string | null, openedAt = T0) =>
    finishedCase(id, '1', openedAt, { caseType: 'promised', promiseDeadline })
  const order = pendingToShow(
    [
      promised('later', '2026-12-01'),
      promised('undated', null),
      promised('late', '2026-11-20'),
      promised('soon', '2026-11-24'),
      promised('later-too', '2026-12-01', T0 - 1000),
    ],
    '2026-11-23',
  ).map((c) => c.id)
  t.same(order, ['late', 'soon', 'later-too', 'later', 'undated'])
})
