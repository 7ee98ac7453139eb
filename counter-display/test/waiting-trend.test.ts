import type { HallSnapshot, WaitingTrendView } from '@hall/protocol'
import { signal } from '@preact/signals'
import t from 'tap'
import { addSample, createWaitingTrend, EMPTY_TREND, withHistory } from '../src/store/waiting-trend.js'
import { queue, snapshot, T0 } from './support/fixtures.js'

t.test('samples per queue; a late queue starts with zeros; only the last samples are kept', async (t) => {
  let trend = addSample(EMPTY_TREND, T0, [queue('market', 'A', 3)], 3)
  trend = addSample(trend, T0 + 15_000, [queue('market', 'A', 4), queue('public', 'B', 1)], 3)
  t.same(trend.names, ['market队列', 'public队列'])
  t.same(trend.counts, [
    [3, 4],
    [0, 1],
  ])
  trend = addSample(trend, T0 + 30_000, [queue('market', 'A', 2)], 3)
  trend = addSample(trend, T0 + 45_000, [queue('market', 'A', 1)], 3)
  t.equal(trend.times.length, 3)
  t.equal(trend.times[0], Math.floor((T0 + 15_000) / 1000))
  t.same(trend.counts, [
    [4, 2, 1],
    [1, 0, 0],
  ])
})

t.test('the server’s history comes before the live samples; queues line up by id', async (t) => {
  const live = addSample(EMPTY_TREND, T0, [queue('market', 'A', 3), queue('local', 'E', 1)], 10)
  const history = {
    businessDate: '2026-11-23',
    stepMinutes: 5,
    times: [T0 - 600_000, T0 - 300_000, T0, T0 + 5_000],
    queues: [
      { queueId: 'market', name: '市场准入', counts: [1, 2, 3, 3] },
      { queueId: 'public', name: '公共服务', counts: [0, 1, 0, 0] },
    ],
  }
  const merged = withHistory(live, history)
  t.same(
    merged.times,
    [(T0 - 600_000) / 1000, (T0 - 300_000) / 1000, T0 / 1000],
    'history up to the first live sample',
  )
  t.same(merged.queueIds, ['market', 'public', 'local'])
  t.same(merged.counts, [
    [1, 2, 3],
    [0, 1, 0],
    [0, 0, 1],
  ])
  t.same(withHistory(live, null), live, 'no history yet: the live samples alone')
})

t.test('the first sample when the hall arrives, with the history fetched at start', async (t) => {
  const hall = signal<HallSnapshot | null>(null)
  const now = signal(T0)
  const history: WaitingTrendView = {
    businessDate: '2026-11-23',
    stepMinutes: 5,
    times: [T0 - 300_000],
    queues: [{ queueId: 'market', name: '市场准入', counts: [4] }],
  }
  const source = createWaitingTrend(hall, now, async () => history, { everyMs: 60_000 })
  const stop = source.start()
  t.teardown(stop)
  await new Promise((r) => setTimeout(r, 0))
  t.same(source.trend.value.times, [(T0 - 300_000) / 1000], 'only the history while no hall yet')
  hall.value = snapshot({ queues: [queue('market', 'A', 2)] })
  t.same(source.trend.value.times, [(T0 - 300_000) / 1000, T0 / 1000], 'sampled at once')
  t.same(source.trend.value.counts, [[4, 2]])
})
