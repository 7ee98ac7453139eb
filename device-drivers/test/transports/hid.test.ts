import { EventEmitter } from 'node:events'
import t from 'tap'
import {
  discoverHidDevices,
  type HidDeviceInfo,
  type HidHandle,
  HidTransport,
  loadNodeHid,
  type NodeHidModule,
} from '../../src/transports/index.js'
import { nextEvent, rejectsWithCode } from '../devices/helpers.js'

class FakeHandle extends EventEmitter implements HidHandle {
  closed = false
  writes: number[][] = []
  async write(values: number[] | Buffer): Promise<number> {
    this.writes.push([...values])
    return values.length
  }
  async close(): Promise<void> {
    this.closed = true
  }
}

function fakeHid(
  devices: HidDeviceInfo[] = [],
): NodeHidModule & { handles: FakeHandle[]; opened: unknown[][] } {
  const handles: FakeHandle[] = []
  const opened: unknown[][] = []
  return {
    handles,
    opened,
    devicesAsync: async () => devices,
    HIDAsync: {
      open: async (...args: unknown[]) => {
        opened.push(args)
        if (args[0] === '/dev/hidraw9') throw new Error('cannot open device with path /dev/hidraw9')
        const h = new FakeHandle()
        handles.push(h)
        return h
      },
    } as NodeHidModule['HIDAsync'],
  }
}

t.test('one data event per input report; unplug (read error) closes as disconnected', async (t) => {
  const hid = fakeHid()
  const tr = new HidTransport({ target: { path: '/dev/hidraw0' }, loader: async () => hid })
  t.equal(tr.url, 'hid:/dev/hidraw0')
  await tr.open()
  const reports: number[][] = []
  tr.on('data', (r) => reports.push([...r]))
  const h = hid.handles[0]!
  h.emit('data', Buffer.from([0, 0, 4, 0, 0, 0, 0, 0]))
  h.emit('data', Buffer.from([0, 0, 0, 0, 0, 0, 0, 0]))
  t.same(reports, [
    [0, 0, 4, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, 0],
  ])
  await tr.write(Uint8Array.of(0, 1))
  t.same(h.writes, [[0, 1]])
  const closed = nextEvent<[{ kind: string }]>(tr, 'close')
  h.emit('error', new Error('could not read from HID device'))
  t.equal((await closed)[0].kind, 'disconnected')
  t.ok(h.closed)
  await tr.open()
  t.equal(hid.handles.length, 2)
  await tr.close()
  t.ok(hid.handles[1]!.closed)
})

t.test('opens by vendor:product id', async (t) => {
  const hid = fakeHid()
  const tr = new HidTransport({ target: { vendorId: 0x0c2e, productId: 0x0b61 }, loader: async () => hid })
  t.equal(tr.url, 'hid:0c2e:0b61')
  await tr.open()
  t.same(hid.opened, [[0x0c2e, 0x0b61]])
  await tr.close()
})

t.test('a device that cannot be opened is TRANSPORT_NOT_FOUND', async (t) => {
  const tr = new HidTransport({ target: { path: '/dev/hidraw9' }, loader: async () => fakeHid() })
  t.equal(await rejectsWithCode(tr.open()), 'TRANSPORT_NOT_FOUND')
})

t.test('a node-hid that cannot load names the Debian package libusb-1.0-0', async (t) => {
  const { hidUnavailable } = await import('../../src/transports/index.js')
  const failing = async (): Promise<NodeHidModule> => {
    throw hidUnavailable(new Error('libusb-1.0.so.0: cannot open shared object file'))
  }
  const tr = new HidTransport({ target: { path: '/dev/hidraw0' }, loader: failing })
  await t.rejects(tr.open(), { code: 'TRANSPORT_UNAVAILABLE', message: /libusb-1\.0-0/ })
  const found = await discoverHidDevices({ loader: failing })
  t.same(found.devices, [])
  t.equal(found.problems[0]?.code, 'NO_LIBUSB')
  t.match(found.problems[0]?.message, /libusb-1\.0-0/)
  t.match(found.problems[0]?.message, /apt-get install libusb-1\.0-0/)
})

t.test('discovery filters by vendor/product id and says when nothing matches', async (t) => {
  const dev = (vendorId: number, productId: number): HidDeviceInfo => ({ vendorId, productId, interface: 0 })
  const hid = fakeHid([dev(1, 2), dev(3, 4)])
  const all = await discoverHidDevices({ loader: async () => hid })
  t.equal(all.devices.length, 2)
  const none = await discoverHidDevices({ vendorId: 9, productId: 9, loader: async () => fakeHid([]) })
  t.equal(none.problems[0]?.code, 'NOT_FOUND')
})

const realHid = await loadNodeHid().then(
  (hid) => ({ hid, skip: false as const }),
  (err: Error) => ({ hid: null, skip: `node-hid unavailable on this machine: ${err.message}` }),
)
t.test(
  'the real node-hid loads here (libusb-1.0-0 installed) and lists devices',
  { skip: realHid.skip },
  async (t) => {
    t.type(await realHid.hid?.devicesAsync(), Array)
  },
)
