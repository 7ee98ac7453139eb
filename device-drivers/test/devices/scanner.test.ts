import iconv from 'iconv-lite'
import t from 'tap'
import { Scanner } from '../../src/devices/index.js'
import { HidScannerSimulator, hidReportsFor } from '../../src/simulators/index.js'
import { MemoryTransport, SerialTransport } from '../../src/transports/index.js'
import { MockBinding, type MockPortBinding, nextEvent, until } from './helpers.js'

t.test('line mode over MockBinding: CR/LF-ended codes, any chunking, GBK', async (t) => {
  MockBinding.reset()
  MockBinding.createPort('/dev/ttyACM0', { echo: false, record: true })
  const transport = new SerialTransport({ path: '/dev/ttyACM0', binding: MockBinding })
  const scanner = new Scanner({ transport, mode: 'line', encoding: 'gbk', reconnect: false })
  const scans: string[] = []
  scanner.on('scan', (text, info) => {
    t.equal(info.mode, 'line')
    scans.push(text)
  })
  await scanner.start()
  t.teardown(() => scanner.stop())
  const port = transport.stream?.port as unknown as MockPortBinding
  const bytes = iconv.encode('6901234567892\r\n预约号A12\r', 'gbk')
  port.emitData(bytes.subarray(0, 5))
  port.emitData(bytes.subarray(5, 17))
  port.emitData(bytes.subarray(17))
  await until(() => scans.length === 2, 'two scans')
  t.same(scans, ['6901234567892', '预约号A12'])
  t.equal(scanner.health().scans, 2)
  t.same([...port.recording], [], 'nothing is ever written to a scanner')
})

t.test('HID keyboard mode: one report per data event', async (t) => {
  const [near, far] = MemoryTransport.pair('hid')
  const scanner = new Scanner({ transport: near, mode: 'hid', reconnect: false })
  const simulator = new HidScannerSimulator({ transport: far })
  await scanner.start()
  await simulator.start()
  t.teardown(async () => {
    await scanner.stop()
    await simulator.stop()
  })
  const scan = nextEvent<[string, { terminator?: string }]>(scanner, 'scan')
  await simulator.scan('Ab-00')
  const [text, info] = await scan
  t.equal(text, 'Ab-00')
  t.equal(info.terminator, 'enter')
  t.equal(hidReportsFor('a').length, 4, 'press and release for a and for Enter')
  t.throws(() => hidReportsFor('中'), { code: 'UNSUPPORTED_CHAR' })
})

t.test('over-long codes are dropped and reported in health', async (t) => {
  const [near, far] = MemoryTransport.pair('long')
  const scanner = new Scanner({ transport: near, mode: 'line', maxLength: 8, reconnect: false })
  await scanner.start()
  await far.open()
  t.teardown(() => scanner.stop())
  const scans: string[] = []
  scanner.on('scan', (text) => {
    scans.push(text)
  })
  await far.write(new TextEncoder().encode('0123456789ABC\rOK\r'))
  await until(() => scans.length === 1, 'the short code')
  t.same(scans, ['OK'])
  t.equal(scanner.health().lastErrorCode, 'SCAN_TOO_LONG')
  t.equal(scanner.health().warnings, 1)
})
