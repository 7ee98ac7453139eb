/**
 * The demo hall's device simulator control page: a small HTTP server (plain HTML and a tiny JSON
 * API) that lets a person trying the demo act on the SIMULATED terminals: place a fictional ID
 * card, scan a code, press the evaluator box, and see what was printed and what the window LED
 * screens show. It serves nothing of the hall server; it never sees real personal data.
 *
 *   GET  /                                  the page (page in simulator-control-page.ts)
 *   GET  /api/state                         terminals, devices, LED text, printouts, sample cards
 *   POST /api/terminals/:id/card            { "card": "elderly" }   place a sample card
 *   POST /api/terminals/:id/card/remove
 *   POST /api/terminals/:id/scan            { "code": "HALLAPPT:..." }
 *   POST /api/terminals/:id/rating          { "level": 1-5, "reasons": [1-8, ...] }
 *   GET  /api/terminals/:id/jobs/:n.svg|.txt  a printout
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { BAD_RATING_REASONS, isBadRatingReason, isRatingLevel } from '../codecs/evaluator/index.js'
import type { ResidentIdRecord } from '../codecs/idcard/index.js'
import { sampleResidentCard, syntheticIdNumber } from '../simulators/sample-cards.js'
import type { SimulatedTerminal } from './simulated-terminal.js'
import { simulatorControlPage } from './simulator-control-page.js'

export interface DemoCard {
  id: string
  label: string
  card: ResidentIdRecord
}

/** Fictional cards (测试…, valid check digits); ages are counted from `today`. */
export function demoCards(today = new Date()): DemoCard[] {
  const year = today.getFullYear()
  const card = (n: number, id: string, age: number, label: string, sequence: number): DemoCard => {
    const birthDate = `${year - age}-01-01`
    const base = sampleResidentCard(n, { birthDate })
    return {
      id,
      label: `${base.name}（${base.gender}，${age}岁）${label}`,
      card: { ...base, idNumber: syntheticIdNumber('110101', birthDate, sequence) },
    }
  }
  return [
    card(0, 'elderly', 75, '· 70岁以上可优先取号', 11),
    card(1, 'adult', 38, '', 22),
    card(2, 'young', 24, '', 33),
  ]
}

export interface SimulatorControlOptions {
  terminals: ReadonlyMap<string, SimulatedTerminal>
  /** Default 8081. */
  port?: number
  /** Default 0.0.0.0, so the page opens from another PC in the demo room too. */
  host?: string
  /** The hall's landing page, linked from the control page. */
  hallUrl?: string
  /** What the demo could not start (e.g. socat missing), shown at the top of the page. */
  problems?: readonly string[]
  cards?: DemoCard[]
}

export interface SimulatorControl {
  url: string
  server: Server
  close(): Promise<void>
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

const QR = /\[QR: ([^\]\n]+)\]/

function terminalView(id: string, terminal: SimulatedTerminal) {
  const health = terminal.agent.health()
  return {
    id,
    kinds: terminal.kinds,
    missing: terminal.missing,
    agent: { status: health.status, windowId: health.windowId, pending: health.pending.length },
    devices: health.devices.map((d) => ({
      kind: d.kind,
      connected: d.connected,
      lastError: d.lastError,
      // The same verdict the agent logs and sends to the hall (devices/condition.ts).
      status: d.condition.status,
      reason: d.condition.reason,
    })),
    cardPlaced: terminal.cardPlaced,
    led: terminal.ledLines,
    evaluator: terminal.kinds.includes('evaluator')
      ? { state: terminal.evaluatorState, caseRef: terminal.evaluatorPrompt?.caseRef ?? null }
      : null,
    printer: terminal.printer ? { paper: terminal.printer.getState().paper } : null,
    jobs: terminal.jobs
      .slice(-8)
      .reverse()
      .map((job) => ({
        index: job.index,
        at: job.receivedAt.getTime(),
        printed: job.printed,
        title: job.text
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && !/^[-✂]/.test(l))
          .slice(1, 3)
          .join(' '),
        qr: QR.exec(job.text)?.[1] ?? null,
        svg: `/api/terminals/${encodeURIComponent(id)}/jobs/${job.index}.svg`,
        txt: `/api/terminals/${encodeURIComponent(id)}/jobs/${job.index}.txt`,
      })),
  }
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = ''
  for await (const chunk of req) {
    text += chunk
    if (text.length > 10_000) throw new HttpError(413, '内容太长')
  }
  if (!text) return {}
  try {
    const parsed = JSON.parse(text) as unknown
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>
  } catch {}
  throw new HttpError(400, '请求内容不是 JSON 对象')
}

