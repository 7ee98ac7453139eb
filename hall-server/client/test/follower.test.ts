import type { Delta, HallSnapshot } from '@hall/protocol'
import t from 'tap'
import { connectHall, createFollower, type FollowerUpdate, followHall, hallApi } from '../src/index.js'
import { startRealHall, stateWhere, ticketCodes, updateWhere } from './real-hall.js'

/** The follower against a real hall server: snapshot, chained deltas, gaps, lost connections. */

t.test('a snapshot first, then every delta in order, each chained to the state before it', async (t) => {
  const hall = await startRealHall()
  t.teardown(() => hall.close())
  const link = connectHall({ url: hall.url, token: hall.tokens['display-1']! })
  t.teardown(() => link.close())
  const follower = followHall(link)
  const updates: FollowerUpdate[] = []
  follower.subscribe((u) => updates.push(u))
  await stateWhere(follower, () => true, 'the first snapshot')

  const kiosk = hallApi({ baseUrl: hall.url, token: () => hall.tokens['kiosk-1']! })
  for (let i = 0; i < 5; i++) await kiosk('issueTicket', { body: { queueId: 'public', print: false } })
  const state = await stateWhere(follower, (s) => s.tickets.length === 5, 'five tickets')

  t.equal(updates[0]?.kind, 'snapshot', 'the snapshot comes first')
  let seq = updates[0]!.state.seq
  for (const update of updates.slice(1)) {
    t.equal(update.kind, 'delta', 'then only deltas')
    if (update.kind !== 'delta') continue
    t.equal(update.delta.prevSeq, seq, `delta ${update.delta.seq} follows ${seq}`)
    t.equal(update.state.seq, update.delta.seq)
    seq = update.delta.seq
  }
  t.same(ticketCodes(state), ['B001', 'B002', 'B003', 'B004', 'B005'])
  const truth = await link.resync()
  t.same(ticketCodes(truth), ticketCodes(follower.state), 'the copy is the server’s state')
  t.equal(follower.state?.queues.find((q) => q.id === 'public')?.waiting, 5)
})

t.test('a gap in the delta sequence makes the follower resync, and it catches up', async (t) => {
  const hall = await startRealHall()
  t.teardown(() => hall.close())
  const link = connectHall({ url: hall.url, token: hall.tokens['display-1']! })
  t.teardown(() => link.close())
  const follower = createFollower({ resync: () => link.resync() })
  // Fed by hand so that one delta can be lost on the way.
  let dropped: Delta | null = null
  link.socket.on('snapshot', (s) => follower.receiveSnapshot(s))
  link.socket.on('delta', (delta) => {
    if (dropped === null && delta.changes.some((c) => c.kind === 'ticket')) {
      dropped = delta
      return
    }
    follower.receiveDelta(delta)
  })
  await stateWhere(follower, () => true, 'the first snapshot')
  const resynced = updateWhere(follower, (u) => u.kind === 'snapshot' && u.source === 'resync', 'a resync')

  const kiosk = hallApi({ baseUrl: hall.url, token: () => hall.tokens['kiosk-1']! })
  for (let i = 0; i < 3; i++) await kiosk('issueTicket', { body: { queueId: 'public', print: false } })
  const answer = await resynced
  t.ok(dropped, 'a ticket delta was lost')
  t.ok(answer.state.seq >= (dropped as Delta | null)!.seq, 'the resync answer contains the lost delta')
  const state = await stateWhere(follower, (s) => s.tickets.length === 3, 'three tickets')
  t.same(ticketCodes(state), ['B001', 'B002', 'B003'], 'the lost ticket is there after all')
})

