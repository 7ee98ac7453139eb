// Real devices, opt-in: set the variable to the device URL or path to run a test, e.g.
//   HALL_TEST_IDCARD=/dev/ttyUSB0 HALL_TEST_PRINTER=tcp://192.168.1.50:9100 npx tap test/devices/hardware.test.ts
// Each test asks a person at the device to act, and times out after 30 s.
import t from 'tap'
import { IdCardReader, Scanner, ThermalPrinter } from '../../src/devices/index.js'
import { createTransport } from '../../src/transports/index.js'
import { selfTestTicket } from './hardware-samples.js'
import { nextEvent } from './helpers.js'

const env = (name: string): string | undefined => process.env[name] || undefined
const skipUnless = (name: string): string | false =>
  env(name) ? false : `set ${name} to run against real hardware`

t.test('ID card reader: place a card', { skip: skipUnless('HALL_TEST_IDCARD') }, async (t) => {
  const reader = new IdCardReader({
    transport: createTransport(env('HALL_TEST_IDCARD')!, { defaultBaudRate: 115200 }),
  })
  await reader.start()
  t.teardown(() => reader.stop())
  await reader.waitConnected(5000)
  t.comment('place a card on the reader')
  const [record] = await nextEvent<[{ cardType: string }]>(reader, 'card', 30_000)
  t.ok(record.cardType, 'a card was read (its contents are not printed)')
  t.equal(reader.health().samOk, true)
})

t.test('scanner: scan any code', { skip: skipUnless('HALL_TEST_SCANNER') }, async (t) => {
  const url = env('HALL_TEST_SCANNER')!
  const mode = url.startsWith('hid:') || url.startsWith('/dev/hidraw') ? 'hid' : 'line'
  const scanner = new Scanner({ transport: createTransport(url), mode })
  await scanner.start()
  t.teardown(() => scanner.stop())
  await scanner.waitConnected(5000)
  t.comment('scan a barcode or QR code')
  const [text] = await nextEvent<[string]>(scanner, 'scan', 30_000)
  t.ok(text.length > 0)
})

t.test('receipt printer: status and a test ticket', { skip: skipUnless('HALL_TEST_PRINTER') }, async (t) => {
  const printer = new ThermalPrinter({ transport: createTransport(env('HALL_TEST_PRINTER')!) })
  await printer.start()
  t.teardown(() => printer.stop())
  await printer.waitConnected(5000)
  t.comment(JSON.stringify(printer.health()))
  const receipt = await printer.print(selfTestTicket())
  t.ok(receipt.bytes > 0)
})
