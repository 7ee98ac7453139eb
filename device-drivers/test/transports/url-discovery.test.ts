import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import {
  checkDevicePath,
  createTransport,
  discoverSerialPorts,
  HidTransport,
  MemoryTransport,
  memoryPeer,
  parseTransportUrl,
  SerialTransport,
  TcpTransport,
  ThermalPrinterLibTransport,
} from '../../src/transports/index.js'
import { tempDir } from '../devices/helpers.js'

t.test('transport URLs', async (t) => {
  t.same(parseTransportUrl('serial:/dev/ttyUSB0?baud=115200'), {
    kind: 'serial',
    path: '/dev/ttyUSB0',
    baudRate: 115200,
  })
  t.same(parseTransportUrl('serial:///dev/ttyACM0?lock=false'), {
    kind: 'serial',
    path: '/dev/ttyACM0',
    lock: false,
  })
  t.same(parseTransportUrl('/dev/ttyUSB1'), { kind: 'serial', path: '/dev/ttyUSB1' })
  t.same(parseTransportUrl('COM3'), { kind: 'serial', path: 'COM3' })
  t.same(parseTransportUrl('tcp://10.0.0.5:9100?timeout=2000'), {
    kind: 'tcp',
    host: '10.0.0.5',
    port: 9100,
    connectTimeoutMs: 2000,
  })
  t.same(parseTransportUrl('hid:/dev/hidraw0'), { kind: 'hid', target: { path: '/dev/hidraw0' } })
  t.same(parseTransportUrl('hid:0c2e:0b61'), { kind: 'hid', target: { vendorId: 0x0c2e, productId: 0x0b61 } })
  t.same(parseTransportUrl('/dev/hidraw2'), { kind: 'hid', target: { path: '/dev/hidraw2' } })
  t.same(parseTransportUrl('memory:demo'), { kind: 'memory', name: 'demo' })
  t.same(parseTransportUrl('printer:EPSON_TM'), { kind: 'printer-lib', interface: 'printer:EPSON_TM' })
  t.same(parseTransportUrl('lp:/dev/usb/lp0'), { kind: 'printer-lib', interface: '/dev/usb/lp0' })
  t.same(parseTransportUrl('/dev/usb/lp1'), { kind: 'printer-lib', interface: '/dev/usb/lp1' })
  for (const bad of ['ftp://x', 'serial:', 'serial:/dev/x?baud=fast', 'hid:xyz', 'memory:', 'printer:']) {
    t.throws(() => parseTransportUrl(bad), { code: 'TRANSPORT_BAD_URL' }, bad)
  }
})

t.test('createTransport builds the right, closed transport', async (t) => {
  const serial = createTransport('serial:/dev/ttyUSB0', { defaultBaudRate: 115200 })
  t.type(serial, SerialTransport)
  t.equal((serial as SerialTransport).baudRate, 115200)
  t.type(createTransport('tcp://127.0.0.1:9100'), TcpTransport)
  t.type(createTransport('hid:/dev/hidraw0'), HidTransport)
  t.type(createTransport('printer:X'), ThermalPrinterLibTransport)
  const mem = createTransport('memory:url-test')
  t.type(mem, MemoryTransport)
  t.equal((mem as MemoryTransport).other, memoryPeer('url-test'))
  t.notOk(serial.isOpen)
})

t.test('serial discovery without udev: configured, then by-id, then ttyUSB/ttyACM', async (t) => {
  const dir = tempDir()
  t.teardown(dir.cleanup)
  const dev = dir.path
  for (const name of ['ttyUSB0', 'ttyACM0', 'ttyS0', 'ttyUSB1']) writeFileSync(join(dev, name), '')
  mkdirSync(join(dev, 'serial', 'by-id'), { recursive: true })
  symlinkSync(join(dev, 'ttyUSB1'), join(dev, 'serial', 'by-id', 'usb-Reader_123-if00-port0'))
  symlinkSync(join(dev, 'ttyACM0'), join(dev, 'reader'))
  const found = await discoverSerialPorts({
    devDir: dev,
    udev: false,
    configured: [join(dev, 'reader'), join(dev, 'ttyUSB7')],
  })
  t.same(
    found.ports.map((p) => [p.path.slice(dev.length), p.source, p.device.slice(-7)]),
    [
      ['/reader', 'configured', 'ttyACM0'],
      ['/serial/by-id/usb-Reader_123-if00-port0', 'by-id', 'ttyUSB1'],
      ['/ttyUSB0', 'tty-glob', 'ttyUSB0'],
    ],
    'deduplicated by the device they lead to; ttyS0 is not a USB port',
  )
  const codes = found.problems.map((p) => p.code).sort()
  t.same(codes, ['NOT_FOUND', 'NO_UDEV'])
  const missing = found.problems.find((p) => p.code === 'NOT_FOUND')
  t.match(missing?.message, /ttyUSB7/)
  t.match(found.problems.find((p) => p.code === 'NO_UDEV')?.message, /SerialPort\.list\(\)/)
})

t.test(
  'a path the user may not open names the dialout group',
  { skip: process.getuid?.() === 0 && 'running as root' },
  async (t) => {
    const dir = tempDir()
    t.teardown(dir.cleanup)
    const path = join(dir.path, 'ttyUSB0')
    writeFileSync(path, '', { mode: 0o000 })
    const problem = await checkDevicePath(path)
    t.equal(problem?.code, 'NO_PERMISSION')
    t.match(problem?.message, /dialout/)
  },
)
