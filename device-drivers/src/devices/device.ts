/**
 * What every device shares: it owns a transport, opens it and reopens it with backoff after an
 * unplug, runs one request at a time (AsyncMutex) with answers matched by a Waitress and a
 * timeout, and reports `health()` plus typed events. The pattern follows zigbee-herdsman's
 * adapter (`src/adapter/adapter.ts`): an abstraction with a typed event map that the agent talks to.
 *
 * Lifecycle: `start()` tries to connect once and returns (a missing device is a health state, not
 * an exception); `stop()` ends reconnects and closes the transport.
 */

import { EventEmitter } from 'node:events'
import { type Logger, silentLogger } from '../logger.js'
import type { CloseReason, Transport } from '../transports/transport.js'
import { DeviceError, DeviceErrorCode } from './errors.js'
import { AsyncMutex } from './mutex.js'
import type { Waitress } from './waitress.js'

export type DeviceKind = 'idcard' | 'scanner' | 'printer' | 'evaluator' | 'led'

export interface DeviceHealth {
  name: string
  kind: DeviceKind
  url: string
  /** The transport is open. */
  connected: boolean
  /** Last problem, for the clerk's screen (Chinese, then English); null once things work again. */
  lastError: string | null
  lastErrorCode: string | null
  /** Epoch ms. */
  lastErrorAt: number | null
  connectedAt: number | null
  /** Successful reconnects since `start()`. */
  reconnects: number
}

export interface DeviceBaseEvents {
  connected: []
  disconnected: [reason: CloseReason]
  /** Whenever `health()` changes. */
  health: [health: DeviceHealth]
}

export interface ReconnectPolicy {
  /** Delay before the first retry; default 500 ms. */
  initialDelayMs: number
  /** Default 10 s. */
  maxDelayMs: number
  /** Default 2. */
  factor: number
  /** Random extra, as a fraction of the delay; default 0.2 (0 in tests). */
  jitter: number
}

export const DEFAULT_RECONNECT: Readonly<ReconnectPolicy> = {
  initialDelayMs: 500,
  maxDelayMs: 10_000,
  factor: 2,
  jitter: 0.2,
}

export interface DeviceOptions {
  transport: Transport
  /** Shown in health and logs; default the kind. */
  name?: string
  logger?: Logger
  /** `false` turns automatic reconnecting off. */
  reconnect?: Partial<ReconnectPolicy> | false
}

/** The delay before retry number `attempt` (0-based). */
export function backoffDelay(policy: ReconnectPolicy, attempt: number, random = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** attempt)
  return Math.round(base * (1 + policy.jitter * random()))
}

export abstract class Device<
  E extends DeviceBaseEvents & Record<keyof E, unknown[]>,
