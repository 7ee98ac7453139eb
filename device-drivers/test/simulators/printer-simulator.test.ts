// PrinterSimulator as a raw TCP peer: status answers, job splitting, files.
import { readFileSync } from 'node:fs'
import net from 'node:net'
import t from 'tap'
import { decodeStatusByte, escpos, statusRequest } from '../../src/codecs/escpos/index.js'
import { PrinterSimulator, simulatedStatus } from '../../src/simulators/index.js'
import { tempDir, until } from '../devices/helpers.js'

async function connect(port: number): Promise<{ socket: net.Socket; received: number[] }> {
  const socket = net.connect(port, '127.0.0.1')
  await new Promise((r) => socket.once('connect', r))
  const received: number[] = []
  socket.on('data', (d) => received.push(...d))
  return { socket, received }
}

const job = (text: string): Uint8Array => escpos().init().chinese().text(text).newline().cut().build()

t.test('answers DLE EOT from its state', async (t) => {
  const sim = new PrinterSimulator({ port: 0 })
  const port = await sim.start()
  t.teardown(() => sim.stop())
  const { socket, received } = await connect(port)
  t.teardown(() => socket.destroy())
  socket.write(statusRequest('printer'))
  socket.write(statusRequest('paper'))
  await until(() => received.length === 2, 'two answers')
  t.match(decodeStatusByte('printer', received[0]!), { ok: true, status: { online: true } })
  t.match(decodeStatusByte('paper', received[1]!), { ok: true, status: { nearEnd: false, paperOut: false } })
  sim.setState({ paper: 'out' })
  socket.write(
    Uint8Array.of(...statusRequest('printer'), ...statusRequest('offline'), ...statusRequest('paper')),
  )
  await until(() => received.length === 5, 'three more')
  t.match(decodeStatusByte('printer', received[2]!), { status: { online: false } })
  t.match(decodeStatusByte('offline', received[3]!), { status: { stoppedByPaperEnd: true } })
  t.match(decodeStatusByte('paper', received[4]!), { status: { nearEnd: true, paperOut: true } })
  sim.setState({ paper: 'ok', answersStatus: false })
  socket.write(statusRequest('paper'))
  await new Promise((r) => setTimeout(r, 50))
  t.equal(received.length, 5, 'a printer that does not answer')
  t.same(simulatedStatus(sim.getState(), 'error'), {
    kind: 'error',
    raw: 0,
    mechanicalError: false,
    autocutterError: false,
    unrecoverableError: false,
    autoRecoverableError: false,
  })
})

t.test('splits jobs at the cut, keeps status requests out of them, writes .txt and .svg', async (t) => {
  const dir = tempDir()
  t.teardown(dir.cleanup)
  const sim = new PrinterSimulator({ port: 0, outDir: dir.path })
  const port = await sim.start()
  t.teardown(() => sim.stop())
  const { socket } = await connect(port)
  const bytes = Uint8Array.of(
    ...statusRequest('paper'),
    ...job('第一张A001'),
    ...statusRequest('printer'),
    ...job('第二张B002'),
  )
  // any chunking
  for (let i = 0; i < bytes.length; i += 7) socket.write(bytes.subarray(i, i + 7))
  const second = await sim.waitForJob(2)
  const first = sim.jobs[0]!
  t.match(first.text, /第一张A001/)
  t.notMatch(first.text, /第二张/)
  t.match(second.text, /第二张B002/)
  t.notOk(
    [...first.bytes].some((b, i) => b === 0x10 && first.bytes[i + 1] === 0x04),
    'no DLE EOT in the job',
  )
  t.match(readFileSync(`${dir.path}/job-0001.txt`, 'utf8'), /第一张A001/)
  t.match(readFileSync(`${dir.path}/job-0002.svg`, 'utf8'), /<svg/)
  // a job without a cut is finished when the connection closes
  socket.end(escpos().init().chinese().text('没有切纸').newline().build())
  t.match((await sim.waitForJob(3)).text, /没有切纸/)
  t.equal(sim.jobs.filter((j) => j.printed).length, 3)
})

t.test('stop drops connections; start listens again on the same port', async (t) => {
  const sim = new PrinterSimulator({ port: 0 })
  const port = await sim.start()
  const { socket } = await connect(port)
  const closed = new Promise((r) => socket.once('close', r))
  await sim.stop()
  await closed
  t.notOk(sim.listening)
  t.equal(await sim.start(), port)
  const again = await connect(port)
  again.socket.destroy()
  await sim.stop()
})
