import { rm } from 'node:fs/promises'
import t from 'tap'
import { loadConfig, pathsFrom } from '../../src/config.js'
import { closeHall, openHall } from '../../src/hall/boot.js'
import { buildApp } from '../../src/http/app.js'
import { MONDAY_9AM, prepareDataDir } from '../helper.js'

/** A clean restart (and a restart from a snapshot plus the log after it) restores the exact hall. */

t.test('restart restores waiting order, windows, current calls, counters', async (t) => {
  const { dir, tokens } = await prepareDataDir()
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const paths = pathsFrom({}, dir)
  const config = await loadConfig(paths.configFile)
  let now = MONDAY_9AM
  const clock = () => now

  const first = await openHall(config, paths, clock)
  const app = await buildApp(first)
  const call = async (method: 'GET' | 'POST', url: string, token: string, payload?: object) => {
    now += 1000
    const res = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    })
    return JSON.parse(res.body)
  }
  for (let i = 0; i < 6; i++)
    await call('POST', '/api/tickets', tokens['kiosk-1']!, {
      queueId: i % 2 ? 'public' : 'market',
      print: false,
    })
  const session = (
    await call('POST', '/api/auth/sign-in', tokens['counter-1']!, { staffNo: '1001', pin: '1001' })
  ).token
  await call('POST', '/api/windows/1/call-next', session)
  const session2 = (
    await call('POST', '/api/auth/sign-in', tokens['counter-2']!, { staffNo: '1002', pin: '1002' })
  ).token
  await call('POST', '/api/windows/2/call-next', session2)
  await call('POST', '/api/windows/2/pause', session2, { reason: '临时离岗' })
  await first.service.writeSnapshot() // a snapshot in the middle: the restart replays only what follows
  await call('POST', '/api/windows/1/transfer', session, { toQueueId: 'public' })
  await call('POST', '/api/windows/1/call-next', session)
  const before = first.service.snapshot()
  await app.close()
  await closeHall(first)

  // Without any snapshot the whole log is replayed; the result must be the same hall.
  const { Db } = await import('../../src/store/db.js')
  const db = await Db.open(paths.dbFile)
  await db.run('DELETE FROM snapshots')
  await db.close()
  const second = await openHall(config, paths, clock)
  t.teardown(() => closeHall(second))
  const after = second.service.snapshot()
  t.same(after.tickets, before.tickets, 'the same tickets in the same states and order')
  t.same(after.windows, before.windows, 'windows: staff, pauses, current calls')
  t.same(after.queues, before.queues, 'waiting counts and counters')
  t.same(after.recentCalls, before.recentCalls)
  t.same(after.stats, before.stats)
  t.equal(after.seq, before.seq)
  t.same(second.service.state.counters, first.service.state.counters)
})
