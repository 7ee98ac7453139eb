import { rm } from 'node:fs/promises'
import { ApiCallError, type ApiClient, createApiClient, type OperationOutput } from '@hall/protocol'
import { pathsFrom } from '../../src/config.js'
import { Db } from '../../src/store/db.js'
import { DEMO_STAFF, demoHallConfig } from '../../src/templates.js'
import { prepareDataDir } from '../helper.js'
import { type ServerProcess, startServerProcess } from './server-process.js'

/**
 * A hall under mixed load, killed with SIGKILL at random moments and restarted, with everything it
 * acknowledged checked against what it stored.
 *
 * The load is what a hall does: the kiosk issues numbers in four queues, two signed-in clerks call,
 * open and finish cases at their windows, and each window's pad rates the finished case. The clients
 * keep going through the kill and the restart (a kiosk does not know the server died). Every answer
 * a client got is recorded: that is what a person holds in their hand (a paper ticket, a receipt, a
 * rating screen saying 谢谢).
 *
 * After each restart, everything acknowledged before the kill is compared with the SQLite file
 * (opened read-only):
 *   lost        an acknowledged ticket, call, case or rating that is not stored, or stored
 *               differently (another number or code, a case not finished, a rating of another level);
 *   duplicated  a ticket number (queue, business day) that clients were handed twice, or a stored
 *               ticket whose issuedAt is not the one its client was told (a second issue overwrote it);
 *   stalled     the restarted hall refuses to issue in a queue, or issues a number that is not past
 *               every number it had acknowledged in that queue.
 * A ticket id is date-queue-number, so a number handed out twice is the same id twice: the check is
 * on the answers clients saw, not only on rows, which a duplicate could have overwritten.
 */

export const LOAD_QUEUES = ['market', 'public', 'relief', 'general'] as const
const CLERKS = [
  { device: 'counter-1', staffNo: '1001', windowId: '1', pad: 'pad-1' },
  { device: 'counter-2', staffNo: '1002', windowId: '2', pad: 'pad-2' },
] as const

export interface AckedTicket {
  id: string
  businessDate: string
  queueId: string
  number: number
  code: string
  issuedAt: number
}
export interface AckedCall {
  ticketId: string
  windowId: string
  at: number
}
export interface AckedCase {
  id: string
  ticketId: string | null
  finishedAt: number
}
export interface AckedRating {
  caseId: string
  level: string
  at: number
}

export interface Counts {
  tickets: number
  calls: number
  cases: number
  ratings: number
}

export interface Finding {
  kind: 'lost' | 'duplicated' | 'stalled'
  /** What the finding is about, so the same one is not counted again in a later check. */
  key: string
  detail: string
}

export interface RoundReport {
  round: number
  /** Answers clients got since the previous kill (from the server this round killed). */
  acknowledged: Counts
  /** How long the load ran before the kill, ms. */
  killedAfterMs: number
  /** From starting the new process to its first answered health check, ms. */
  restartToReadyMs: number
  /** Findings new in this round's check (each finding is counted once, in the round it appears). */
  lost: Finding[]
  duplicated: Finding[]
  stalled: Finding[]
}

export interface KillLoopSummary {
  rounds: RoundReport[]
  /**
   * The last check, with the load stopped: everything acknowledged, including after the last kill
   * (its `acknowledged` counts those answers).
   */
  final: Pick<RoundReport, 'acknowledged' | 'lost' | 'duplicated' | 'stalled'>
  acknowledged: Counts
  lost: number
  duplicated: number
  stalled: number
  restartToReadyMs: { min: number; median: number; max: number }
  /** Client errors by code (OFFLINE while the server is down, refusals such as NO_WAITING). */
  errors: Record<string, number>
}

export interface KillLoopOptions {
  rounds: number
  /** The kill comes at a random moment between these many ms after the server is ready. */
  killAfterMs?: [number, number]
  /** Seed of the random moments and pauses, to repeat a run. */
  seed?: number
  /** Called after each round's check. */
  onRound?: (report: RoundReport) => void
  /** Extra environment for the server process. */
  env?: Record<string, string>
}