t.test('after a dropped connection the follower takes the fresh snapshot', async (t) => {
  const hall = await startRealHall()
  t.teardown(() => hall.close())
  const link = connectHall({ url: hall.url, token: hall.tokens['display-1']! })
  t.teardown(() => link.close())
  const follower = followHall(link)
  const before = await stateWhere(follower, () => true, 'the first snapshot')

  // The network goes away, and socket.io is held back from reconnecting while the hall moves on.
  const manager = link.socket.io
  manager.reconnection(false)
  const gone = new Promise((resolve) => link.socket.once('disconnect', resolve))
  manager.engine.close()
  t.ok(await gone, 'disconnected')
  const kiosk = hallApi({ baseUrl: hall.url, token: () => hall.tokens['kiosk-1']! })
  for (let i = 0; i < 3; i++) await kiosk('issueTicket', { body: { queueId: 'public', print: false } })
  t.same(ticketCodes(follower.state), [], 'nothing reached the follower while away')

  const fresh = updateWhere(follower, (u) => u.kind === 'snapshot', 'the snapshot after reconnecting')
  manager.reconnection(true)
  link.socket.connect()
  const update = await fresh
  t.equal(update.kind === 'snapshot' && update.source, 'server', 'the server sent it on connection')
  t.ok(update.state.seq > before.seq)
  t.same(ticketCodes(follower.state), ['B001', 'B002', 'B003'], 'what happened meanwhile is in it')
})

t.test('the link reconnects by itself after the server restarts, and the follower catches up', async (t) => {
  const hall = await startRealHall()
  t.teardown(() => hall.close())
  const statuses: string[] = []
  const link = connectHall({
    url: hall.url,
    token: hall.tokens['display-1']!,
    reconnect: { initialDelayMs: 100, maxDelayMs: 400 },
    onChange: (c) => statuses.push(c.status),
  })
  t.teardown(() => link.close())
  const follower = followHall(link)
  await stateWhere(follower, () => true, 'the first snapshot')
  const kiosk = hallApi({ baseUrl: hall.url, token: () => hall.tokens['kiosk-1']! })
  await kiosk('issueTicket', { body: { queueId: 'public', print: false } })
  await stateWhere(follower, (s) => s.tickets.length === 1, 'the first ticket')

  const offline = new Promise<void>((resolve) => link.socket.once('disconnect', () => resolve()))
  await hall.stop()
  await offline
  t.equal(link.status, 'offline')
  await hall.restart()
  const again = updateWhere(follower, (u) => u.kind === 'snapshot' && u.source === 'server', 'a new snapshot')
  await kiosk('issueTicket', { body: { queueId: 'public', print: false } })
  await again
  const state = await stateWhere(follower, (s) => s.tickets.length === 2, 'both tickets')
  t.same(ticketCodes(state), ['B001', 'B002'])
  t.equal(link.status, 'online')
  t.same(statuses.slice(0, 2), ['connecting', 'online'])
  t.ok(statuses.lastIndexOf('offline') > 1 && statuses.at(-1) === 'online', 'offline, then online again')
})

t.test('deltas that come during a resync are folded in after its answer, in order', async (t) => {
  const base = { hall: {}, queues: [], tickets: [], at: 0 } as unknown as HallSnapshot
  let answer: (s: HallSnapshot) => void = () => {}
  let asked = 0
  const follower = createFollower({
    resync: () => {
      asked++
      return new Promise((resolve) => {
        answer = resolve
      })
    },
  })
  const seqs: string[] = []
  follower.subscribe((u) => seqs.push(`${u.kind}:${u.state.seq}`))
  const delta = (seq: number): Delta => ({ seq, prevSeq: seq - 1, at: seq, changes: [] })
  follower.receiveSnapshot({ ...base, seq: 1 })
  follower.receiveDelta(delta(2))
  follower.receiveDelta(delta(4))
  t.equal(asked, 1, 'delta 3 is missing: a resync')
  t.ok(follower.resyncing)
  follower.receiveDelta(delta(5))
  follower.receiveDelta(delta(6))
  t.equal(asked, 1, 'one resync at a time')
  answer({ ...base, seq: 4 })
  await Promise.resolve()
  t.notOk(follower.resyncing)
  t.same(
    seqs,
    ['snapshot:1', 'delta:2', 'snapshot:4', 'delta:5', 'delta:6'],
    'stale 4 skipped, 5 and 6 chain',
  )
  t.equal(asked, 1, 'and no second resync')
})
