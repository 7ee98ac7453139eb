import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { benchHall, startBaseline, startHall } from './servers.js'

/**
 * Durable ticket issuing: tickets per second and latency of POST /api/tickets on the real hall
 * server (auth, validation, domain, group commit to SQLite before the answer), beside a bare
 * Fastify + sqlite3 insert measured in the same run on the same machine. Each server runs in its
 * own process; this process is the load.
 *
 *   node --import tsx bench/tickets.ts [--seconds 10] [--connections 1,4,16,64] [--synchronous FULL]
 *     [--hall-root <another checkout>] [--json <file>]
 *
 * `--hall-root` runs the hall server of another checkout (a worktree of an older commit) under the
 * same load, to compare two write paths.
 */

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '1,4,16,64' },
    synchronous: { type: 'string', default: 'FULL' },
    json: { type: 'string' },
    'hall-root': { type: 'string' },
  },
})
const seconds = Number(values.seconds)
const synchronous = values.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'

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
  const hall = await benchHall(join(dir, 'hall'), synchronous)
  const ticketBody = JSON.stringify({ queueId: 'public', print: false })
  const levels = values.connections.split(',').map(Number)
  const measure = async (url: string, headers: Record<string, string>) => {
    await wrk(url, headers, ticketBody, 8, 2) // warm-up: JIT, caches, first SQLite pages
    const results: Result[] = []
    for (const c of levels) results.push(await wrk(url, headers, ticketBody, c))
    return results
  }
  const baseline = await startBaseline(join(dir, 'baseline.sqlite'), synchronous)
  const base = await measure(new URL('/tickets', baseline.url).href, {})
  await baseline.stop()

  const server = await startHall(hall, values['hall-root'])
  const ours = await measure(new URL('/api/tickets', server.url).href, {
    authorization: `Bearer ${hall.token}`,
  })
  await server.stop()

  const fmt = (r: Result) =>
    `${r.perSecond.toFixed(0).padStart(7)} /s  p50 ${r.p50.toFixed(2).padStart(6)} ms  p99 ${r.p99.toFixed(2).padStart(6)} ms  err ${r.errors}`
  const lines = [
    `durable ticket issuing (POST, answered after COMMIT), hall server of ${values['hall-root'] ?? 'this checkout'}, synchronous=${synchronous}, ${seconds} s per level, wrk -t1, ${process.platform} ${process.arch}, node ${process.version}, ${cpus().length} cores`,
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
