import t from 'tap'
import { hallV1EvaluatorProtocol } from '../../src/codecs/evaluator/index.js'
import { EvaluatorBox, type EvaluatorBoxOptions, type Rating } from '../../src/devices/index.js'
import { EvaluatorBoxSimulator } from '../../src/simulators/index.js'
import { MemoryTransport } from '../../src/transports/index.js'
import { nextEvent, rejectsWithCode, sleep, type Teardown, until } from './helpers.js'

async function setup(t: Teardown, options: Partial<EvaluatorBoxOptions> = {}, simOptions = {}) {
  const [near, far] = MemoryTransport.pair('box')
  const simulator = new EvaluatorBoxSimulator({ transport: far, heartbeatIntervalMs: 0, ...simOptions })
  await simulator.start()
  const box = new EvaluatorBox({
    transport: near,
    reconnect: false,
    ackTimeoutMs: 100,
    reasonTimeoutMs: 300,
    reasonSettleMs: 60,
    ...options,
  })
  await box.start()
  const ratings: Rating[] = []
  box.on('rating', (r) => {
    ratings.push(r)
  })
  t.teardown(async () => {
    await box.stop()
    await simulator.stop()
  })
  return { box, simulator, ratings, near, far }
}

t.test('the protocol comes from the registry by id', async (t) => {
  t.throws(() => new EvaluatorBox({ transport: new MemoryTransport(), protocol: 'vendor-x' }), {
    code: 'PROTOCOL_ERROR',
  })
  t.equal(new EvaluatorBox({ transport: new MemoryTransport() }).protocol.id, 'hall-v1')
})

t.test('prompt, a good rating, thanks, idle', async (t) => {
  const { box, simulator, ratings } = await setup(t)
  const promptId = await box.prompt('XH001', 60)
  t.equal(simulator.state, 'prompting')
  t.same(simulator.currentPrompt, { promptId, caseRef: 'XH001' })
  t.equal(box.health().promptId, promptId)
  t.ok(await simulator.press(2), 'the host ACKed the press')
  await until(() => ratings.length === 1, 'rating')
  t.same(ratings[0], { level: 2, label: '满意', reasons: [], promptId, caseRef: 'XH001' })
  t.equal(box.health().promptId, null)
  await box.thanks(3)
  t.equal(simulator.state, 'thanks')
  await box.idle()
  t.equal(simulator.state, 'idle')
  t.same(
    simulator.commands.map((c) => c.type),
    ['prompt-rating', 'show-thanks', 'idle'],
  )
})

t.test('a bad rating waits for its reasons and is emitted once', async (t) => {
  const { box, simulator, ratings } = await setup(t)
  const promptId = await box.prompt('XH002')
  await simulator.press(4, [1, 3, 1])
  await until(() => ratings.length === 1, 'bad rating')
  t.same(ratings[0], { level: 4, label: '不满意', reasons: [1, 3], promptId, caseRef: 'XH002' })
  await sleep(100)
  t.equal(ratings.length, 1)
})

t.test('a bad rating without reasons is emitted after the reason timeout, or at thanks()', async (t) => {
  const { box, simulator, ratings } = await setup(t)
  await box.prompt('A')
  await simulator.press(5)
  await until(() => ratings.length === 1, 'rating after timeout', 2000)
  t.same(ratings[0]?.reasons, [])
  await box.prompt('B')
  await simulator.press(5)
  await box.thanks()
  t.equal(ratings.length, 2, 'thanks() flushes the waiting rating')
})

t.test('stale presses and repeated frames are discarded', async (t) => {
  const { box, simulator, ratings, far } = await setup(t)
  const first = await box.prompt('OLD')
  await box.prompt('NEW')
  await simulator.press(1, [], first)
  await sleep(30)
  t.equal(ratings.length, 0, 'a press for the withdrawn prompt')
  // The same RATING frame twice (the box did not see our ACK): one rating.
  const rating = hallV1EvaluatorProtocol.encodeEvent(
    { type: 'rating', promptId: box.health().promptId ?? 0, level: 1 },
    { seq: 77 },
  )
  await far.write(rating)
  await far.write(rating)
  await until(() => ratings.length === 1, 'one rating')
  await sleep(30)
  t.equal(ratings.length, 1)
})

t.test('a box that does not ACK: TIMEOUT after the retries, recorded in health', async (t) => {
  const [near] = MemoryTransport.pair('mute')
  const box = new EvaluatorBox({ transport: near, reconnect: false, ackTimeoutMs: 30, retries: 2 })
  await box.start()
  t.teardown(() => box.stop())
  const started = Date.now()
  t.equal(await rejectsWithCode(box.prompt('X')), 'TIMEOUT')
  t.ok(Date.now() - started >= 85, 'three attempts')
  t.equal(box.health().lastErrorCode, 'TIMEOUT')
})

t.test('heartbeats make the box online; their absence takes it offline', async (t) => {
  const { box, simulator } = await setup(t, { heartbeatTimeoutMs: 150 }, {})
  const hb = nextEvent<[string, string]>(box, 'heartbeat')
  await simulator.heartbeat()
  t.same(await hb, ['idle', '1.0'])
  t.equal(box.health().online, true)
  t.equal(box.health().firmware, '1.0')
  await sleep(200)
  t.equal(box.health().online, false)
})
