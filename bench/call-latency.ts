import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Worker } from 'node:worker_threads'
import { createApiClient } from '@hall/protocol'
import { chromium } from 'playwright-core'
import { addStaff, enrollDevice, initHall } from '../hall-server/src/cli/admin.js'
import { pathsFrom } from '../hall-server/src/config.js'
import { demoHallConfig } from '../hall-server/src/templates.js'
import { CHROMIUM, CHROMIUM_ARGS } from '../hall-server/test/harness/browser-hall.js'

/**
 * From "call next" to the call on the hall's display: the time between a clerk's callNext request
 * (HTTP) and the frame that shows the new call on display.html, with `--clients` other socket.io
 * clients connected to the hall server (real sockets with a device token, as more screens would be).
 *
 * The hall server runs in its own process, the other clients in a worker thread, the display in
 * Chromium. The request is sent from the display page itself, so both instants are read from the
 * page's clock: `performance.now()` before `fetch`, and the paint mark the display takes in the task
 * after the animation frame that drew the call (src/lib/paint-marks.ts). Numbers, not assertions.
 *
 *   node --import tsx bench/call-latency.ts [--calls 200] [--clients 300] [--gap 60] [--sound on|off]
 */

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '200' },
    clients: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '10' },
    gap: { type: 'string', default: '60' },
    sound: { type: 'string', default: 'on' },
    json: { type: 'string' },
  },
})
const CALLS = Number(values.calls)
const CLIENTS = Number(values.clients)
const WARMUP = Number(values.warmup)
const GAP_MS = Number(values.gap)
const here = import.meta.dirname
const log = (line: string) => process.stderr.write(`${line}\n`)

/** The display must be built; build it when the bundle is missing or older than its sources. */
function ensureBuilt(): void {
  const screens = join(here, '..', 'counter-display')
  const newest = (path: string): number =>
    statSync(path).isDirectory()
      ? Math.max(statSync(path).mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))))
      : statSync(path).mtimeMs
  const built = join(screens, 'dist', 'display.html')
  const sources = Math.max(newest(join(screens, 'src')), newest(join(screens, 'display.html')))
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return
  log('building counter-display…')
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: screens, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('vite build failed')
}

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(here, '..', 'hall-server', 'src', 'server.ts'),
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, HALL_LOG_LEVEL: 'info' } },
  )
  return new Promise((resolve, reject) => {
    let buffer = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk
      const match = /已启动：(http:\/\/[\d.:]+)/.exec(buffer)
      if (match) resolve({ child, url: match[1] as string })
    })
    child.once('exit', (code) => reject(new Error(`hall server exited ${code}`)))
  })
}