> extends EventEmitter<E> {
  abstract readonly kind: DeviceKind
  readonly transport: Transport
  protected readonly log: Logger
  protected readonly mutex = new AsyncMutex()
  private readonly nameOption: string | undefined
  private readonly policy: ReconnectPolicy | null
  private running = false
  private connecting = false
  private attempt = 0
  private everConnected = false
  private retryTimer: NodeJS.Timeout | null = null
  private state = {
    lastError: null as string | null,
    lastErrorCode: null as string | null,
    lastErrorAt: null as number | null,
    connectedAt: null as number | null,
    reconnects: 0,
  }
  private lastHealthJson = ''

  constructor(options: DeviceOptions) {
    super()
    this.transport = options.transport
    this.nameOption = options.name
    this.log = options.logger ?? silentLogger
    this.policy = options.reconnect === false ? null : { ...DEFAULT_RECONNECT, ...options.reconnect }
    this.transport.on('data', (chunk) => {
      if (this.running) this.handleData(chunk)
    })
    this.transport.on('close', (reason) => this.handleClose(reason))
    this.transport.on('error', (error) => this.recordError('TRANSPORT_ERROR', error.message))
  }

  get name(): string {
    return this.nameOption ?? this.kind
  }

  get connected(): boolean {
    return this.transport.isOpen
  }

  get started(): boolean {
    return this.running
  }

  /** Connects (once); retries in the background when that fails. */
  async start(): Promise<void> {
    if (this.running) return
    this.running = true
    this.attempt = 0
    await this.connect()
  }

  async stop(): Promise<void> {
    if (!this.running) return
    this.running = false
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    this.onStopping(new DeviceError(DeviceErrorCode.stopped, '设备已停止 / device stopped'))
    await this.transport.close()
  }

  /** Resolves once connected; rejects after `timeoutMs`. For tests and start-up scripts. */
  waitConnected(timeoutMs = 5000): Promise<void> {
    if (this.connected) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const onConnected = (): void => {
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(() => {
        ;(this as unknown as EventEmitter<DeviceBaseEvents>).off('connected', onConnected)
        reject(new DeviceError(DeviceErrorCode.timeout, `${this.name} not connected within ${timeoutMs} ms`))
      }, timeoutMs)
      ;(this as unknown as EventEmitter<DeviceBaseEvents>).once('connected', onConnected)
    })
  }

  health(): DeviceHealth {
    return {
      name: this.name,
      kind: this.kind,
      url: this.transport.url,
      connected: this.connected,
      ...this.state,
    }
  }

  /** Called with every chunk while started. */
  protected abstract handleData(chunk: Uint8Array): void

  /** After each (re)connect: reset decoders, start polling, first status. Errors are recorded. */
  protected async onConnected(): Promise<void> {}

  /** After the transport closed, for whatever reason: stop polling, fail pending requests. */
  protected onDisconnected(_error: DeviceError): void {}

  /** On `stop()`, before the transport closes. Default: same as a disconnect. */
  protected onStopping(error: DeviceError): void {
    this.onDisconnected(error)
  }

  protected emitBase<K extends keyof DeviceBaseEvents>(event: K, ...args: DeviceBaseEvents[K]): void {
    ;(this as unknown as EventEmitter).emit(event, ...args)
  }

  /** Emits `health` if it differs from the last one emitted. */
  protected healthChanged(): void {
    const health = this.health()
    const json = JSON.stringify(health)
    if (json === this.lastHealthJson) return
    this.lastHealthJson = json
    this.emitBase('health', health)
  }

  protected recordError(code: string, message: string): void {
    if (this.state.lastErrorCode !== code || this.state.lastError !== message) {
      this.log.warn('device problem', { device: this.name, code, message })
    }
    this.state.lastError = message
    this.state.lastErrorCode = code
    this.state.lastErrorAt = Date.now()
    this.healthChanged()
  }

  protected clearError(): void {
    if (this.state.lastError === null) return
    this.state.lastError = null
    this.state.lastErrorCode = null
    this.healthChanged()
  }

  /** Writes; maps failures to NOT_CONNECTED / WRITE_FAILED. */
  protected async send(bytes: Uint8Array): Promise<void> {
    if (!this.transport.isOpen) {
      throw new DeviceError(DeviceErrorCode.notConnected, `设备未连接 / ${this.name} is not connected`)
    }
    try {
      await this.transport.write(bytes)
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err))
      throw new DeviceError(DeviceErrorCode.writeFailed, `写入设备失败 / write to ${this.name} failed`, e)
    }
  }

  /**
   * Sends `bytes` and resolves with the first frame `match` accepts. The waiter is registered
   * before writing, so an answer faster than the write callback is not lost. Callers hold the mutex.
   */
  protected async exchange<F>(
    waitress: Waitress<F>,
    bytes: Uint8Array,
    match: (frame: F) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<F> {
    const waiter = waitress.waitFor(
      match,
      timeoutMs,
      () =>
        new DeviceError(
          DeviceErrorCode.timeout,
          `设备无应答 / ${this.name}: no answer to ${what} in ${timeoutMs} ms`,
        ),
    )
    try {
      await this.send(bytes)
    } catch (err) {
      waiter.cancel()
      throw err
    }
    return waiter.promise
  }

  private async connect(): Promise<void> {
    if (!this.running || this.connecting || this.transport.isOpen) return
    this.connecting = true
    try {
      await this.transport.open()
    } catch (err) {
      const e = err as Error & { code?: string }
      this.recordError(e.code ?? 'OPEN_FAILED', e.message)
      this.scheduleReconnect()
      return
    } finally {
      this.connecting = false
    }
    if (!this.running) {
      await this.transport.close()
      return
    }
    this.attempt = 0
    this.state.connectedAt = Date.now()
    if (this.everConnected) this.state.reconnects++
    this.everConnected = true
    this.log.info('connected', { device: this.name, url: this.transport.url })
    this.clearError()
    this.emitBase('connected')
    try {
      await this.onConnected()
    } catch (err) {
      const e = err as Error & { code?: string }
      this.recordError(e.code ?? 'INIT_FAILED', e.message)
    }
    this.healthChanged()
  }

  private handleClose(reason: CloseReason): void {
    this.state.connectedAt = null
    this.onDisconnected(
      new DeviceError(DeviceErrorCode.notConnected, `设备已断开 / ${this.name} disconnected`),
    )
    this.emitBase('disconnected', reason)
    if (this.running) {
      const why = reason.error?.message ?? reason.kind
      this.recordError(
        'DISCONNECTED',
        `设备已断开，正在重连 / ${this.name} disconnected (${why}), reconnecting`,
      )
      this.scheduleReconnect()
    }
    this.healthChanged()
  }

  private scheduleReconnect(): void {
    if (!this.running || !this.policy || this.retryTimer) return
    const delay = backoffDelay(this.policy, this.attempt++)
    this.log.debug('reconnect scheduled', { device: this.name, delayMs: delay, attempt: this.attempt })
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      void this.connect()
    }, delay)
  }
}
