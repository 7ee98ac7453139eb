// IdCardReader against IdCardReaderSimulator over in-memory transports, and over MockBinding.
import t from 'tap'
import type { IdCardRecord } from '../../src/codecs/idcard/index.js'
import { IdCardReader, type IdCardReaderOptions } from '../../src/devices/index.js'
import { memoryLogger } from '../../src/logger.js'
import { IdCardReaderSimulator, sampleResidentCard } from '../../src/simulators/index.js'
import { MemoryTransport, SerialTransport } from '../../src/transports/index.js'
import {
  FAST_RECONNECT,
  MockBinding,
  type MockPortBinding,
  nextEvent,
  sleep,
  type Teardown,
  until,
} from './helpers.js'

async function setup(t: Teardown, options: Partial<IdCardReaderOptions> = {}, simOptions = {}) {
  const [near, far] = MemoryTransport.pair('idcard')
  const simulator = new IdCardReaderSimulator({ transport: far, ...simOptions })
  await simulator.start()
  const logger = memoryLogger()
  const reader = new IdCardReader({
    transport: near,
    logger,
    pollIntervalMs: 20,
    reconnect: FAST_RECONNECT,
    ...options,
  })
  const cards: IdCardRecord[] = []
  reader.on('card', (record) => {
    cards.push(record)
  })
  await reader.start()
  t.teardown(async () => {
    await reader.stop()
    await simulator.stop()
  })
  return { reader, simulator, cards, logger, near, far }
}

t.test('one card event per placement', async (t) => {
  const { reader, simulator, cards } = await setup(t)
  await until(() => reader.health().samOk === true, 'SAM check')
  const card = sampleResidentCard(0)
  simulator.placeCard(card)
  const [record, read] = await nextEvent<[IdCardRecord, { photo: Uint8Array }]>(reader, 'card')
  t.same(record, card, 'the parsed record equals what was placed')
  t.equal(read.photo.length, 1024)
  const requestsAfterRead = simulator.requests
  await until(() => simulator.requests > requestsAfterRead + 10, 'more polls')
  t.equal(cards.length, 1, 'not reported again while it lies there')
  simulator.removeCard()
  await sleep(60)
  simulator.placeCard(sampleResidentCard(1))
  await until(() => cards.length === 2, 'second card')
  t.equal(cards[1]?.name, '测试乙')
  t.equal(reader.health().cardsRead, 2)
  t.equal(reader.health().lastError, null)
})

t.test('readers that keep finding the card still report it once', async (t) => {
  const { simulator, cards, reader } = await setup(t, {}, { haltAfterRead: false })
  simulator.placeCard(sampleResidentCard(2))
  await until(() => cards.length === 1, 'card')
  const removed = nextEvent(reader, 'cardRemoved')
  await sleep(150)
  t.equal(cards.length, 1)
  simulator.removeCard()
  await removed
  simulator.placeCard(sampleResidentCard(2))
  await until(() => cards.length === 2, 'same card placed again')
})

t.test('a failed read is retried and reported in health, without personal data in the logs', async (t) => {
  const { simulator, cards, reader, logger } = await setup(t)
  const errors: { code: string }[] = []
  reader.on('readError', (e) => errors.push(e))
  simulator.failNextReads(2)
  const card = sampleResidentCard(0)
  simulator.placeCard(card)
  await until(() => cards.length === 1, 'card after retries')
  t.equal(errors.length, 2)
  t.equal(errors[0]?.code, 'STATUS')
  t.equal(reader.health().readErrors, 2)
  const logged = JSON.stringify(logger.entries)
  t.notMatch(logged, card.name)
  t.notMatch(logged, card.idNumber)
  t.notMatch(logged, card.idNumber.slice(-4))
  t.match(logged, /card read/)
})

t.test('reader status errors become health, and clear when the reader recovers', async (t) => {
  const { simulator, reader } = await setup(t)
  simulator.forceStatus(0x66)
  await until(() => reader.health().lastErrorCode === 'STATUS_NOT_AUTHORISED', 'status in health')
  t.match(reader.health().lastError, /机具未经授权/)
  t.ok(reader.health().connected)
  simulator.forceStatus(null)
  await until(() => reader.health().lastError === null, 'recovered')
})

t.test('a silent reader times out; unplug and replug reconnect with backoff', async (t) => {
  const { simulator, reader, near } = await setup(t)
  await until(() => reader.health().samOk === true, 'SAM check')
  const disconnected = nextEvent(reader, 'disconnected', 10_000)
  near.unplug()
  await disconnected
  t.notOk(reader.health().connected)
  await sleep(100)
  t.equal(reader.health().lastErrorCode, 'TRANSPORT_NOT_FOUND', 'retrying, the device is missing')
  near.replug()
  await reader.waitConnected(2000)
  t.equal(reader.health().reconnects, 1)
  simulator.placeCard(sampleResidentCard(0))
  await nextEvent(reader, 'card')
})

t.test('over MockBinding: the same bytes through SerialTransport', async (t) => {
  MockBinding.reset()
  MockBinding.createPort('/dev/ttyUSB0', { echo: false, record: true })
  const transport = new SerialTransport({ path: '/dev/ttyUSB0', baudRate: 115200, binding: MockBinding })
  const reader = new IdCardReader({ transport, pollIntervalMs: 20, reconnect: false })
  // The simulator sits behind the mock port: host writes go to it, its answers come back as data.
  const [simEnd, bridge] = MemoryTransport.pair('bridge')
  const simulator = new IdCardReaderSimulator({ transport: simEnd })
  await simulator.start()
  await bridge.open()
  await reader.start()
  t.teardown(async () => {
    await reader.stop()
    await simulator.stop()
  })
  const port = transport.stream?.port as unknown as MockPortBinding
  bridge.on('data', (answer) => port.emitData(Buffer.from(answer)))
  const write = port.write.bind(port)
  port.write = async (buf: Buffer) => {
    await write(buf)
    await bridge.write(buf)
  }
  await until(() => simulator.requests > 3, 'polls over the mock port')
  t.ok(port.recording.length > 0, 'requests went through the mock binding')
  const card = sampleResidentCard(1)
  simulator.placeCard(card)
  const [record] = await nextEvent<[IdCardRecord]>(reader, 'card')
  t.equal(record.idNumber, card.idNumber)
  t.equal(reader.health().connected, true)
})
