import t from 'tap'
import { type AnnouncerPort, createAnnouncer } from '../src/store/announcer.js'
import { call, T0 } from './support/fixtures.js'

/** A port that plays instantly but asynchronously, and notes overlaps. */
function fakePort(options: { failLoad?: (code: string) => unknown; failPlay?: () => unknown } = {}) {
  const events: string[] = []
  let playing = 0
  let maxPlaying = 0
  let loads = 0
  const port: AnnouncerPort = {
    async load(code, windowNumber) {
      loads++
      await new Promise((r) => setImmediate(r))
      const failure = options.failLoad?.(code)
      if (failure) throw failure
      return `audio:${code}@${windowNumber}`
    },
    async play(url) {
      const failure = options.failPlay?.()
      if (failure) throw failure
      playing++
      maxPlaying = Math.max(maxPlaying, playing)
      events.push(`start ${url}`)
      await new Promise((r) => setTimeout(r, 5))
      events.push(`end ${url}`)
      playing--
    },
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 2))),
    clock: () => T0,
  }
  return { port, events, overlaps: () => maxPlaying, loads: () => loads }
}

t.test('each call is played `repeat` times, one announcement at a time, in order', async (t) => {
  const fake = fakePort()
  const announcer = createAnnouncer(fake.port, { repeat: () => 2 })
  announcer.enqueue(call('A001', 1, T0))
  await announcer.idle()
  announcer.enqueue(call('A002', 2, T0))
  await announcer.idle()
  t.same(fake.events, [
    'start audio:A001@1',
    'end audio:A001@1',
    'start audio:A001@1',
    'end audio:A001@1',
    'start audio:A002@2',
    'end audio:A002@2',
    'start audio:A002@2',
    'end audio:A002@2',
  ])
  t.equal(fake.overlaps(), 1, 'never two at once')
  t.same(
    announcer.history().map((r) => [r.code, r.state, r.plays]),
    [
      ['A001', 'done', 2],
      ['A002', 'done', 2],
    ],
  )
  t.equal(announcer.state.value, 'ready')
})

t.test(
  'a burst: no overlap; when calls pile up each is said once; a newer call of a ticket replaces it',
  async (t) => {
    const fake = fakePort()
    const announcer = createAnnouncer(fake.port, { repeat: () => 3 })
    announcer.enqueue(call('A001', 1, T0))
    announcer.enqueue(call('A002', 2, T0))
    announcer.enqueue(call('A003', 3, T0))
    announcer.enqueue(call('A004', 4, T0))
    announcer.enqueue(call('A003', 3, T0 + 10, 1))
    await announcer.idle()
    t.equal(fake.overlaps(), 1)
    const played = fake.events.filter((e) => e.startsWith('start')).map((e) => e.slice(12))
    // Said once while two or more wait behind; in full again once the backlog is short.
    t.same(played, ['A001@1', 'A002@2', 'A004@4', 'A004@4', 'A004@4', 'A003@3', 'A003@3', 'A003@3'])
    const states = announcer.history().map((r) => `${r.code}/${r.recall}:${r.state}`)
    t.same(states, ['A001/0:done', 'A002/0:done', 'A003/0:dropped', 'A004/0:done', 'A003/1:done'])
  },
)

t.test('without sound the display carries on', async (t) => {
  const unavailable = fakePort({
    failLoad: () => Object.assign(new Error('503'), { code: 'AUDIO_UNAVAILABLE' }),
  })
  const a = createAnnouncer(unavailable.port, { repeat: () => 2 })
  a.enqueue(call('A001', 1, T0))
  a.enqueue(call('A002', 1, T0))
  await a.idle()
  t.equal(a.state.value, 'unavailable')
  t.same(
    a.history().map((r) => r.error),
    ['AUDIO_UNAVAILABLE', 'AUDIO_UNAVAILABLE'],
  )

  const blocked = fakePort({ failPlay: () => Object.assign(new Error('no'), { name: 'NotAllowedError' }) })
  const b = createAnnouncer(blocked.port, { repeat: () => 2 })
  b.enqueue(call('A001', 1, T0))
  await b.idle()
  t.equal(b.state.value, 'blocked', 'the screen can ask for a tap')
  b.unblock()
  t.equal(b.state.value, 'ready')
})

t.test('a call that waited too long for its turn is dropped', async (t) => {
  const fake = fakePort()
  let now = T0 + 600_000
  const a = createAnnouncer(fake.port, { repeat: () => 1, maxAgeMs: 120_000, callClock: () => now })
  a.enqueue(call('A001', 1, T0))
  await a.idle()
  t.equal(a.history()[0]?.state, 'dropped')
  now = T0 + 1000
  a.enqueue(call('A002', 1, T0))
  await a.idle()
  t.equal(a.history()[1]?.state, 'done')
})
