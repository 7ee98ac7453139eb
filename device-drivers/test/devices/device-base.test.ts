// The shared machinery: backoff, mutex, waitress, reconnect and health.
import t from 'tap'
import {
  AsyncMutex,
  backoffDelay,
  DEFAULT_RECONNECT,
  type DeviceHealth,
  Scanner,
  Waitress,
} from '../../src/devices/index.js'
import { consoleLogger, memoryLogger, redact } from '../../src/logger.js'
import { MemoryTransport } from '../../src/transports/index.js'
import { FAST_RECONNECT, nextEvent, sleep } from './helpers.js'

t.test('backoff doubles up to the maximum, with bounded jitter', async (t) => {
  const p = { ...DEFAULT_RECONNECT, jitter: 0 }
  t.same(
    [0, 1, 2, 3, 4, 5, 6].map((a) => backoffDelay(p, a)),
    [500, 1000, 2000, 4000, 8000, 10000, 10000],
  )
  t.equal(
    backoffDelay({ ...p, jitter: 0.2 }, 0, () => 1),
    600,
  )
})

t.test('the mutex runs one request at a time, in order, and survives failures', async (t) => {
  const m = new AsyncMutex()
  const log: string[] = []
  const job = (name: string, ms: number, fail = false) =>
    m.runExclusive(async () => {
      log.push(`start ${name}`)
      await sleep(ms)
      log.push(`end ${name}`)
      if (fail) throw new Error(name)
      return name
    })
  const results = await Promise.allSettled([job('a', 20), job('b', 1, true), job('c', 1)])
  t.same(log, ['start a', 'end a', 'start b', 'end b', 'start c', 'end c'])
  t.same(
    results.map((r) => r.status),
    ['fulfilled', 'rejected', 'fulfilled'],
  )
  t.equal(m.pending, 0)
})

t.test('the waitress hands each frame to the first matching waiter and times out', async (t) => {
  const w = new Waitress<number>()
  const even = w.waitFor(
    (n) => n % 2 === 0,
    1000,
    () => new Error('timeout'),
  )
  const any = w.waitFor(
    () => true,
    1000,
    () => new Error('timeout'),
  )
  t.equal(w.resolve(3), true)
  t.equal(await any.promise, 3)
  t.equal(w.resolve(4), true)
  t.equal(await even.promise, 4)
  t.equal(w.resolve(5), false, 'nobody waits: unsolicited')
  const late = w.waitFor(
    () => true,
    20,
    () => new Error('late'),
  )
  await t.rejects(late.promise, { message: 'late' })
  const gone = w.waitFor(
    () => true,
    1000,
    () => new Error('x'),
  )
  w.rejectAll(new Error('closed'))
  await t.rejects(gone.promise, { message: 'closed' })
  t.equal(w.size, 0)
})

t.test(
  'a missing device is a health state; it connects when it appears and reconnects after unplug',
  async (t) => {
    const [near] = MemoryTransport.pair('base')
    near.unplug()
    const logger = memoryLogger()
    const device = new Scanner({
      transport: near,
      mode: 'line',
      reconnect: FAST_RECONNECT,
      logger,
      name: 'scanner-1',
    })
    const healths: DeviceHealth[] = []
    device.on('health', (h) => {
      healths.push(h)
    })
    await device.start()
    t.teardown(() => device.stop())
    t.match(device.health(), {
      name: 'scanner-1',
      kind: 'scanner',
      connected: false,
      lastErrorCode: 'TRANSPORT_NOT_FOUND',
    })
    near.replug()
    await device.waitConnected(1000)
    t.match(device.health(), { connected: true, lastError: null, reconnects: 0 })
    const gone = nextEvent<[{ kind: string }]>(device, 'disconnected')
    near.unplug()
    t.equal((await gone)[0].kind, 'disconnected')
    t.match(device.health(), { connected: false, lastErrorCode: 'DISCONNECTED' })
    near.replug()
    await device.waitConnected(1000)
    t.equal(device.health().reconnects, 1)
    t.ok(healths.some((h) => !h.connected) && healths.at(-1)?.connected)
    t.ok(logger.entries.some((e) => e.msg === 'connected' && e.ns === 'test'))
    await device.stop()
    t.notOk(near.isOpen)
    near.unplug()
    await sleep(80)
    t.notOk(device.connected, 'no reconnect after stop')
  },
)

t.test('reconnect: false leaves a closed device closed', async (t) => {
  const [near] = MemoryTransport.pair('noretry')
  const device = new Scanner({ transport: near, mode: 'line', reconnect: false })
  await device.start()
  near.unplug()
  near.replug()
  await sleep(50)
  t.notOk(device.connected)
  await device.stop()
})

t.test('consoleLogger writes JSON lines and never personal data in clear', async (t) => {
  const lines: string[] = []
  const log = consoleLogger('agent', {
    level: 'debug',
    stream: { write: (l: string) => lines.push(l) },
  }).child('idcard')
  log.info('read card of 110101195003150112', {
    name: '测试甲',
    idNumber: '110101195003150112',
    cardType: 'resident',
  })
  log.debug('x', { error: new Error('bad 11010119500315011X') })
  const first = JSON.parse(lines[0]!)
  t.match(first, {
    level: 'info',
    ns: 'agent:idcard',
    name: '[redacted]',
    idNumber: '[redacted]',
    cardType: 'resident',
  })
  t.equal(first.msg, 'read card of 110***********0112')
  t.notMatch(lines.join(''), /测试甲|1950031501/)
  t.same(redact(Uint8Array.of(1, 2)), '<2 bytes>')
  const quiet: string[] = []
  consoleLogger('x', { level: 'warn', stream: { write: (l: string) => quiet.push(l) } }).info('hidden')
  t.same(quiet, [])
})
