/**
 * The device agent: the process on a terminal PC that bridges the PC's hardware to the hall
 * server over socket.io (browsers cannot reach serial ports or HID). Devices are injected, so
 * tests and the demo hall pass devices wired to simulators.
 *
 * - Heartbeat (`agent:heartbeat`): on connect, every `heartbeatIntervalMs`, and whenever a
 *   device's reported health changes. The server raises its alarms from these, and sends print
 *   jobs only to an agent whose last heartbeat showed a healthy printer.
 * - Card reads, scans and button-box ratings go out through the Outbox (ordered, acknowledged,
 *   buffered while disconnected); so does the answer to every print job.
 * - A window-bound terminal follows the hall state (snapshot, deltas, resync on a gap) and drives
 *   its LED screen and evaluator box (WindowDriver).
 * - The link and the follower are @hall/client's, as on the screens: it reconnects by itself
 *   whatever way the server went away; the agent only logs and counts.
 */

import { EventEmitter } from 'node:events'
import { connectHall, followHall, type HallLink, hallApi, type LinkChange } from '@hall/client'
import type { Ack, HallSnapshot } from '@hall/protocol'
import { type Logger, silentLogger } from '../logger.js'
import { type AgentDevices, attachedHealth } from './attached-health.js'
import { cardLogFields, cardPayload } from './card-payload.js'
import { Outbox, type OutgoingEvent } from './outbox.js'
import { printJob } from './print-jobs.js'
import { WindowBinding } from './window-binding.js'
import { ratingPayload } from './window-outputs.js'

export type {
  AgentEvents,
  AgentHealth,
  AgentOptions,
  AgentSocket,
  AgentStatus,
  SocketFactory,
} from './agent-types.js'

import type { AgentEvents, AgentHealth, AgentOptions, AgentStatus } from './agent-types.js'

export const AGENT_VERSION = '0.1.0'

export class Agent extends EventEmitter<AgentEvents> {
  readonly devices: AgentDevices
  private readonly o: Required<Pick<AgentOptions, 'heartbeatIntervalMs' | 'ackTimeoutMs' | 'paper'>> &
    AgentOptions
  private readonly log: Logger
  private readonly clock: () => number
  private readonly outbox: Outbox
  private readonly window: WindowBinding | null
  private link: HallLink | null = null
  private status_: AgentStatus = 'idle'
  private heartbeatTimer: NodeJS.Timeout | null = null
  private beatTimer: NodeJS.Timeout | null = null
  private lastBeat = ''
  private printing: Promise<void> = Promise.resolve()
  private readonly recentJobs: string[] = []
  private stats = { connectedAt: null as number | null, reconnects: 0, everConnected: false }
  private counts = { delivered: 0, dropped: 0, printed: 0, printFailed: 0 }
  private lastError: string | null = null

  constructor(options: AgentOptions) {
    super()
    this.o = { heartbeatIntervalMs: 10_000, ackTimeoutMs: 5000, paper: '80mm', ...options }
    this.devices = options.devices
    this.log = options.logger ?? silentLogger
    this.clock = options.clock ?? Date.now
    this.outbox = new Outbox({
      send: (item) => this.emitWithAck(item),
      clock: this.clock,
      ...(options.cardMaxAgeMs !== undefined ? { cardMaxAgeMs: options.cardMaxAgeMs } : {}),
      logger: this.log.child('outbox'),
      onDelivered: (entry) => {
        this.counts.delivered++
        this.emit('delivered', entry.item.event)
      },
      onDropped: (entry, code) => {
        this.counts.dropped++
        this.emit('dropped', entry.item.event, code)
      },
    })
    const { led, evaluator } = options.devices
    this.window =
      led || evaluator
        ? new WindowBinding({
            led: led ?? null,
            evaluator: evaluator ?? null,
            logger: this.log.child('window'),
            clock: this.clock,
            whoAmI: () =>
              hallApi({
                baseUrl: options.serverUrl,
                token: () => options.token,
                timeoutMs: 10_000,
                ...(options.fetch ? { fetch: options.fetch } : {}),
              })('whoAmI'),
            onState: (state) => this.emit('state', state),
          })
        : null
  }

  get status(): AgentStatus {
    return this.status_
  }

  get connected(): boolean {
    return this.link?.connected ?? false
  }