/** A small seeded PRNG (mulberry32), so a failing run can be repeated with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export class MixedLoadHall {
  readonly acked = {
    tickets: [] as AckedTicket[],
    calls: [] as AckedCall[],
    cases: [] as AckedCase[],
    ratings: [] as AckedRating[],
  }
  readonly errors: Record<string, number> = {}
  private readonly seen = new Set<string>()
  private running = false
  private work: Promise<void>[] = []
  private sessions: Record<string, string> = {}
  private serviceItemId = ''
  /** The counts at the last kill: a round's answers are those since. */
  private lastKill: Counts = { tickets: 0, calls: 0, cases: 0, ratings: 0 }

  private constructor(
    readonly dir: string,
    readonly tokens: Record<string, string>,
    public server: ServerProcess,
    private readonly random: () => number,
    private readonly env: Record<string, string>,
  ) {}

  /** A fresh demo hall in a temp directory, its server running, clerks signed in at windows 1 and 2. */
  static async start(options: { seed?: number; env?: Record<string, string> } = {}): Promise<MixedLoadHall> {
    const config = demoHallConfig()
    // The load issues far more than a hall day; room for it, and no rate limit on the one test IP.
    for (const queue of config.queues) {
      queue.last = 99_999
      queue.digits = 5
    }
    config.server.rateLimitPerMinute = 1_000_000
    const { dir, tokens } = await prepareDataDir(config)
    const env = options.env ?? {}
    const server = await startServerProcess(dir, { env })
    const hall = new MixedLoadHall(dir, tokens, server, seededRandom(options.seed ?? Date.now()), env)
    for (const clerk of CLERKS) {
      const pin = DEMO_STAFF.find((s) => s.staffNo === clerk.staffNo)?.pin as string
      const signedIn = await hall.client(tokens[clerk.device] as string)('signIn', {
        body: { staffNo: clerk.staffNo, pin },
      })
      hall.sessions[clerk.device] = signedIn.token
    }
    const items = await hall.client(tokens['kiosk-1'] as string)('searchServices', { query: { q: '低保' } })
    if (!items[0]) throw new Error('the demo catalog has no 低保 service')
    hall.serviceItemId = items[0].id
    return hall
  }

  /** A client of whichever server process is current (the restarted one keeps the port). */
  client(token: string): ApiClient {
    return createApiClient({ baseUrl: this.server.url, token: () => token, timeoutMs: 5000 })
  }

  get counts(): Counts {
    return {
      tickets: this.acked.tickets.length,
      calls: this.acked.calls.length,
      cases: this.acked.cases.length,
      ratings: this.acked.ratings.length,
    }
  }

  /** Starts the kiosk, clerks and pads; they run until `stopLoad`. */
  startLoad(): void {
    if (this.running) return
    this.running = true
    this.work = [
      ...LOAD_QUEUES.map((queueId) => this.issuer(queueId)),
      ...CLERKS.map((clerk) => this.clerk(clerk)),
    ]
  }

  async stopLoad(): Promise<void> {
    this.running = false
    await Promise.all(this.work)
    this.work = []
  }

  /**
   * One round: the load runs on the current server for a random moment in `killAfterMs`, the server
   * is killed with SIGKILL, started again on the same data and port, and everything acknowledged
   * before the kill is checked.
   */
  async round(round: number, killAfterMs: [number, number]): Promise<RoundReport> {
    this.startLoad()
    const before = this.lastKill
    const [min, max] = killAfterMs
    const wait = Math.round(min + this.random() * (max - min))
    const started = Date.now()
    await sleep(wait)
    await this.server.kill()
    const killedAfterMs = Date.now() - started
    const atKill = this.counts
    this.lastKill = atKill
    const restartToReadyMs = await this.restart()
    const findings = [
      ...(await this.check(atKill)),
      ...(await this.probe(round, this.highestBefore(atKill.tickets))),
    ]
    return {
      round,
      acknowledged: {
        tickets: atKill.tickets - before.tickets,
        calls: atKill.calls - before.calls,
        cases: atKill.cases - before.cases,
        ratings: atKill.ratings - before.ratings,
      },
      killedAfterMs,
      restartToReadyMs,
      ...split(findings),
    }
  }

  /** Stops the load and checks everything acknowledged, up to the last answer. */
  async finalCheck(): Promise<KillLoopSummary['final']> {
    const from = this.lastKill
    await this.stopLoad()
    const all = this.counts
    const findings = await this.check(all)
    return {
      acknowledged: {
        tickets: all.tickets - from.tickets,
        calls: all.calls - from.calls,
        cases: all.cases - from.cases,
        ratings: all.ratings - from.ratings,
      },
      ...split(findings),
    }
  }

  /** Stops the load and the server (SIGTERM), and removes the data directory. */
  async close(): Promise<void> {
    this.running = false
    await Promise.all(this.work)
    await this.server.stop()
    await rm(this.dir, { recursive: true, force: true })
  }

  /** Starts the server again on the same data and port; the time until it answers, ms. */
  private async restart(): Promise<number> {
    const started = Date.now()
    this.server = await startServerProcess(this.dir, { port: this.server.port, env: this.env })
    const health = createApiClient({ baseUrl: this.server.url, token: () => null, timeoutMs: 1000 })
    for (;;) {
      try {
        await health('health')
        return Date.now() - started
      } catch {
        if (Date.now() - started > 60_000) throw new Error('the restarted hall server did not answer in 60 s')
        await sleep(10)
      }
    }
  }

  /** The highest number acknowledged in each queue among the first `count` tickets. */
  private highestBefore(count: number): Map<string, number> {
    const highest = new Map<string, number>()
    const today = new Map<string, string>()
    for (const ticket of this.acked.tickets.slice(0, count)) {
      const key = ticket.queueId
      if ((today.get(key) ?? '') < ticket.businessDate) {
        today.set(key, ticket.businessDate)
        highest.set(key, ticket.number)
      } else if (today.get(key) === ticket.businessDate) {
        highest.set(key, Math.max(highest.get(key) ?? 0, ticket.number))
      }
    }
    return highest
  }

  /** The restarted hall issues in every queue, past every number it had acknowledged there. */
  private async probe(round: number, highest: Map<string, number>): Promise<Finding[]> {
    const kiosk = this.client(this.tokens['kiosk-1'] as string)
    const findings: Finding[] = []
    for (const queueId of LOAD_QUEUES) {
      let issued: OperationOutput<'issueTicket'>
      try {
        issued = await kiosk('issueTicket', { body: { queueId, print: false } })
      } catch (error) {
        const why = error instanceof ApiCallError ? `${error.code}: ${error.message}` : String(error)
        findings.push({
          kind: 'stalled',
          key: `stalled:${queueId}:round ${round}`,
          detail: `after the restart the ${queueId} queue does not issue (${why})`,
        })
        continue
      }
      this.recordTicket(issued.ticket)
      const last = highest.get(queueId)
      if (last !== undefined && issued.ticket.number <= last) {
        findings.push({
          kind: 'stalled',
          key: `stalled:${issued.ticket.id}:${issued.ticket.issuedAt}`,
          detail: `after the restart ${queueId} issued ${issued.ticket.code}, not past ${last} acknowledged before`,
        })
      }
    }
    return this.fresh(findings)
  }

  /** Compares the first `upTo` acknowledged answers of each kind with the stored rows. */
  private async check(upTo: Counts): Promise<Finding[]> {
    const db = await Db.open(pathsFrom({}, this.dir).dbFile, { readonly: true })
    try {
      const findings: Finding[] = []
      const tickets = new Map(
        (
          await db.all<{
            id: string
            business_date: string
            queue_id: string
            number: number
            code: string
            issued_at: number
            called_at: number | null
            window_id: string | null
          }>('SELECT id, business_date, queue_id, number, code, issued_at, called_at, window_id FROM tickets')
        ).map((r) => [r.id, r]),
      )
      // Numbers handed to clients twice: the same queue, day and number in two different answers.
      const handed = new Map<string, AckedTicket[]>()
      for (const ticket of this.acked.tickets.slice(0, upTo.tickets)) {
        const key = `${ticket.businessDate}/${ticket.queueId}/${ticket.number}`
        const list = handed.get(key) ?? []
        if (!list.some((t) => t.id === ticket.id && t.issuedAt === ticket.issuedAt)) list.push(ticket)
        handed.set(key, list)
      }
      for (const [key, list] of handed) {
        if (list.length > 1) {
          findings.push({
            kind: 'duplicated',
            key: `handed:${key}`,
            detail: `${list[0]?.code} (${key}) was handed to ${list.length} clients, issued at ${list.map((t) => new Date(t.issuedAt).toISOString()).join(', ')}`,
          })
        }
      }
      for (const ticket of this.acked.tickets.slice(0, upTo.tickets)) {
        const row = tickets.get(ticket.id)
        const key = `${ticket.id}@${ticket.issuedAt}`
        if (!row) {
          findings.push({
            kind: 'lost',
            key: `ticket:${key}`,
            detail: `ticket ${ticket.code} (${ticket.id}) is not stored`,
          })
        } else if (
          row.number !== ticket.number ||
          row.code !== ticket.code ||
          row.queue_id !== ticket.queueId ||
          row.business_date !== ticket.businessDate
        ) {
          findings.push({
            kind: 'lost',
            key: `ticket:${key}`,
            detail: `ticket ${ticket.id} is stored as ${row.code} (${row.queue_id}, ${row.business_date}), acknowledged as ${ticket.code}`,
          })
        } else if (row.issued_at !== ticket.issuedAt) {
          findings.push({
            kind: 'duplicated',
            key: `issuedAt:${key}`,
            detail: `ticket ${ticket.code} was acknowledged as issued at ${new Date(ticket.issuedAt).toISOString()}, the stored one at ${new Date(row.issued_at).toISOString()}`,
          })
        }
      }
      for (const call of this.acked.calls.slice(0, upTo.calls)) {
        const row = tickets.get(call.ticketId)
        if (!row || row.called_at !== call.at || row.window_id !== call.windowId) {
          findings.push({
            kind: 'lost',
            key: `call:${call.ticketId}@${call.at}`,
            detail: `the call of ${call.ticketId} to window ${call.windowId} at ${call.at} is stored as ${row ? `called_at ${row.called_at}, window ${row.window_id}` : 'no ticket'}`,
          })
        }
      }
      const cases = new Map(
        (
          await db.all<{ id: string; ticket_id: string | null; status: string; finished_at: number | null }>(
            'SELECT id, ticket_id, status, finished_at FROM cases',
          )
        ).map((r) => [r.id, r]),
      )
      for (const acked of this.acked.cases.slice(0, upTo.cases)) {
        const row = cases.get(acked.id)
        if (
          row?.status !== 'finished' ||
          row.finished_at !== acked.finishedAt ||
          row.ticket_id !== acked.ticketId
        ) {
          findings.push({
            kind: 'lost',
            key: `case:${acked.id}`,
            detail: `finished case ${acked.id} is stored as ${row ? `${row.status} at ${row.finished_at}` : 'nothing'}`,
          })
        }
      }
      const ratings = new Map(
        (
          await db.all<{ case_id: string; level: string; channel: string; at: number }>(
            'SELECT case_id, level, channel, at FROM ratings',
          )
        ).map((r) => [r.case_id, r]),
      )
      for (const acked of this.acked.ratings.slice(0, upTo.ratings)) {
        const row = ratings.get(acked.caseId)
        if (!row || row.level !== acked.level || row.at !== acked.at || row.channel !== 'pad') {
          findings.push({
            kind: 'lost',
            key: `rating:${acked.caseId}`,
            detail: `the rating of case ${acked.caseId} is stored as ${row ? `${row.level} by ${row.channel} at ${row.at}` : 'nothing'}`,
          })
        }
      }
      return this.fresh(findings)
    } finally {
      await db.close()
    }
  }

  /** The findings not reported before. */
  private fresh(findings: Finding[]): Finding[] {
    const out = findings.filter((f) => !this.seen.has(f.key))
    for (const f of out) this.seen.add(f.key)
    return out
  }

  private recordTicket(ticket: AckedTicket): void {
    this.acked.tickets.push({
      id: ticket.id,
      businessDate: ticket.businessDate,
      queueId: ticket.queueId,
      number: ticket.number,
      code: ticket.code,
      issuedAt: ticket.issuedAt,
    })
  }

  /** No answer (the server is down or died mid-request) or a refusal: counted, then a short pause. */
  private async failed(error: unknown): Promise<ApiCallError | null> {
    const code = error instanceof ApiCallError ? error.code : 'NO_ANSWER'
    this.errors[code] = (this.errors[code] ?? 0) + 1
    await sleep(code === 'OFFLINE' || code === 'NO_ANSWER' ? 20 : 5)
    return error instanceof ApiCallError ? error : null
  }

  private async issuer(queueId: string): Promise<void> {
    const kiosk = this.client(this.tokens['kiosk-1'] as string)
    while (this.running) {
      try {
        const issued = await kiosk('issueTicket', { body: { queueId, print: false } })
        this.recordTicket(issued.ticket)
        await sleep(Math.floor(this.random() * 15))
      } catch (error) {
        await this.failed(error)
      }
    }
  }

  private async clerk(clerk: (typeof CLERKS)[number]): Promise<void> {
    const api = this.client(this.sessions[clerk.device] as string)
    const pad = this.client(this.tokens[clerk.pad] as string)
    const { windowId } = clerk
    let openCase: string | null = null
    while (this.running) {
      try {
        if (openCase) {
          const caseId: string = openCase
          const finished = await api('finishCase', {
            params: { caseId },
            body: {
              serviceItemId: this.serviceItemId,
              caseType: 'immediate',
              outcome: 'accepted',
              print: false,
            },
          })
          openCase = null
          this.acked.cases.push({
            id: finished.case.id,
            ticketId: finished.case.ticketId,
            finishedAt: finished.case.finishedAt as number,
          })
          const levels = ['very_satisfied', 'satisfied', 'basically_satisfied'] as const
          const level = levels[Math.floor(this.random() * levels.length)] ?? 'satisfied'
          const rating = await pad('submitRating', { params: { caseId }, body: { level } })
          this.acked.ratings.push({ caseId: rating.caseId, level: rating.level, at: rating.at })
          continue
        }
        const called = await api('callNext', { params: { windowId } })
        this.acked.calls.push({
          ticketId: called.call.ticketId,
          windowId: called.call.windowId,
          at: called.call.at,
        })
        const opened = await api('startCase', { params: { windowId }, body: {} })
        openCase = opened.id
      } catch (error) {
        const refused = await this.failed(error)
        if (refused?.code === 'CASE_OPEN') {
          // A case opened before the kill whose answer never came: finish that one.
          const snapshot = await this.client(this.tokens['display-1'] as string)('getHallSnapshot').catch(
            () => null,
          )
          openCase = snapshot?.windows.find((w) => w.id === windowId)?.openCaseId ?? null
        } else if (refused?.code === 'CASE_STATE' || refused?.code === 'CASE_NOT_FOUND') {
          openCase = null
        }
      }
    }
  }
}

