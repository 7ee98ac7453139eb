// node-thermal-printer as the transport for lp: device files and printer: spooler queues.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { ThermalPrinterLibTransport } from '../../src/transports/index.js'
import { rejectsWithCode, tempDir } from '../devices/helpers.js'

t.test('lp: writes the raw job bytes to the device file through node-thermal-printer', async (t) => {
  const dir = tempDir()
  t.teardown(dir.cleanup)
  const lp = join(dir.path, 'lp0')
  writeFileSync(lp, '')
  const tr = new ThermalPrinterLibTransport({ interface: lp })
  t.notOk(tr.readable, 'write-only: no status can be read back')
  t.equal(tr.url, `lp:${lp}`)
  await tr.open()
  const job = Uint8Array.of(0x1b, 0x40, 0x1c, 0x26, 0xd6, 0xd0, 0x0a, 0x1d, 0x56, 0x42, 0x00)
  await tr.write(job)
  t.same([...readFileSync(lp)], [...job])
  await tr.close()
  t.notOk(tr.isOpen)
})

t.test('lp: a missing device file is TRANSPORT_NOT_FOUND', async (t) => {
  const dir = tempDir()
  t.teardown(dir.cleanup)
  const tr = new ThermalPrinterLibTransport({ interface: join(dir.path, 'lp9') })
  t.equal(await rejectsWithCode(tr.open()), 'TRANSPORT_NOT_FOUND')
  t.notOk(existsSync(join(dir.path, 'lp9')))
})

t.test('printer: needs a driver module, and uses its RAW print', async (t) => {
  const none = new ThermalPrinterLibTransport({ interface: 'printer:TM_T88' })
  t.equal(await rejectsWithCode(none.open()), 'TRANSPORT_UNAVAILABLE')

  const printed: { printer: string; type: string; data: Buffer }[] = []
  const driver = {
    getPrinter: (name: string) => (name === 'TM_T88' ? { name, status: ['IDLE'] } : undefined),
    getPrinters: () => [],
    printDirect: (o: { data: Buffer; printer: string; type: string; success: (id: number) => void }) => {
      printed.push({ printer: o.printer, type: o.type, data: o.data })
      o.success(1)
    },
  }
  const tr = new ThermalPrinterLibTransport({ interface: 'printer:TM_T88', driver })
  await tr.open()
  await tr.write(Uint8Array.of(0x1b, 0x40))
  t.same(
    printed.map((p) => [p.printer, p.type, [...p.data]]),
    [['TM_T88', 'RAW', [0x1b, 0x40]]],
  )
  await tr.close()

  const gone = new ThermalPrinterLibTransport({ interface: 'printer:OTHER', driver })
  t.equal(await rejectsWithCode(gone.open()), 'TRANSPORT_NOT_FOUND')
})