export async function startSimulatorControl(options: SimulatorControlOptions): Promise<SimulatorControl> {
  const cards = options.cards ?? demoCards()
  const problems = options.problems ?? []
  const terminal = (id: string): SimulatedTerminal => {
    const found = options.terminals.get(id)
    if (!found) throw new HttpError(404, `没有模拟终端 ${id}`)
    return found
  }
  const state = () => ({
    hallUrl: options.hallUrl ?? null,
    problems,
    cards: cards.map((c) => ({ id: c.id, label: c.label })),
    reasons: BAD_RATING_REASONS,
    terminals: [...options.terminals].map(([id, t]) => terminalView(id, t)),
  })

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent)
    const json = (value: unknown, status = 200) => {
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      })
      res.end(JSON.stringify(value))
    }
    if (req.method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      res.end(simulatorControlPage())
      return
    }
    if (req.method === 'GET' && url.pathname === '/api/state') return json(state())
    if (parts[0] !== 'api' || parts[1] !== 'terminals' || !parts[2]) throw new HttpError(404, '未找到')
    const t = terminal(parts[2])
    const action = parts.slice(3).join('/')
    if (req.method === 'GET' && parts[3] === 'jobs') {
      const m = /^(\d+)\.(svg|txt)$/.exec(parts[4] ?? '')
      const job = m ? t.jobs.find((j) => j.index === Number(m[1])) : undefined
      if (!m || !job) throw new HttpError(404, '没有这张打印件')
      res.writeHead(200, {
        'content-type': m[2] === 'svg' ? 'image/svg+xml' : 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
      })
      res.end(m[2] === 'svg' ? job.svg : job.text)
      return
    }
    if (req.method !== 'POST') throw new HttpError(405, '不支持的请求')
    const input = await body(req)
    if (action === 'card') {
      const card = cards.find((c) => c.id === input['card'])
      if (!card) throw new HttpError(400, '没有这张示例身份证')
      t.placeCard(card.card)
    } else if (action === 'card/remove') {
      t.removeCard()
    } else if (action === 'scan') {
      const code = typeof input['code'] === 'string' ? input['code'].trim() : ''
      if (!code || code.length > 500) throw new HttpError(400, '请输入要扫描的内容')
      await t.scan(code)
    } else if (action === 'rating') {
      const level = Number(input['level'])
      const reasons = Array.isArray(input['reasons']) ? input['reasons'].map(Number) : []
      if (!isRatingLevel(level) || !reasons.every(isBadRatingReason)) throw new HttpError(400, '评价按键不对')
      if (!t.kinds.includes('evaluator')) throw new HttpError(400, '此终端没有评价器')
      if (!t.evaluatorPrompt) throw new HttpError(409, '评价器当前没有待评价的办件')
      // The box waits for the agent's ACKs; the page gets its answer at once.
      void t.pressRating(level, reasons.filter(isBadRatingReason)).catch(() => {})
    } else {
      throw new HttpError(404, '未找到')
    }
    json({ ok: true })
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500
      const message = err instanceof Error && /[\u4e00-\u9fff]/.test(err.message) ? err.message : '操作失败'
      if (!res.headersSent) res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify({ ok: false, message }))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8081, options.host ?? '0.0.0.0', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  const port = address && typeof address === 'object' ? address.port : (options.port ?? 8081)
  return {
    url: `http://localhost:${port}/`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