function split(findings: Finding[]): Pick<RoundReport, 'lost' | 'duplicated' | 'stalled'> {
  return {
    lost: findings.filter((f) => f.kind === 'lost'),
    duplicated: findings.filter((f) => f.kind === 'duplicated'),
    stalled: findings.filter((f) => f.kind === 'stalled'),
  }
}

/**
 * `rounds` kills under mixed load on one hall, each followed by a restart and a check, then a final
 * check with the load stopped. The hall is left running for the caller's own checks; `close` it.
 */
export async function runKillLoop(hall: MixedLoadHall, options: KillLoopOptions): Promise<KillLoopSummary> {
  const rounds: RoundReport[] = []
  for (let round = 1; round <= options.rounds; round++) {
    const report = await hall.round(round, options.killAfterMs ?? [1000, 4000])
    rounds.push(report)
    options.onRound?.(report)
  }
  const final = await hall.finalCheck()
  const all = [...rounds, final]
  const ready = rounds.map((r) => r.restartToReadyMs).sort((a, b) => a - b)
  return {
    rounds,
    final,
    acknowledged: hall.counts,
    lost: all.reduce((n, r) => n + r.lost.length, 0),
    duplicated: all.reduce((n, r) => n + r.duplicated.length, 0),
    stalled: all.reduce((n, r) => n + r.stalled.length, 0),
    restartToReadyMs: {
      min: ready[0] ?? 0,
      median: ready[Math.floor(ready.length / 2)] ?? 0,
      max: ready[ready.length - 1] ?? 0,
    },
    errors: { ...hall.errors },
  }
}

/** One line per round, for the test log and the killtest script. */
export function formatRound(r: RoundReport, rounds: number): string {
  const a = r.acknowledged
  const total = a.tickets + a.calls + a.cases + a.ratings
  return [
    `round ${String(r.round).padStart(String(rounds).length)}/${rounds}`,
    `acknowledged ${total} (tickets ${a.tickets}, calls ${a.calls}, cases ${a.cases}, ratings ${a.ratings})`,
    `lost ${r.lost.length}`,
    `duplicated ${r.duplicated.length}`,
    ...(r.stalled.length ? [`stalled ${r.stalled.length}`] : []),
    `restart-to-ready ${r.restartToReadyMs} ms`,
    `(killed ${(r.killedAfterMs / 1000).toFixed(1)} s in)`,
  ].join('  ')
}
