// Scanner (virtual COM mode), EvaluatorBox and LedScreen against their simulators over socat ptys.
import t from 'tap'
import { EvaluatorBox, LedScreen, type Rating, Scanner } from '../../src/devices/index.js'
import {
  EvaluatorBoxSimulator,
  LedScreenSimulator,
  ScannerSimulator,
  startOnPty,
  stopAllPtyPairs,
} from '../../src/simulators/index.js'
import { SerialTransport } from '../../src/transports/index.js'
import { nextEvent, until } from '../devices/helpers.js'

t.teardown(stopAllPtyPairs)

t.test('scanner in serial line mode', async (t) => {
  const sim = await startOnPty((transport) => new ScannerSimulator({ transport, encoding: 'gbk' }), {
    baudRate: 9600,
  })
  t.teardown(() => sim.stop())
  const scanner = new Scanner({
    transport: new SerialTransport({ path: sim.devicePath, baudRate: 9600 }),
    mode: 'line',
    encoding: 'gbk',
    reconnect: false,
  })
  await scanner.start()
  t.teardown(() => scanner.stop())
  const scans: string[] = []
  scanner.on('scan', (text) => {
    scans.push(text)
  })
  await sim.simulator.scan('6901234567892')
  await sim.simulator.scan('https://zwfw.example.cn/yy?no=预约123')
  await until(() => scans.length === 2, 'two scans')
  t.same(scans, ['6901234567892', 'https://zwfw.example.cn/yy?no=预约123'])
})

t.test('evaluator box: prompt, bad rating with reasons, thanks', async (t) => {
  const sim = await startOnPty(
    (transport) => new EvaluatorBoxSimulator({ transport, heartbeatIntervalMs: 50 }),
    { baudRate: 9600 },
  )
  t.teardown(() => sim.stop())
  const box = new EvaluatorBox({
    transport: new SerialTransport({ path: sim.devicePath, baudRate: 9600 }),
    reconnect: false,
    reasonSettleMs: 80,
  })
  await box.start()
  t.teardown(() => box.stop())
  await nextEvent(box, 'heartbeat')
  t.equal(box.health().online, true)
  const promptId = await box.prompt('XH20261122000123', 30)
  t.equal(sim.simulator.state, 'prompting')
  const rating = nextEvent<[Rating]>(box, 'rating')
  await sim.simulator.press(5, [2, 6])
  t.same((await rating)[0], {
    level: 5,
    label: '非常不满意',
    reasons: [2, 6],
    promptId,
    caseRef: 'XH20261122000123',
  })
  await box.thanks(2)
  t.equal(sim.simulator.state, 'thanks')
})

t.test('LED screen: show, status, clear', async (t) => {
  const sim = await startOnPty(
    (transport) => new LedScreenSimulator({ transport, address: 3, lines: 2, columns: 24 }),
    { baudRate: 9600 },
  )
  t.teardown(() => sim.stop())
  const screen = new LedScreen({
    transport: new SerialTransport({ path: sim.devicePath, baudRate: 9600 }),
    address: 3,
    reconnect: false,
  })
  await screen.start()
  t.teardown(() => screen.stop())
  await until(() => screen.health().status !== null, 'status')
  t.match(screen.health().status, { lines: 2, columns: 24 })
  await screen.show(['3号窗口 综合受理', '请 A012 号到 3 号窗口'])
  t.equal(sim.simulator.text, '3号窗口 综合受理\n请 A012 号到 3 号窗口')
  await screen.clear(1)
  t.same(sim.simulator.lines, ['3号窗口 综合受理', ''])
})
