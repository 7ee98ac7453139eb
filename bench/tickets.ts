import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { enrollDevice, initHall } from '../hall-server/src/cli/admin.js'
import { pathsFrom } from '../hall-server/src/config.js'
import { demoHallConfig } from '../hall-server/src/templates.js'

/**
 * Durable ticket issuing: tickets per second and latency of POST /api/tickets on the real hall
 * server (auth, validation, domain, group commit to SQLite before the answer), beside a bare
 * Fastify + sqlite3 insert measured in the same run on the same machine. Each server runs in its
 * own process; this process is the load.
 *
 *   node --import tsx bench/tickets.ts [--seconds 10] [--connections 1,4,16,64] [--synchronous FULL]
 */

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '1,4,16,64' },
    synchronous: { type: 'string', default: 'FULL' },
    json: { type: 'string' },
  },
})
const seconds = Number(values.seconds)
const synchronous = values.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'
const here = import.meta.dirname

function start(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const extra = process.env['HALL_BENCH_NODE_ARGS']?.split(' ').filter(Boolean) ?? []
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  if (process.env['HALL_BENCH_VERBOSE']) child.stdout!.on('data', (d: Buffer) => process.stderr.write(d))
  return new Promise((resolve, reject) => {
    let buffer = ''
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d
      const match = /READY (http:\/\/\S+)|已启动：(http:\/\/[\d.:]+)/.exec(buffer)
      if (match) resolve({ child, url: (match[1] ?? match[2]) as string })
    })
    child.once('exit', (code) => reject(new Error(`exited ${code}`)))
  })
}

interface Result {
  requests: number
  errors: number
  seconds: number
  perSecond: number
  p50: number
  p99: number
  max: number
}

/**
 * Load comes from wrk (Debian's package; C, one thread) in its own process, so the load generator
 * costs little of the two cores. Each concurrency level runs `seconds` seconds after a warm-up.
 */
async function wrk(
  url: string,
  headers: Record<string, string>,
  body: string,
  concurrency: number,
  duration = seconds,
): Promise<Result> {
  const script = join(dir, 'post.lua')
  const lines = [
    `wrk.method = "POST"`,
    `wrk.body = ${JSON.stringify(body)}`,
    `wrk.headers["Content-Type"] = "application/json"`,
  ]
  for (const [k, v] of Object.entries(headers))
    lines.push(`wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)
  await writeFile(script, `${lines.join('\n')}\n`)
  const child = spawn('wrk', ['-t1', `-c${concurrency}`, `-d${duration}s`, '--latency', '-s', script, url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => {
    out += d
  })
  await new Promise((resolve) => child.once('exit', resolve))
  const toMs = (value: string, unit: string) =>
    Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1)
  const percentile = (label: string) => {
    const match = new RegExp(`^\\s*${label}\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out)
    return match ? toMs(match[1] as string, match[2] as string) : Number.NaN
  }
  const latency = /Latency\s+[\d.]+(?:us|ms|s)\s+[\d.]+(?:us|ms|s)\s+([\d.]+)(us|ms|s)/.exec(out)
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0)
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0)
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
  const errors = non2xx + (socketErrors ? socketErrors.slice(1).reduce((n, x) => n + Number(x), 0) : 0)
  const perSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0)
  return {
    requests,
    errors,
    seconds: duration,
    perSecond,
    p50: percentile('50%'),
    p99: percentile('99%'),
    max: latency ? toMs(latency[1] as string, latency[2] as string) : Number.NaN,
  }
}

const dir = await mkdtemp(join(tmpdir(), 'hall-bench-'))
try {
  // The hall: the demo configuration with room for a million numbers per queue and no rate limit.
  const config = demoHallConfig()
  config.server.synchronous = synchronous
  config.server.rateLimitPerMinute = 100_000_000
  for (const q of config.queues) Object.assign(q, { last: 999_999, digits: 6 })
  const paths = pathsFrom({}, join(dir, 'hall'))
  await initHall(paths, { config, catalogFile: null })
  const token = await enrollDevice(paths, { id: 'kiosk-1', role: 'kiosk', terminal: 'kiosk-1' })

  const ticketBody = JSON.stringify({ queueId: 'public', print: false })
  const levels = values.connections.split(',').map(Number)
  const measure = async (url: string, headers: Record<string, string>) => {
    await wrk(url, headers, ticketBody, 8, 2) // warm-up: JIT, caches, first SQLite pages
    const results: Result[] = []
    for (const c of levels) results.push(await wrk(url, headers, ticketBody, c))
    return results
  }
  const baseline = await start([join(here, 'baseline-server.ts'), join(dir, 'baseline.sqlite'), synchronous])
  const base = await measure(new URL('/tickets', baseline.url).href, {})
  baseline.child.kill()

  const hall = await start([
    join(here, '..', 'hall-server', 'src', 'server.ts'),
    '--data-dir',
    paths.dataDir,
    '--host',
    '127.0.0.1',
    '--port',
    '0',
  ])
  const ours = await measure(new URL('/api/tickets', hall.url).href, { authorization: `Bearer ${token}` })
  hall.child.kill('SIGINT')
  await new Promise((r) => hall.child.once('exit', r))

  const fmt = (r: Result) =>
    `${r.perSecond.toFixed(0).padStart(7)} /s  p50 ${r.p50.toFixed(2).padStart(6)} ms  p99 ${r.p99.toFixed(2).padStart(6)} ms  err ${r.errors}`
  const lines = [
    `durable ticket issuing (POST, answered after COMMIT), synchronous=${synchronous}, ${seconds} s per level, wrk -t1, ${process.platform} ${process.arch}, node ${process.version}, ${cpus().length} cores`,
    `${'connections'.padEnd(12)} ${'hall server POST /api/tickets'.padEnd(48)} ${'bare Fastify + sqlite3 insert'.padEnd(48)} ratio`,
    ...levels.map((c, i) => {
      const o = ours[i] as Result
      const b = base[i] as Result
      return `${String(c).padEnd(12)} ${fmt(o).padEnd(48)} ${fmt(b).padEnd(48)} ${(o.perSecond / b.perSecond).toFixed(2)}x`
    }),
  ]
  const meeting = ours.filter((r) => r.perSecond >= 2000 && r.p99 < 10 && r.errors === 0)
  lines.push(
    `goal (>= 2000 tickets/s with p99 < 10 ms): ${meeting.length > 0 ? `met at ${meeting.map((r) => `${r.perSecond.toFixed(0)}/s p99 ${r.p99.toFixed(2)} ms`).join(', ')}` : 'not met'}`,
  )
  process.stdout.write(`${lines.join('\n')}\n`)
  if (values.json)
    await writeFile(
      values.json,
      JSON.stringify({ levels, seconds, synchronous, hall: ours, baseline: base }, null, 2),
    )
} finally {
  await rm(dir, { recursive: true, force: true })
}
