import t from 'tap'
import { addSample, EMPTY_TREND } from '../src/store/waiting-trend.js'
import { queue, T0 } from './support/fixtures.js'

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