/** The other screens: plain socket.io clients in a worker thread, counting what they receive. */
function startClients(url: string, token: string, count: number) {
  const ioPath = createRequire(import.meta.url).resolve('socket.io-client')
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads')
    const { io } = require(workerData.ioPath)
    let connected = 0, deltas = 0, snapshots = 0
    const sockets = []
    if (workerData.count === 0) parentPort.postMessage({ kind: 'ready' })
    for (let i = 0; i < workerData.count; i++) {
      const s = io(workerData.url, { auth: { token: workerData.token }, transports: ['websocket'], forceNew: true })
      s.on('connect', () => { connected++; if (connected === workerData.count) parentPort.postMessage({ kind: 'ready' }) })
      s.on('snapshot', () => { snapshots++ })
      s.on('delta', () => { deltas++ })
      sockets.push(s)
    }
    parentPort.on('message', (m) => {
      if (m === 'stats') parentPort.postMessage({ kind: 'stats', connected, deltas, snapshots })
      if (m === 'close') { for (const s of sockets) s.close(); parentPort.postMessage({ kind: 'closed' }) }
    })
    `,
    { eval: true, workerData: { url, token, count, ioPath } },
  )
  const next = (kind: string) =>
    new Promise<Record<string, number>>((resolve) => {
      const on = (message: { kind: string } & Record<string, number>) => {
        if (message.kind !== kind) return
        worker.off('message', on)
        resolve(message)
      }
      worker.on('message', on)
    })
  return {
    ready: next('ready'),
    async stats() {
      const answer = next('stats')
      worker.postMessage('stats')
      return answer
    },
    async close() {
      const answer = next('closed')
      worker.postMessage('close')
      await answer
      await worker.terminate()
    },
  }
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b)
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)
  return {
    n: sorted.length,
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1) ?? 0,
    mean,
  }
}
const ms = (value: number) => `${value.toFixed(1)} ms`

ensureBuilt()
const dir = await mkdtemp(join(tmpdir(), 'hall-call-latency-'))
const paths = pathsFrom({}, dir)
const config = demoHallConfig()
// The benchmark's own requests come from one address; the hall's per-address limit is not under test.
config.server.rateLimitPerMinute = 1_000_000
await initHall(paths, { config })
const tokens: Record<string, string> = {}
for (const id of ['display-1', 'counter-1', 'kiosk-1']) {
  const device = config.devices.find((d) => d.id === id)
  if (!device) throw new Error(`no device ${id} in the demo configuration`)
  tokens[id] = await enrollDevice(paths, {
    id,
    role: device.role,
    windowId: device.windowId,
    terminal: device.terminal,
  })
}
const loadToken = await enrollDevice(paths, { id: 'display-load', role: 'display', name: '压测叫号屏' })
await addStaff(paths, { staffNo: '1001', name: '张晓梅', role: 'clerk', pin: '1001' })

const server = await startServer(dir)
const clients = startClients(server.url, loadToken, CLIENTS)
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
try {
  await clients.ready
  log(`${CLIENTS} socket.io clients connected to ${server.url}`)
  const counter = createApiClient({ baseUrl: server.url, token: () => tokens['counter-1'] as string })
  const session = await counter('signIn', { body: { staffNo: '1001', pin: '1001' } })
  const kiosk = createApiClient({ baseUrl: server.url, token: () => tokens['kiosk-1'] as string })
  for (let i = 0; i < CALLS + WARMUP; i++)
    await kiosk('issueTicket', { body: { queueId: 'market', print: false } })

  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' })
  const page = await context.newPage()
  const sound = values.sound === 'off' ? '&sound=off' : ''
  await page.goto(`${server.url}/screens/display.html?token=${tokens['display-1']}${sound}`)
  await page.waitForSelector('.display__name')

  const paint: number[] = []
  const response: number[] = []
  const delta: number[] = []
  const render: number[] = []
  for (let i = 0; i < CALLS + WARMUP; i++) {
    const sample = await page.evaluate(
      async ({ path, token }) => {
        type Marks = { marks: Record<string, number>; received: Record<string, number> }
        const { marks, received } = (globalThis as unknown as { __hall: { paintMarks: Marks } }).__hall
          .paintMarks
        const sent = performance.now()
        const answer = await fetch(path, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
        const answered = performance.now()
        const body = (await answer.json()) as { call?: { ticketId: string; recall: number; at: number } }
        if (!body.call) throw new Error(`callNext failed: ${JSON.stringify(body)}`)
        const key = `${body.call.ticketId}#${body.call.recall}@${body.call.at}`
        while (!(key in marks)) {
          if (performance.now() - sent > 10_000) throw new Error(`call ${key} never painted`)
          await new Promise((r) => setTimeout(r, 1))
        }
        const painted = marks[key] as number
        return { paint: painted - sent, response: answered - sent, delta: (received[key] ?? painted) - sent }
      },
      { path: '/api/windows/1/call-next', token: session.token },
    )
    if (i >= WARMUP) {
      paint.push(sample.paint)
      response.push(sample.response)
      delta.push(sample.delta)
      render.push(sample.paint - sample.delta)
    }
    await new Promise((r) => setTimeout(r, GAP_MS))
  }
  const stats = await clients.stats()
  const result = {
    calls: CALLS,
    otherClients: CLIENTS,
    clientsConnected: stats['connected'],
    deltasPerClient: (stats['deltas'] ?? 0) / Math.max(1, CLIENTS),
    cpus: cpus().length,
    callToPaint: summary(paint),
    httpAnswer: summary(response),
    callToDelta: summary(delta),
    deltaToPaint: summary(render),
  }
  const line = (name: string, s: ReturnType<typeof summary>) =>
    `${name.padEnd(28)} p50 ${ms(s.p50)}  p90 ${ms(s.p90)}  p99 ${ms(s.p99)}  max ${ms(s.max)}  (n=${s.n})`
  process.stdout.write(
    [
      `call-next → call painted on display.html, ${CLIENTS} other socket.io clients, ${cpus().length} CPUs`,
      line('callNext → painted', result.callToPaint),
      line('  callNext → delta at page', result.callToDelta),
      line('  delta → painted', result.deltaToPaint),
      line('callNext → HTTP answer', result.httpAnswer),
      `other clients connected ${stats['connected']}/${CLIENTS}, each got ${result.deltasPerClient.toFixed(0)} deltas`,
      `goal p99 < 50 ms: ${result.callToPaint.p99 < 50 ? 'met' : 'not met'}`,
      '',
    ].join('\n'),
  )
  if (values.json) await writeFile(values.json, `${JSON.stringify(result, null, 2)}\n`)
} finally {
  await browser.close().catch(() => undefined)
  await clients.close().catch(() => undefined)
  server.child.kill('SIGTERM')
  await new Promise((resolve) => server.child.once('exit', resolve))
  await rm(dir, { recursive: true, force: true })
}
