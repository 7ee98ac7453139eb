import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { Agent, request } from 'node:http'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { benchHall, type Server, startBaseline, startHall } from './servers.js'

/**
 * Open-loop ticket issuing: tickets are offered at a fixed rate (500, 1,000, 2,000 and 4,000 a
 * second, 30 s each) whether or not the server keeps up, and each one's latency is measured from
 * the time it was SCHEDULED to be sent, not from when it went out: a server that stalls is charged
 * for every request that should have gone out meanwhile (no coordinated omission, as in wrk2).
 * Each rate runs on a fresh hall (and a fresh database for the bare Fastify + sqlite3 insert
 * measured beside it, in the same run), after a 2 s warm-up at a low rate.
 *
 * Reported per rate and server: the achieved rate, p50/p99/max latency, errors (non-2xx, socket
 * errors, answers still missing 10 s after the last send), duplicates (a ticket number answered
 * twice), the queue's waiting count at the end, the p99 of the tickets issued while fewer than
 * `--max-waiting` (5,000) were waiting, and how late this process itself sent (its own lag is
 * part of the latencies).
 *
 *   node --import tsx bench/open-loop.ts [--rates 500,1000,2000,4000] [--seconds 30] [--sockets 128]
 *     [--schedule fixed|poisson] [--max-waiting 5000] [--synchronous FULL|NORMAL]
 *     [--hall-root <another checkout>] [--json <file>]
 */

const { values } = parseArgs({
  options: {
    rates: { type: 'string', default: '500,1000,2000,4000' },
    seconds: { type: 'string', default: '30' },
    sockets: { type: 'string', default: '128' },
    schedule: { type: 'string', default: 'fixed' },
    'max-waiting': { type: 'string', default: '5000' },
    synchronous: { type: 'string', default: 'FULL' },
    'hall-root': { type: 'string' },
    json: { type: 'string' },
  },
})
const rates = values.rates.split(',').map(Number)
const seconds = Number(values.seconds)
const sockets = Number(values.sockets)
const poisson = values.schedule === 'poisson'
const maxWaiting = Number(values['max-waiting'])
const synchronous = values.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'
if (rates.some((r) => !(r > 0)) || !(seconds > 0) || !(sockets > 0) || !(maxWaiting >= 0))
  throw new Error('--rates, --seconds, --sockets and --max-waiting must be positive numbers')
if (!['fixed', 'poisson'].includes(values.schedule)) throw new Error('--schedule is fixed or poisson')

/** What an answer says: a key that must be unique (the ticket number) and the queue ahead of it. */
type Reading = (body: string) => { key: string; waiting: number | null }

const readTicket: Reading = (body) => {
  const answer = JSON.parse(body) as {
    ticket: { businessDate: string; queueId: string; number: number }
    peopleAhead: number
  }
  const t = answer.ticket
  return { key: `${t.businessDate}/${t.queueId}/${t.number}`, waiting: answer.peopleAhead }
}
const readBaseline: Reading = (body) => ({
  key: String((JSON.parse(body) as { id: number }).id),
  waiting: null,
})

interface Level {
  offered: number
  sent: number
  ok: number
  errors: number
  statuses: Record<string, number>
  refusals: string[]
  duplicates: number
  achieved: number
  p50: number
  p99: number
  max: number
  /** p99 of the answers given while fewer than `maxWaiting` were waiting (the hall only). */
  p99BelowMaxWaiting: number | null
  waitingAtEnd: number | null
  /** How late this process sent, against the schedule: p99 and max, in ms. */
  sendLagP99: number
  sendLagMax: number
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}

/** Offers `rate` requests a second for `duration` seconds and waits for their answers. */
async function openLoop(
  url: string,
  headers: Record<string, string>,
  body: string,
  rate: number,
  duration: number,
  read: Reading,
): Promise<Level> {
  const target = new URL(url)
  const agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets })
  const total = Math.round(rate * duration)
  // The schedule, in ms from the start: evenly spaced, or a Poisson process of the same rate.
  const schedule = new Float64Array(total)
  for (let i = 1, at = 0; i < total; i++) {
    at += poisson ? -Math.log(1 - Math.random()) * (1000 / rate) : 1000 / rate
    schedule[i] = at
  }
  const latencies = new Float64Array(total)
  const belowMax: number[] = []
  const lags = new Float64Array(total)
  const seen = new Set<string>()
  const statuses: Record<string, number> = {}
  /** The first few non-2xx answers, word for word, to say what the errors were. */
  const refusals: string[] = []
  let ok = 0
  let errors = 0
  let duplicates = 0
  let answered = 0
  let lastAnswer = 0
  let waitingAtEnd: number | null = null
  let allAnswered: () => void = () => {}
  const finished = new Promise<void>((resolve) => {
    allAnswered = resolve
  })
  const payload = Buffer.from(body)
  const start = performance.now() + 20

  const settle = (status: string, scheduled: number, text: string | null) => {
    const now = performance.now()
    statuses[status] = (statuses[status] ?? 0) + 1
    if (text !== null) {
      try {
        const { key, waiting } = read(text)
        if (seen.has(key)) duplicates++
        else seen.add(key)
        latencies[ok++] = now - scheduled
        if (waiting !== null) {
          waitingAtEnd = Math.max(waitingAtEnd ?? 0, waiting + 1)
          if (waiting < maxWaiting) belowMax.push(now - scheduled)
        }
      } catch {
        errors++
      }
    } else errors++
    lastAnswer = now
    if (++answered === total) allAnswered()
  }

  const send = (i: number) => {
    const scheduled = start + (schedule[i] as number)
    lags[i] = performance.now() - scheduled
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': payload.length },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (d: Buffer) => chunks.push(d))
        res.on('end', () => {
          const status = res.statusCode ?? 0
          const text = Buffer.concat(chunks).toString()
          if ((status < 200 || status >= 300) && refusals.length < 3)
            refusals.push(`${status} ${text.slice(0, 200)}`)
          settle(String(status), scheduled, status >= 200 && status < 300 ? text : null)
        })
        res.on('error', () => settle('response error', scheduled, null))
      },
    )
    req.on('error', (e: NodeJS.ErrnoException) => settle(e.code ?? 'socket error', scheduled, null))
    req.end(payload)
  }

  // Sends everything that is due, then sleeps until the next one is (timers wake about every ms).
  let next = 0
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now()
      while (next < total && start + (schedule[next] as number) <= now) send(next++)
      if (next < total) setTimeout(tick, Math.max(0, start + (schedule[next] as number) - performance.now()))
      else resolve()
    }
    setTimeout(tick, Math.max(0, start - performance.now()))
  })
  const sentAt = performance.now()
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref())
  if ((await Promise.race([finished, timeout])) === 'timeout') {
    const missing = total - answered
    errors += missing
    statuses['no answer within 10 s'] = missing
  }
  // Answers that come after this (to requests given up on) change nothing reported.
  const counted = { errors, statuses: { ...statuses }, refusals: [...refusals] }
  agent.destroy()

  const sorted = latencies.slice(0, ok).sort()
  const sortedBelow = Float64Array.from(belowMax).sort()
  const sortedLags = lags.sort()
  return {
    offered: rate,
    sent: total,
    ok,
    errors: counted.errors,
    statuses: counted.statuses,
    refusals: counted.refusals,
    duplicates,
    achieved: ok / ((Math.max(lastAnswer, sentAt) - start) / 1000),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
    p99BelowMaxWaiting: read === readTicket ? percentile(sortedBelow, 99) : null,
    waitingAtEnd,
    sendLagP99: percentile(sortedLags, 99),
    sendLagMax: sortedLags[sortedLags.length - 1] ?? Number.NaN,
  }
}

