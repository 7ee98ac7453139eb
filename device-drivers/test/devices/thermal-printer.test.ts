// ThermalPrinter against PrinterSimulator over real TCP on port 0.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { type TicketPrint, ticketLayout } from '../../src/codecs/escpos/index.js'
import { type DeviceError, ThermalPrinter, type ThermalPrinterOptions } from '../../src/devices/index.js'
import { PrinterSimulator } from '../../src/simulators/index.js'
import { TcpTransport, ThermalPrinterLibTransport } from '../../src/transports/index.js'
import { FAST_RECONNECT, rejectsWithCode, type Teardown, tempDir, until } from './helpers.js'

const ticket = (code: string): TicketPrint => ({
  hallName: '某区政务服务中心',
  code,
  queueName: '综合受理',
  peopleAhead: 3,
  estimatedWaitMinutes: 10,
  issuedAt: '2026-11-22 09:31',
  priorityLabel: null,
  applicantName: null,
  qrContent: `https://hall.example.cn/q/${code}`,
  hint: '请留意叫号',
})

async function setup(t: Teardown, options: Partial<ThermalPrinterOptions> = {}, outDir?: string) {
  const simulator = new PrinterSimulator({ port: 0, ...(outDir ? { outDir } : {}) })
  const port = await simulator.start()
  const transport = new TcpTransport({ host: '127.0.0.1', port, connectTimeoutMs: 500 })
  const printer = new ThermalPrinter({
    transport,
    reconnect: FAST_RECONNECT,
    statusTimeoutMs: 300,
    ...options,
  })
  await printer.start()
  t.teardown(async () => {
    await printer.stop()
    await simulator.stop()
  })
  return { simulator, printer, port }
}

t.test('a ticket job arrives and decodes to text containing the number', async (t) => {
  const dir = tempDir()
  t.teardown(dir.cleanup)
  const { simulator, printer } = await setup(t, {}, dir.path)
  t.same(
    { online: printer.health().online, paper: printer.health().paper, coverOpen: printer.health().coverOpen },
    { online: true, paper: 'ok', coverOpen: false },
  )
  const receipt = await printer.print(ticketLayout(ticket('A012')), { jobId: 'j1' })
  t.equal(receipt.jobId, 'j1')
  t.equal(receipt.statusAfter?.paper, 'ok')
  const job = await simulator.waitForJob(1)
  t.match(job.text, /A012/)
  t.match(job.text, /综合受理/)
  t.match(job.svg, /^<svg/)
  t.ok(job.printed)
  t.match(readFileSync(job.files?.txt ?? '', 'utf8'), /A012/)
  t.equal(printer.health().jobsPrinted, 1)
  await printer.print(ticketLayout(ticket('B007')))
  t.match((await simulator.waitForJob(2)).text, /B007/, 'jobs are separated at the cut')
})

t.test('paper out: refused with PAPER_OUT, nothing sent, health.paper out', async (t) => {
  const { simulator, printer } = await setup(t)
  simulator.setState({ paper: 'out' })
  const refused: string[] = []
  printer.on('refused', (e) => {
    refused.push(e.code)
  })
  await t.rejects(printer.print(ticketLayout(ticket('A013'))), { code: 'PAPER_OUT', message: /打印纸已用完/ })
  t.same(refused, ['PAPER_OUT'])
  const h = printer.health()
  t.equal(h.paper, 'out')
  t.equal(h.online, false)
  t.match(h.error, /打印纸已用完/)
  t.equal(h.jobsRefused, 1)
  t.equal(simulator.jobs.length, 0)
  simulator.setState({ paper: 'ok' })
  await printer.print(ticketLayout(ticket('A013')))
  t.equal(printer.health().paper, 'ok')
  t.equal(printer.health().error, null)
})

t.test('cover open, paper near end, no status answer', async (t) => {
  const { simulator, printer } = await setup(t)
  simulator.setState({ coverOpen: true })
  t.equal(await rejectsWithCode(printer.print(ticketLayout(ticket('C1')))), 'COVER_OPEN')
  t.equal(printer.health().coverOpen, true)
  simulator.setState({ coverOpen: false, paper: 'near_end' })
  const receipt = await printer.print(ticketLayout(ticket('C2')))
  t.same(
    receipt.warnings.map((w) => w.code),
    ['paper_near_end'],
  )
  t.equal(printer.health().paper, 'near_end')
  simulator.setState({ error: 'cutter', paper: 'ok' })
  t.equal(await rejectsWithCode(printer.print(ticketLayout(ticket('C3')))), 'PRINTER_ERROR')
  simulator.setState({ error: 'none', answersStatus: false })
  t.equal(await rejectsWithCode(printer.print(ticketLayout(ticket('C4')))), 'TIMEOUT')
  t.equal(printer.health().online, false)
  t.match(printer.health().error, /无应答/)
  simulator.setState({ answersStatus: true })
  await printer.queryStatus()
  t.equal(printer.health().online, true)
  t.equal(simulator.jobs.length, 1)
})

t.test('printer switched off: PRINTER_OFFLINE, then reconnects when it is back', async (t) => {
  const { simulator, printer } = await setup(t)
  const disconnected = new Promise((r) => printer.once('disconnected', r))
  await simulator.stop()
  await disconnected
  const err = (await printer.print(ticketLayout(ticket('D1'))).catch((e: DeviceError) => e)) as DeviceError
  t.equal(err.code, 'PRINTER_OFFLINE')
  const h = printer.health()
  t.same([h.connected, h.online, h.paper], [false, false, 'unknown'])
  await simulator.start()
  await printer.waitConnected(3000)
  await until(() => printer.health().online, 'status after reconnect')
  t.equal(printer.health().reconnects, 1)
  await printer.print(ticketLayout(ticket('D2')))
  t.match((await simulator.waitForJob(1)).text, /D2/)
})

t.test('periodic status polling notices paper running out', async (t) => {
  const { simulator, printer } = await setup(t, { statusIntervalMs: 40 })
  simulator.setState({ paper: 'out' })
  await until(() => printer.health().paper === 'out', 'paper out noticed by the timer')
  t.equal(printer.health().lastErrorCode, 'PAPER_OUT')
})

t.test('write-only transport (node-thermal-printer lp:) prints blind, paper unknown', async (t) => {
  const dir = tempDir()
  t.teardown(dir.cleanup)
  const lp = join(dir.path, 'lp0')
  writeFileSync(lp, '')
  const printer = new ThermalPrinter({
    transport: new ThermalPrinterLibTransport({ interface: lp }),
    reconnect: false,
  })
  await printer.start()
  t.teardown(() => printer.stop())
  const h = printer.health()
  t.same([h.connected, h.online, h.paper], [true, true, 'unknown'])
  const job = ticketLayout(ticket('E1'))
  const receipt = await printer.print(job)
  t.equal(receipt.statusAfter, null)
  t.equal(readFileSync(lp).length, job.length)
})