  /** The window this terminal serves, once known (from whoAmI and the hall's device list). */
  get windowId(): string | null {
    return this.window?.windowId ?? null
  }

  get state(): HallSnapshot | null {
    return this.window?.state ?? null
  }

  health(): AgentHealth {
    return {
      status: this.status_,
      serverUrl: this.o.serverUrl,
      terminal: this.o.terminal ?? null,
      deviceId: this.window?.deviceId ?? null,
      windowId: this.windowId,
      connectedAt: this.stats.connectedAt,
      reconnects: this.stats.reconnects,
      lastError: this.lastError,
      pending: this.outbox.waiting,
      ...this.counts,
      devices: attachedHealth(this.devices),
    }
  }

  async start(): Promise<void> {
    if (this.status_ !== 'idle') return
    this.status_ = 'connecting'
    this.wireDevices()
    await Promise.all(this.deviceList().map((d) => d.start()))
    const maxDelayMs = this.o.reconnect?.maxDelayMs ?? 15_000
    const link = connectHall({
      url: this.o.serverUrl,
      token: this.o.token,
      reconnect: {
        initialDelayMs: this.o.reconnect?.initialDelayMs ?? 1000,
        maxDelayMs,
        unauthorizedDelayMs: maxDelayMs,
      },
      timeoutMs: 10_000,
      ackTimeoutMs: this.o.ackTimeoutMs,
      ...(this.o.connect ? { io: this.o.connect } : {}),
      onChange: (change) => this.onLinkChange(change),
    })
    this.link = link
    this.window?.follow(
      followHall(link, {
        onResyncFailed: (error) =>
          this.log.warn('resync got no answer; waiting for the next delta', { error }),
      }),
    )
    link.socket.on('print', (job) => this.onPrint(job))
    this.heartbeatTimer = setInterval(() => {
      this.beat(true)
      this.window?.driver.reconcile()
    }, this.o.heartbeatIntervalMs)
    this.log.info('agent starting', { server: this.o.serverUrl, terminal: this.o.terminal ?? null })
  }

  /** Stops cleanly: finishes the print in progress, sends what it can, closes every device. */
  async stop(): Promise<void> {
    if (this.status_ === 'stopped' || this.status_ === 'idle') {
      this.status_ = 'stopped'
      return
    }
    this.status_ = 'stopped'
    for (const timer of [this.heartbeatTimer, this.beatTimer]) if (timer) clearTimeout(timer)
    await Promise.race([this.printing, sleep(5000)])
    await Promise.race([this.outbox.idle(), sleep(2000)])
    const left = this.outbox.close()
    if (left.length > 0)
      this.log.warn('stopping with undelivered events', { events: left.map((e) => e.item.event) })
    await this.window?.stop()
    this.link?.close()
    await Promise.all(this.deviceList().map((d) => d.stop().catch(() => {})))
    this.log.info('agent stopped', { ...this.counts })
  }

  /** Sends a heartbeat now if the reported health changed (or always, with `force`). */
  beat(force = false): void {
    const attached = attachedHealth(this.devices)
    const json = JSON.stringify(attached)
    if (!force && json === this.lastBeat) return
    const socket = this.link?.socket
    if (!socket?.connected) return
    this.lastBeat = json
    socket
      .timeout(this.o.ackTimeoutMs)
      .emit('agent:heartbeat', { agentVersion: AGENT_VERSION, attached }, (err, ack) => {
        if (err || !ack.ok) {
          this.lastBeat = ''
          this.log.warn('heartbeat not taken', { code: err ? 'NO_ACK' : ack.ok ? null : ack.code })
        }
      })
    this.emit('heartbeat', attached)
  }

  private deviceList() {
    const { idcard, scanner, printer, evaluator, led } = this.devices
    return [idcard, scanner, printer, evaluator, led].filter((d) => d != null)
  }