const ticketBody = JSON.stringify({ queueId: 'public', print: false })
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')
const results: { rate: number; hall: Level; baseline: Level }[] = []
const log = (line: string) => process.stdout.write(`${line}\n`)
const fmt = (l: Level) =>
  [
    `${l.achieved.toFixed(0).padStart(5)}/s`,
    `p50 ${l.p50.toFixed(2).padStart(7)}`,
    `p99 ${l.p99.toFixed(2).padStart(7)}`,
    `max ${l.max.toFixed(1).padStart(7)} ms`,
    `err ${l.errors}`,
    `dup ${l.duplicates}`,
  ].join('  ')

log(
  `open-loop ticket issuing (POST, answered after COMMIT), ${values.schedule} schedule, ${seconds} s per rate, ${sockets} sockets, synchronous=${synchronous}, hall server of ${values['hall-root'] ?? 'this checkout'}`,
)
log(
  `${process.platform} ${process.arch}, node ${process.version}, ${cpus().length} cores, load average ${load()}`,
)

const dir = await mkdtemp(join(tmpdir(), 'hall-open-loop-'))
try {
  for (const rate of rates) {
    const run = async (server: Server, path: string, headers: Record<string, string>, read: Reading) => {
      try {
        await openLoop(new URL(path, server.url).href, headers, ticketBody, Math.min(rate, 250), 2, read)
        return await openLoop(new URL(path, server.url).href, headers, ticketBody, rate, seconds, read)
      } finally {
        await server.stop()
      }
    }
    const hall = await benchHall(join(dir, `hall-${rate}`), synchronous)
    const ours = await run(
      await startHall(hall, values['hall-root']),
      '/api/tickets',
      { authorization: `Bearer ${hall.token}` },
      readTicket,
    )
    const base = await run(
      await startBaseline(join(dir, `baseline-${rate}.sqlite`), synchronous),
      '/tickets',
      {},
      readBaseline,
    )
    results.push({ rate, hall: ours, baseline: base })
    log(`offered ${rate}/s for ${seconds} s (load average ${load()})`)
    log(
      `  hall  ${fmt(ours)}  waiting at end ${ours.waitingAtEnd}  p99 while < ${maxWaiting} waiting ${ours.p99BelowMaxWaiting?.toFixed(2)} ms  send lag p99 ${ours.sendLagP99.toFixed(2)} ms`,
    )
    log(`  bare  ${fmt(base)}  send lag p99 ${base.sendLagP99.toFixed(2)} ms`)
    for (const [name, level] of [
      ['hall', ours],
      ['bare', base],
    ] as const) {
      const failed = Object.entries(level.statuses).filter(([status]) => !/^2\d\d$/.test(status))
      if (failed.length > 0) log(`  ${name} errors: ${failed.map(([s, n]) => `${s} × ${n}`).join(', ')}`)
      for (const refusal of level.refusals) log(`    ${refusal}`)
    }
  }
  const goal = results.find((r) => r.rate === 2000)?.hall
  log(
    goal
      ? `goal (2000/s offered, p99 <= 10 ms, 0 duplicates, 0 errors): ${goal.p99 <= 10 && goal.duplicates === 0 && goal.errors === 0 ? 'met' : 'not met'} (p99 ${goal.p99.toFixed(2)} ms, ${goal.duplicates} duplicates, ${goal.errors} errors)`
      : 'goal (2000/s offered): not measured in this run',
  )
  log(`load average at the end ${load()}`)
  if (values.json)
    await writeFile(
      values.json,
      JSON.stringify({ seconds, sockets, schedule: values.schedule, synchronous, results }, null, 2),
    )
} finally {
  await rm(dir, { recursive: true, force: true })
}
