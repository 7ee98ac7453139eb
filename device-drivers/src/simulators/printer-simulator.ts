/**
 * A simulated network receipt printer: a TCP server (port 9100 by default, the raw printing port)
 * that takes ESC/POS bytes, answers DLE EOT real-time status requests from a settable state, and
 * turns every job (ended by a cut) into readable text and an SVG with the escpos tokenizer and
 * renderers. Jobs are kept in `jobs` and, with `outDir`, written as `job-0001.txt` / `.svg`
 * (synchronously: a simulator, not a hot path).
 *
 * Status bytes follow the Epson behaviour the device expects (codecs/escpos/status.ts): the
 * printer reports itself offline whenever the cover is open, the paper is out or an error
 * occurred, and a paper-out printer also reports near end.
 */

import { EventEmitter } from 'node:events'
import { mkdirSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { join } from 'node:path'
import {
  createEscPosTokenizer,
  type EscPosToken,
  encodeStatusByte,
  type PaperWidth,
  type RealtimeStatus,
  renderPlainText,
  renderSvg,
  type StatusKind,
} from '../codecs/escpos/index.js'
import { type Logger, silentLogger } from '../logger.js'

export interface PrinterSimulatorState {
  paper: 'ok' | 'near_end' | 'out'
  coverOpen: boolean
  /** false: offline for another reason (feed button held, a fault being reset). */
  online: boolean
  error: 'none' | 'cutter' | 'overheat' | 'unrecoverable'
  /** false: DLE EOT goes unanswered (a cheap printer, or a hung one). */
  answersStatus: boolean
}

export interface SimulatedJob {
  /** 1-based. */
  index: number
  bytes: Uint8Array
  text: string
  svg: string
  receivedAt: Date
  /** Whether the simulated printer could print it (state at the cut). */
  printed: boolean
  /** Paths of the files written, with `outDir`. */
  files?: { txt: string; svg: string }
}

export interface PrinterSimulatorOptions {
  /** Default 9100; 0 picks a free port (tests). */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Write each job here as .txt and .svg. */
  outDir?: string
  /** Paper width for rendering; default 80mm. */
  paper?: PaperWidth
  logger?: Logger
  state?: Partial<PrinterSimulatorState>
}

export interface PrinterSimulatorEvents {
  job: [job: SimulatedJob]
  statusRequest: [kind: StatusKind | null]
  connection: []
}

const DEFAULT_STATE: PrinterSimulatorState = {
  paper: 'ok',
  coverOpen: false,
  online: true,
  error: 'none',
  answersStatus: true,
}

/** The four DLE EOT answers for a state. */
export function simulatedStatus(state: PrinterSimulatorState, kind: StatusKind): RealtimeStatus {
  const paperOut = state.paper === 'out'
  const faulty = state.error !== 'none'
  switch (kind) {
    case 'printer':
      return {
        kind,
        raw: 0,
        online: state.online && !state.coverOpen && !paperOut && !faulty,
        drawerPin3High: false,
        waitingForOnlineRecovery: state.error === 'overheat',
        feedButtonPressed: false,
      }
    case 'offline':
      return {
        kind,
        raw: 0,
        coverOpen: state.coverOpen,
        feedingByButton: false,
        stoppedByPaperEnd: paperOut,
        errorOccurred: faulty,
      }
    case 'error':
      return {
        kind,
        raw: 0,
        mechanicalError: false,
        autocutterError: state.error === 'cutter',
        unrecoverableError: state.error === 'unrecoverable',
        autoRecoverableError: state.error === 'overheat',
      }
    case 'paper':
      return { kind, raw: 0, nearEnd: state.paper !== 'ok', paperOut }
  }
}

export class PrinterSimulator extends EventEmitter<PrinterSimulatorEvents> {
  readonly jobs: SimulatedJob[] = []
  private readonly host: string
  private readonly outDir: string | undefined
  private readonly paper: PaperWidth
  private readonly log: Logger
  private state: PrinterSimulatorState
  private server: net.Server | null = null
  private readonly sockets = new Set<net.Socket>()
  private boundPort: number

  constructor(options: PrinterSimulatorOptions = {}) {
    super()
    this.boundPort = options.port ?? 9100
    this.host = options.host ?? '127.0.0.1'
    this.outDir = options.outDir
    this.paper = options.paper ?? '80mm'
    this.log = options.logger ?? silentLogger
    this.state = { ...DEFAULT_STATE, ...options.state }
  }

  /** The listening port (after `start()`, the real one when 0 was asked for). */
  get port(): number {
    return this.boundPort
  }

  get url(): string {
    return `tcp://${this.host}:${this.boundPort}`
  }

  get connections(): number {
    return this.sockets.size
  }

  get listening(): boolean {
    return this.server !== null
  }

  getState(): PrinterSimulatorState {
    return { ...this.state }
  }

  setState(patch: Partial<PrinterSimulatorState>): void {
    this.state = { ...this.state, ...patch }
  }

  /** Listens (again, on the same port after a `stop()`); resolves with the port. */
  async start(): Promise<number> {
    if (this.server) return this.boundPort
    const server = net.createServer((socket) => this.accept(socket))
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.boundPort, this.host, () => {
        server.off('error', reject)
        resolve()
      })
    })
    this.server = server
    const address = server.address()
    if (address && typeof address === 'object') this.boundPort = address.port
    this.log.info('printer simulator listening', { url: this.url })
    return this.boundPort
  }

  /** Stops listening and drops every connection (the printer "switched off"). */
  async stop(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = null
    for (const socket of this.sockets) socket.destroy()
    this.sockets.clear()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  /** Resolves with job number `count` (1-based) once it has arrived. */
  waitForJob(count = 1, timeoutMs = 5000): Promise<SimulatedJob> {
    const have = this.jobs[count - 1]
    if (have) return Promise.resolve(have)
    return new Promise((resolve, reject) => {
      const onJob = (job: SimulatedJob): void => {
        if (job.index !== count) return
        clearTimeout(timer)
        this.off('job', onJob)
        resolve(job)
      }
      const timer = setTimeout(() => {
        this.off('job', onJob)
        reject(new Error(`print job ${count} did not arrive within ${timeoutMs} ms`))
      }, timeoutMs)
      this.on('job', onJob)
    })
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket)
    this.emit('connection')
    const tokenizer = createEscPosTokenizer()
    let job: EscPosToken[] = []
    const finish = (): void => {
      const tokens = job
      job = []
      if (tokens.some((t) => t.type === 'text' || (t.type === 'command' && t.command.name === 'qr-print'))) {
        this.record(tokens)
      }
    }
    const handle = (tokens: EscPosToken[]): void => {
      for (const token of tokens) {
        if (token.type === 'command' && token.command.name === 'status-request') {
          this.answerStatus(socket, token.command.kind)
          continue
        }
        job.push(token)
        if (token.type === 'command' && token.command.name === 'cut') finish()
      }
    }
    socket.on('data', (chunk: Buffer) => handle(tokenizer.push(new Uint8Array(chunk))))
    socket.on('error', (err) => this.log.debug('printer simulator socket error', { error: err }))
    socket.on('close', () => {
      this.sockets.delete(socket)
      handle(tokenizer.end())
      finish()
    })
  }

  private answerStatus(socket: net.Socket, kind: StatusKind | null): void {
    this.emit('statusRequest', kind)
    if (!this.state.answersStatus || kind === null || socket.destroyed) return
    socket.write(Uint8Array.of(encodeStatusByte(simulatedStatus(this.state, kind))))
  }

  private record(tokens: EscPosToken[]): void {
    const size = tokens.reduce((n, t) => n + t.bytes.length, 0)
    const bytes = new Uint8Array(size)
    let at = 0
    for (const t of tokens) {
      bytes.set(t.bytes, at)
      at += t.bytes.length
    }
    const s = this.state
    const job: SimulatedJob = {
      index: this.jobs.length + 1,
      bytes,
      text: renderPlainText(tokens, { paper: this.paper }),
      svg: renderSvg(tokens, { paper: this.paper }),
      receivedAt: new Date(),
      printed: s.online && !s.coverOpen && s.paper !== 'out' && s.error === 'none',
    }
    this.jobs.push(job)
    if (this.outDir) {
      const base = join(this.outDir, `job-${String(job.index).padStart(4, '0')}`)
      try {
        mkdirSync(this.outDir, { recursive: true })
        writeFileSync(`${base}.txt`, job.text)
        writeFileSync(`${base}.svg`, job.svg)
        job.files = { txt: `${base}.txt`, svg: `${base}.svg` }
      } catch (err) {
        this.log.warn('printer simulator could not write the job', { error: err })
      }
    }
    this.log.info('printer simulator received a job', { index: job.index, bytes: size, printed: job.printed })
    this.emit('job', job)
  }
}
