// SerialTransport over @serialport/binding-mock: no hardware, no ptys.
import t from 'tap'
import { SerialTransport } from '../../src/transports/index.js'
import { MockBinding, type MockPortBinding, nextEvent, rejectsWithCode } from '../devices/helpers.js'

t.beforeEach(() => {
  MockBinding.reset()
  MockBinding.createPort('/dev/ttyMOCK0', { echo: false, record: true })
})

const mockPort = (tr: SerialTransport): MockPortBinding => tr.stream?.port as unknown as MockPortBinding

t.test('opens 8N1 at the given baud rate, writes and receives', async (t) => {
  const tr = new SerialTransport({ path: '/dev/ttyMOCK0', baudRate: 115200, binding: MockBinding })
  t.equal(tr.url, 'serial:/dev/ttyMOCK0?baud=115200')
  await tr.open()
  t.ok(tr.isOpen)
  const opts = mockPort(tr).openOptions
  t.match(opts, { baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, lock: true })
  await tr.write(Uint8Array.of(0xaa, 0x55))
  t.same([...mockPort(tr).recording], [0xaa, 0x55])
  const data = nextEvent<[Uint8Array]>(tr, 'data')
  mockPort(tr).emitData(Buffer.from([1, 2, 3]))
  const [chunk] = await data
  t.ok(chunk instanceof Uint8Array)
  t.same([...chunk], [1, 2, 3])
  const closed = nextEvent<[{ kind: string }]>(tr, 'close')
  await tr.close()
  t.equal((await closed)[0].kind, 'requested')
  t.notOk(tr.isOpen)
})

t.test('reopens after close (how devices reconnect)', async (t) => {
  const tr = new SerialTransport({ path: '/dev/ttyMOCK0', binding: MockBinding })
  await tr.open()
  await tr.close()
  await tr.open()
  await tr.write(Uint8Array.of(9))
  t.same([...mockPort(tr).recording], [9])
  await tr.close()
})

t.test('a missing port is TRANSPORT_NOT_FOUND; a held lock is TRANSPORT_BUSY', async (t) => {
  const missing = new SerialTransport({ path: '/dev/ttyNOPE', binding: MockBinding })
  t.equal(await rejectsWithCode(missing.open()), 'TRANSPORT_NOT_FOUND')
  t.notOk(missing.isOpen)
  const first = new SerialTransport({ path: '/dev/ttyMOCK0', binding: MockBinding })
  const second = new SerialTransport({ path: '/dev/ttyMOCK0', binding: MockBinding })
  await first.open()
  t.equal(await rejectsWithCode(second.open()), 'TRANSPORT_BUSY')
  await first.close()
})

t.test('writing while closed rejects with TRANSPORT_NOT_OPEN', async (t) => {
  const tr = new SerialTransport({ path: '/dev/ttyMOCK0', binding: MockBinding })
  t.equal(await rejectsWithCode(tr.write(Uint8Array.of(1))), 'TRANSPORT_NOT_OPEN')
})