  private wireDevices(): void {
    const { idcard, scanner, evaluator } = this.devices
    for (const device of this.deviceList()) device.on('health', () => this.scheduleBeat())
    idcard?.on('card', (record) => {
      const payload = cardPayload(record)
      this.log.info('card read', cardLogFields(payload))
      this.send({ event: 'agent:cardRead', payload })
    })
    scanner?.on('scan', (code) => {
      if (code.length === 0 || code.length > 2048) {
        this.log.warn('scan not sent: empty or longer than 2048 characters', { length: code.length })
        return
      }
      this.send({ event: 'agent:scan', payload: { code } })
    })
    evaluator?.on('rating', (rating) => {
      const caseId = this.window?.driver.ratedOnBox() ?? null
      const payload = ratingPayload(rating.level, rating.reasons)
      this.log.info('button box rating', { level: payload.level, reasons: payload.reasons ?? [], caseId })
      this.send({ event: 'agent:rating', payload: caseId === null ? payload : { ...payload, caseId } })
    })
  }

  private send(item: OutgoingEvent): void {
    this.outbox.push(item)
  }

  private emitWithAck(item: OutgoingEvent): Promise<Ack<null>> {
    const socket = this.link?.socket
    if (!socket?.connected) return Promise.reject(new Error('not connected'))
    return new Promise((resolve, reject) => {
      const done = (err: Error | null, ack: Ack<null>) => (err ? reject(err) : resolve(ack))
      const s = socket.timeout(this.o.ackTimeoutMs)
      switch (item.event) {
        case 'agent:cardRead':
          return s.emit(item.event, item.payload, done)
        case 'agent:scan':
          return s.emit(item.event, item.payload, done)
        case 'agent:rating':
          return s.emit(item.event, item.payload, done)
        case 'agent:printResult':
          return s.emit(item.event, item.payload, done)
      }
    })
  }

  private scheduleBeat(): void {
    if (this.beatTimer) return
    this.beatTimer = setTimeout(() => {
      this.beatTimer = null
      this.beat()
    }, 100)
  }

  private onLinkChange(change: LinkChange): void {
    if (change.status === 'online') this.onConnect()
    else if (change.status === 'unauthorized') this.onConnectError('UNAUTHORIZED')
    else if (change.status === 'offline' && change.cause === 'disconnected') this.onDisconnect(change.reason)
    else if (change.status === 'offline') this.onConnectError(change.message)
  }

  private onConnect(): void {
    if (this.stats.everConnected) this.stats.reconnects++
    this.stats.everConnected = true
    this.stats.connectedAt = this.clock()
    this.lastError = null
    this.status_ = 'connected'
    this.log.info('connected to the hall server', { reconnects: this.stats.reconnects })
    this.beat(true)
    this.outbox.setOnline(true)
    void this.window?.identify()
    this.emit('connected')
  }

  private onDisconnect(reason: string): void {
    this.outbox.setOnline(false)
    this.stats.connectedAt = null
    if (this.status_ === 'stopped') return
    this.status_ = 'reconnecting'
    this.lastError = `与大厅服务器断开（${reason}）`
    this.log.warn('disconnected from the hall server', { reason, waiting: this.outbox.size })
    this.emit('disconnected', reason)
  }

  private onConnectError(error: string): void {
    if (this.status_ === 'stopped') return
    this.status_ = 'reconnecting'
    const unauthorized = error === 'UNAUTHORIZED'
    const message = unauthorized
      ? '设备令牌无效或已注销：请向管理员重新登记此设备（hallctl enroll），并更新配置中的 token'
      : `连不上大厅服务器 ${this.o.serverUrl}（${error}）`
    if (message !== this.lastError) this.log[unauthorized ? 'error' : 'warn'](message)
    this.lastError = message
  }

  private onPrint(job: unknown): void {
    const jobId = (job as { jobId?: unknown } | null)?.jobId
    if (typeof jobId === 'string' && this.recentJobs.includes(jobId)) return
    if (typeof jobId === 'string') {
      this.recentJobs.push(jobId)
      if (this.recentJobs.length > 50) this.recentJobs.shift()
    }
    // One job at a time, in the order they came.
    this.printing = this.printing.then(async () => {
      const result = await printJob(this.devices.printer ?? null, job, this.o.paper)
      if (result.ok) this.counts.printed++
      else this.counts.printFailed++
      this.log[result.ok ? 'info' : 'warn']('print job done', {
        jobId: result.jobId,
        kind: (job as { kind?: unknown } | null)?.kind,
        ok: result.ok,
        code: result.code,
      })
      this.emit('printResult', result)
      this.send({ event: 'agent:printResult', payload: result })
    })
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref())
