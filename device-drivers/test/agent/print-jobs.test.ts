// Print jobs without a hall server: every kind renders and prints on the printer simulator, and
// every failure is an answer with a code and a Chinese message (none is dropped).
import type { PrintJob } from '@hall/protocol'
import t from 'tap'
import { printerHealth } from '../../src/agent/attached-health.js'
import { printJob, renderPrintJob } from '../../src/agent/print-jobs.js'
import { ThermalPrinter } from '../../src/devices/index.js'
import { PrinterSimulator } from '../../src/simulators/index.js'
import { createTransport } from '../../src/transports/index.js'
import {
  sampleGuide,
  sampleNotice,
  sampleReceipt,
  sampleRefusal,
  sampleTicket,
} from '../codecs/escpos/samples.js'
import { FAST_RECONNECT, type Teardown, until } from '../devices/helpers.js'

const jobs: PrintJob[] = [
  { jobId: 'j-ticket', kind: 'ticket', data: sampleTicket },
  { jobId: 'j-receipt', kind: 'receipt', data: sampleReceipt },
  { jobId: 'j-notice', kind: 'notice', data: sampleNotice },
  { jobId: 'j-refusal', kind: 'refusal', data: sampleRefusal },
  { jobId: 'j-guide', kind: 'guide', data: sampleGuide },
]

async function printerOnSimulator(t: Teardown) {
  const sim = new PrinterSimulator({ port: 0 })
  await sim.start()
  t.teardown(() => sim.stop())
  const printer = new ThermalPrinter({
    transport: createTransport(sim.url),
    reconnect: FAST_RECONNECT,
    statusIntervalMs: 0,
  })
  await printer.start()
  t.teardown(() => printer.stop())
  return { sim, printer }
}

t.test('every kind renders with its layout and prints', async (t) => {
  const { sim, printer } = await printerOnSimulator(t)
  for (const [i, job] of jobs.entries()) {
    t.same(await printJob(printer, job, '80mm'), { jobId: job.jobId, ok: true, code: null, message: null })
    const printed = await sim.waitForJob(i + 1)
    t.ok(printed.text.length > 0, `${job.kind} decoded`)
  }
  t.match(sim.jobs[0]?.text, 'A012')
  t.match(sim.jobs[1]?.text, 'SL202611220031')
  t.ok(renderPrintJob(jobs[0]!, '58mm').length > 0, '58 mm paper too')
})

t.test('refusals, a missing printer and a bad job are answers, never silence', async (t) => {
  const { sim, printer } = await printerOnSimulator(t)
  const ticket = jobs[0]!

  sim.setState({ paper: 'out' })
  t.same(await printJob(printer, ticket, '80mm'), {
    jobId: 'j-ticket',
    ok: false,
    code: 'PAPER_OUT',
    message: '打印纸已用完，请更换纸卷',
  })
  await until(() => printer.health().paper === 'out', 'paper state')
  t.same(printerHealth(printer.health()), { online: true, paper: 'out', coverOpen: false, error: null })

  sim.setState({ paper: 'ok', coverOpen: true })
  t.match(await printJob(printer, ticket, '80mm'), {
    ok: false,
    code: 'COVER_OPEN',
    message: '打印机上盖未合上',
  })

  sim.setState({ coverOpen: false, error: 'cutter' })
  const cutter = await printJob(printer, ticket, '80mm')
  t.match(cutter, { ok: false, code: 'PRINTER_ERROR', message: /[\u4e00-\u9fff]/ })
  t.match(printerHealth(printer.health()), { online: false, error: /[\u4e00-\u9fff]/ }, 'a fault is an error')

  sim.setState({ error: 'none' })
  await sim.stop()
  await until(() => !printer.connected, 'the printer notices the unplug')
  t.same(await printJob(printer, ticket, '80mm'), {
    jobId: 'j-ticket',
    ok: false,
    code: 'PRINTER_OFFLINE',
    message: '打印机未连接',
  })
  t.same(printerHealth(printer.health()), {
    online: false,
    paper: 'unknown',
    coverOpen: false,
    error: '打印机未连接',
  })
  t.equal(sim.jobs.length, 0, 'nothing was sent to a printer that could not print')

  t.same(await printJob(null, ticket, '80mm'), {
    jobId: 'j-ticket',
    ok: false,
    code: 'NO_PRINTER',
    message: '此终端没有配置打印机',
  })
  t.same(await printJob(printer, { jobId: 'j-x', kind: 'poster', data: {} }, '80mm'), {
    jobId: 'j-x',
    ok: false,
    code: 'INVALID_JOB',
    message: '打印内容格式不正确',
  })
})
