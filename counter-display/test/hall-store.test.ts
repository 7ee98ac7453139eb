import { createFollower, type HallFollower } from '@hall/client'
import type { CallView, Delta, HallSnapshot } from '@hall/protocol'
import t from 'tap'
import { createHallStore } from '../src/store/hall-store.js'
import { call, snapshot, T0, ticket } from './support/fixtures.js'

const delta = (seq: number, prevSeq: number, changes: Delta['changes'], at = T0 + seq): Delta => ({
  seq,
  prevSeq,
  at,
  changes,
})

const settled = () => new Promise((resolve) => setImmediate(resolve))

/** A store fed by the shared follower, as at boot; resyncs are answered from `answers` (null: fails). */
function followed(clock: () => number, answers: (HallSnapshot | null)[] = []) {
  const store = createHallStore(clock)
  const asked = { count: 0 }
  const follower: HallFollower = createFollower({
    resync: async () => {
      asked.count++
      const answer = answers.shift()
      if (!answer) throw new Error('offline')
      return answer
    },
  })
  store.follow(follower)
  return { store, follower, asked }
}

t.test('a snapshot, then chained deltas from the follower; a gap shows the resync answer', async (t) => {
  let local = T0
  const { store, follower, asked } = followed(() => local, [null, snapshot({ seq: 13, at: T0 + 13 })])
  follower.receiveDelta(delta(11, 10, []))
  t.equal(asked.count, 1, 'nothing to apply to before the snapshot: a resync')
  await settled()
  t.equal(store.snapshot.value, null, 'which failed; still nothing shown')
  follower.receiveSnapshot(snapshot({ seq: 10 }))
  const issued = ticket('A001', 'market', T0)
  follower.receiveDelta(delta(11, 10, [{ kind: 'ticket', ticket: issued }]))
  t.equal(store.snapshot.value?.tickets.length, 1)
  follower.receiveDelta(delta(11, 10, []))
  t.equal(store.snapshot.value?.tickets.length, 1, 'a stale delta changes nothing')
  follower.receiveDelta(delta(12, 10, []))
  t.equal(asked.count, 2, 'a gap: resync')
  t.equal(store.snapshot.value?.seq, 11)
  await settled()
  t.equal(store.snapshot.value?.seq, 13, 'the answer is shown')
  follower.receiveDelta(delta(14, 13, []))
  t.equal(store.snapshot.value?.seq, 14)
  local = T0 + 5000
  store.tick()
  t.ok(Math.abs(store.now.value - (T0 + 14 + 5000)) < 20, 'the server clock moves on with the local one')
})

t.test('each call is announced once; the first snapshot announces nothing', async (t) => {
  const { store, follower } = followed(() => T0)
  const heard: string[] = []
  store.onCall((c: CallView) => heard.push(`${c.code}/${c.recall}`))
  follower.receiveSnapshot(snapshot({ seq: 10, recentCalls: [call('A001', 1, T0 - 1000)] }))
  t.same(heard, [], 'calls already made when the screen opened are not announced')
  follower.receiveDelta(delta(11, 10, [{ kind: 'call', call: call('A002', 1, T0 + 100) }]))
  follower.receiveDelta(delta(12, 11, [{ kind: 'call', call: call('A002', 1, T0 + 5000, 1) }]))
  t.same(heard, ['A002/0', 'A002/1'], 'a recall is announced again')
  follower.receiveSnapshot(
    snapshot({
      seq: 20,
      at: T0 + 20_000,
      recentCalls: [call('A003', 2, T0 + 15_000), call('A002', 1, T0 + 5000, 1), call('A002', 1, T0 + 100)],
    }),
  )
  t.same(heard, ['A002/0', 'A002/1', 'A003/0'], 'after a reconnection, a call missed meanwhile is announced')
  follower.receiveSnapshot(
    snapshot({ seq: 30, at: T0 + 200_000, recentCalls: [call('A009', 2, T0 + 60_000)] }),
  )
  t.same(heard.length, 3, 'but not one made long ago')
})

t.test('print outcomes are kept for the counter, newest first', async (t) => {
  const store = createHallStore(() => T0)
  store.receivePrintOutcome({ jobId: 'a', ok: true, message: null })
  store.receivePrintOutcome({ jobId: 'b', ok: false, message: '打印机缺纸' })
  t.same(
    store.printOutcomes.value.map((o) => o.jobId),
    ['b', 'a'],
  )
  store.setLink('offline')
  t.equal(store.link.value, 'offline')
})
