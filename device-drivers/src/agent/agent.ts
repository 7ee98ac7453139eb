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
 * - Reconnects by itself. socket.io-client retries lost connections, but not after the server
 *   closed the socket or refused the handshake; the agent retries those with its own backoff.
 */

import { EventEmitter } from 'node:events'
import { type Ack, createApiClient, type HallSnapshot } from '@hall/protocol'
import { io } from 'socket.io-client'
import { backoffDelay } from '../devices/device.js'
import { type Logger, silentLogger } from '../logger.js'
import { type AgentDevices, attachedHealth } from './attached-health.js'
import { cardLogFields, cardPayload } from './card-payload.js'
import { HallFollower } from './hall-follower.js'
import { Outbox, type OutgoingEvent } from './outbox.js'
import { printJob } from './print-jobs.js'
import { ratingPayload } from './window-outputs.js'

export type {
  AgentEvents,
  AgentHealth,
  AgentOptions,
  AgentSocket,
  AgentStatus,
  SocketFactory,
} from './agent-types.js'

import type {
  AgentEvents,
  AgentHealth,
  AgentOptions,
  AgentSocket,
  AgentStatus,
  SocketFactory,
} from './agent-types.js'

export const AGENT_VERSION = '0.1.0'

export class Agent extends EventEmitter<AgentEvents> {
  readonly devices: AgentDevices
  private readonly o: Required<Pick<AgentOptions, 'heartbeatIntervalMs' | 'ackTimeoutMs' | 'paper'>> &
    AgentOptions
  private readonly log: Logger
  private readonly clock: () => number
  private readonly outbox: Outbox
  private readonly follower: HallFollower | null
  private socket: AgentSocket | null = null
  private status_: AgentStatus = 'idle'
  private heartbeatTimer: NodeJS.Timeout | null = null
  private beatTimer: NodeJS.Timeout | null = null
  private reconnectTimer: NodeJS.Timeout | null = null
  private attempt = 0
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
    this.follower =
      led || evaluator
        ? new HallFollower({
            led: led ?? null,
            evaluator: evaluator ?? null,
            logger: this.log.child('window'),
            clock: this.clock,
            resync: () => this.resync(),
            whoAmI: () =>
              createApiClient({
                baseUrl: options.serverUrl,
                token: () => options.token,
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
    return this.socket?.connected ?? false
  }

  /** The window this terminal serves, once known (from whoAmI and the hall's device list). */
  get windowId(): string | null {
    return this.follower?.windowId ?? null
  }

  get state(): HallSnapshot | null {
    return this.follower?.state ?? null
  }

  health(): AgentHealth {
    return {
      status: this.status_,
      serverUrl: this.o.serverUrl,
      terminal: this.o.terminal ?? null,
      deviceId: this.follower?.deviceId ?? null,
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
    const socket = (this.o.connect ?? (io as unknown as SocketFactory))(this.o.serverUrl, {
      auth: { token: this.o.token },
      transports: ['websocket'],
      autoConnect: false,
      reconnectionDelay: this.o.reconnect?.initialDelayMs ?? 1000,
      reconnectionDelayMax: this.o.reconnect?.maxDelayMs ?? 15_000,
      randomizationFactor: 0.3,
      timeout: 10_000,
      forceNew: true,
    })
    this.socket = socket
    socket.on('connect', () => this.onConnect())
    socket.on('disconnect', (reason) => this.onDisconnect(reason))
    socket.on('connect_error', (err) => this.onConnectError(err))
    socket.on('snapshot', (snapshot) => this.follower?.snapshot(snapshot))
    socket.on('delta', (delta) => this.follower?.delta(delta))
    socket.on('print', (job) => this.onPrint(job))
    this.heartbeatTimer = setInterval(() => {
      this.beat(true)
      this.follower?.driver.reconcile()
    }, this.o.heartbeatIntervalMs)
    this.log.info('agent starting', { server: this.o.serverUrl, terminal: this.o.terminal ?? null })
    socket.connect()
  }

  /** Stops cleanly: finishes the print in progress, sends what it can, closes every device. */
  async stop(): Promise<void> {
    if (this.status_ === 'stopped' || this.status_ === 'idle') {
      this.status_ = 'stopped'
      return
    }
    this.status_ = 'stopped'
    for (const timer of [this.heartbeatTimer, this.beatTimer, this.reconnectTimer])
      if (timer) clearTimeout(timer)
    await Promise.race([this.printing, sleep(5000)])
    await Promise.race([this.outbox.idle(), sleep(2000)])
    const left = this.outbox.close()
    if (left.length > 0)
      this.log.warn('stopping with undelivered events', { events: left.map((e) => e.item.event) })
    await this.follower?.stop()
    this.socket?.removeAllListeners()
    this.socket?.disconnect()
    await Promise.all(this.deviceList().map((d) => d.stop().catch(() => {})))
    this.log.info('agent stopped', { ...this.counts })
  }

  /** Sends a heartbeat now if the reported health changed (or always, with `force`). */
  beat(force = false): void {
    const attached = attachedHealth(this.devices)
    const json = JSON.stringify(attached)
    if (!force && json === this.lastBeat) return
    const socket = this.socket
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
      const caseId = this.follower?.driver.ratedOnBox() ?? null
      const payload = ratingPayload(rating.level, rating.reasons)
      this.log.info('button box rating', { level: payload.level, reasons: payload.reasons ?? [], caseId })
      this.send({ event: 'agent:rating', payload: caseId === null ? payload : { ...payload, caseId } })
    })
  }

  private send(item: OutgoingEvent): void {
    this.outbox.push(item)
  }

  private emitWithAck(item: OutgoingEvent): Promise<Ack<null>> {
    const socket = this.socket
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

  private onConnect(): void {
    if (this.stats.everConnected) this.stats.reconnects++
    this.stats.everConnected = true
    this.stats.connectedAt = this.clock()
    this.attempt = 0
    this.lastError = null
    this.status_ = 'connected'
    this.log.info('connected to the hall server', { reconnects: this.stats.reconnects })
    this.beat(true)
    this.outbox.setOnline(true)
    void this.follower?.identify()
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
    if (!this.socket?.active) this.scheduleReconnect()
  }

  private onConnectError(err: Error): void {
    if (this.status_ === 'stopped') return
    this.status_ = 'reconnecting'
    const unauthorized = err.message === 'UNAUTHORIZED'
    const message = unauthorized
      ? '设备令牌无效或已注销：请向管理员重新登记此设备（hallctl enroll），并更新配置中的 token'
      : `连不上大厅服务器 ${this.o.serverUrl}（${err.message}）`
    if (message !== this.lastError) this.log[unauthorized ? 'error' : 'warn'](message)
    this.lastError = message
    if (!this.socket?.active) this.scheduleReconnect(unauthorized)
  }

  private scheduleReconnect(slow = false): void {
    if (this.reconnectTimer || this.status_ === 'stopped') return
    const initialDelayMs = this.o.reconnect?.initialDelayMs ?? 1000
    const maxDelayMs = this.o.reconnect?.maxDelayMs ?? 15_000
    const delay = slow
      ? maxDelayMs
      : backoffDelay({ initialDelayMs, maxDelayMs, factor: 2, jitter: 0.3 }, this.attempt++)
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null
      if (this.status_ !== 'stopped' && !this.socket?.connected) this.socket?.connect()
    }, delay)
  }

  private resync(): Promise<HallSnapshot | null> {
    const socket = this.socket
    if (!socket?.connected) return Promise.resolve(null)
    return new Promise((resolve) =>
      socket.timeout(this.o.ackTimeoutMs).emit('resync', (err, snapshot) => resolve(err ? null : snapshot)),
    )
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
