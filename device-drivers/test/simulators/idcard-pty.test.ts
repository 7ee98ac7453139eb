// IdCardReader against IdCardReaderSimulator over real socat ptys, including unplug and replug.
import { join } from 'node:path'
import t from 'tap'
import type { IdCardRecord } from '../../src/codecs/idcard/index.js'
import { IdCardReader } from '../../src/devices/index.js'
import {
  IdCardReaderSimulator,
  type PtySimulator,
  sampleResidentCard,
  startOnPty,
  stopAllPtyPairs,
} from '../../src/simulators/index.js'
import { createTransport } from '../../src/transports/index.js'
import { FAST_RECONNECT, nextEvent, sleep, tempDir, until } from '../devices/helpers.js'

t.teardown(stopAllPtyPairs)

t.test('place, remove, place again; unplug and a new pty at the configured path', async (t) => {
  const dir = tempDir()
  t.teardown(dir.cleanup)
  const link = join(dir.path, 'idcard')
  const start = (): Promise<PtySimulator<IdCardReaderSimulator>> =>
    startOnPty((transport) => new IdCardReaderSimulator({ transport, chunkSize: 200 }), { link })

  let sim = await start()
  t.teardown(() => sim.stop())
  const reader = new IdCardReader({
    transport: createTransport(`serial:${link}`, { defaultBaudRate: 115200 }),
    pollIntervalMs: 25,
    reconnect: FAST_RECONNECT,
  })
  const cards: IdCardRecord[] = []
  reader.on('card', (record) => {
    cards.push(record)
  })
  await reader.start()
  t.teardown(() => reader.stop())
  t.ok(reader.health().connected)

  sim.simulator.placeCard(sampleResidentCard(0))
  await until(() => cards.length === 1, 'first card')
  t.equal(cards[0]?.name, '测试甲')
  await sleep(120)
  t.equal(cards.length, 1, 'one event per placement')
  sim.simulator.removeCard()
  await sleep(60)
  sim.simulator.placeCard(sampleResidentCard(1))
  await until(() => cards.length === 2, 'second card')

  // Unplug: socat goes away, the link disappears.
  const gone = nextEvent(reader, 'disconnected', 10_000)
  await sim.stop()
  await gone
  t.equal(reader.health().connected, false)
  await sleep(100)
  t.equal(reader.health().lastErrorCode, 'TRANSPORT_NOT_FOUND', 'retrying a path that does not exist')

  // Plug in again: a new pty pair appears at the same path.
  sim = await start()
  await reader.waitConnected(3000)
  t.equal(reader.health().reconnects, 1)
  sim.simulator.placeCard(sampleResidentCard(2))
  await until(() => cards.length === 3, 'card after reconnect')
  t.equal(cards[2]?.name, '测试丙丁')
})
