/**
 * Window LED strip screen (窗口屏). Protocol from the registry by id (`hall-v1` by default,
 * `docs/led-protocol.md`): every addressed command is answered by ACK, NAK or STATUS with the
 * request's SEQ within 200 ms; the host retries twice with the same SEQ, then gives up. Broadcast
 * (address 255) is never answered.
 */

import {
  BROADCAST_ADDRESS,
  getLedProtocol,
  LED_NAK_REASONS,
  type LedColor,
  type LedCommand,
  type LedEffect,
  type LedFrameResult,
  type LedProtocol,
  type LedReply,
  type LedStreamDecoder,
} from '../codecs/led/index.js'
import { Device, type DeviceBaseEvents, type DeviceHealth, type DeviceOptions } from './device.js'
import { DeviceError, DeviceErrorCode } from './errors.js'
import { Waitress } from './waitress.js'

export interface LedLine {
  text: string
  effect?: LedEffect
  color?: LedColor
}

export type LedStatus = Extract<LedReply, { type: 'status' }>

export interface LedScreenEvents extends DeviceBaseEvents {
  status: [status: LedStatus]
}

export interface LedScreenHealth extends DeviceHealth {
  protocol: string
  address: number
  /** Last STATUS reply, null before the first. */
  status: LedStatus | null
  /** What the host last put on each line. */
  shown: string[]
}

export interface LedScreenOptions extends DeviceOptions {
  protocol?: string | LedProtocol
  /** Bus address 0-254, or 255 to broadcast; default 1. */
  address?: number
  /** Default 300 ms (200 ms in the protocol, plus USB-serial latency). */
  replyTimeoutMs?: number
  retries?: number
  /** Status poll; default 30 s; 0 turns it off. */
  statusIntervalMs?: number
}

export class LedScreen extends Device<LedScreenEvents> {
  readonly kind = 'led' as const
  readonly protocol: LedProtocol
  readonly address: number
  private readonly decoder: LedStreamDecoder<LedFrameResult>
  private readonly waitress = new Waitress<LedFrameResult>()
  private readonly replyTimeoutMs: number
  private readonly retries: number
  private readonly statusIntervalMs: number
  private statusTimer: NodeJS.Timeout | null = null
  private seq = 0
  private lastStatus: LedStatus | null = null
  private shown: string[] = []

  constructor(options: LedScreenOptions) {
    super(options)
    const p = options.protocol ?? 'hall-v1'
    const protocol = typeof p === 'string' ? getLedProtocol(p) : p
    if (!protocol)
      throw new DeviceError(DeviceErrorCode.protocol, `未知的窗口屏协议 / unknown LED protocol "${p}"`)
    this.protocol = protocol
    this.decoder = protocol.createDecoder()
    this.address = options.address ?? 1
    this.replyTimeoutMs = options.replyTimeoutMs ?? 300
    this.retries = options.retries ?? 2
    this.statusIntervalMs = options.statusIntervalMs ?? 30_000
  }

  override health(): LedScreenHealth {
    return {
      ...super.health(),
      protocol: this.protocol.id,
      address: this.address,
      status: this.lastStatus,
      shown: [...this.shown],
    }
  }

  /**
   * Shows one text per line, from line 0. Lines the screen has beyond `lines.length` are cleared
   * (once the line count is known from a status reply).
   */
  async show(lines: ReadonlyArray<string | LedLine>, options: { brightness?: number } = {}): Promise<void> {
    const shown: string[] = []
    for (const [i, entry] of lines.entries()) {
      const line = typeof entry === 'string' ? { text: entry } : entry
      await this.command({
        type: 'show-text',
        line: i,
        text: line.text,
        ...(line.effect ? { effect: line.effect } : {}),
        ...(line.color ? { color: line.color } : {}),
        ...(options.brightness !== undefined ? { brightness: options.brightness } : {}),
      })
      shown.push(line.text)
    }
    const total = this.lastStatus?.lines ?? 0
    for (let i = lines.length; i < total; i++) await this.command({ type: 'clear', line: i })
    this.shown = shown
    this.healthChanged()
  }

  /** Clears one line, or all when `line` is absent. */
  async clear(line?: number): Promise<void> {
    await this.command(line === undefined ? { type: 'clear' } : { type: 'clear', line })
    if (line === undefined) this.shown = []
    else if (line < this.shown.length) this.shown[line] = ''
    this.healthChanged()
  }

  /** 1-16. */
  async brightness(level: number): Promise<void> {
    await this.command({ type: 'set-brightness', level })
  }

  /** Asks the screen for its status (lines, columns, brightness, faults). */
  async status(): Promise<LedStatus> {
    const reply = await this.command({ type: 'query-status' })
    if (reply?.type !== 'status') {
      throw new DeviceError(
        DeviceErrorCode.protocol,
        `窗口屏状态应答错误 / no STATUS reply from ${this.name}`,
      )
    }
    const changed = JSON.stringify(reply) !== JSON.stringify(this.lastStatus)
    this.lastStatus = reply
    if (reply.pixelFault || reply.overTemperature) {
      this.recordError(
        'LED_FAULT',
        reply.pixelFault ? '窗口屏像素故障 / pixel fault' : '窗口屏温度过高 / over temperature',
      )
    }
    if (changed) this.emit('status', reply)
    this.healthChanged()
    return reply
  }

  protected handleData(chunk: Uint8Array): void {
    for (const result of this.decoder.push(chunk)) {
      if (!result.ok) {
        this.log.warn('bad frame from LED screen', { code: result.error.code })
        continue
      }
      if (!this.waitress.resolve(result))
        this.log.debug('unsolicited LED reply', { type: result.message.type })
    }
  }

  protected override async onConnected(): Promise<void> {
    this.decoder.reset()
    if (this.address === BROADCAST_ADDRESS) return
    try {
      await this.status()
    } finally {
      this.scheduleStatus()
    }
  }

  protected override onDisconnected(error: DeviceError): void {
    if (this.statusTimer) clearTimeout(this.statusTimer)
    this.statusTimer = null
    this.waitress.rejectAll(error)
  }

  private scheduleStatus(): void {
    if (!this.statusIntervalMs || !this.started || !this.connected || this.statusTimer) return
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null
      void this.status()
        .catch(() => {})
        .finally(() => this.scheduleStatus())
    }, this.statusIntervalMs)
  }

  /** Sends one command and returns the reply (null for broadcast); NAK becomes a REFUSED error. */
  private async command(cmd: LedCommand): Promise<LedReply | null> {
    const reply = await this.mutex.runExclusive(async () => {
      const seq = this.seq
      this.seq = (this.seq + 1) & 0xff
      const bytes = this.protocol.encode(cmd, { address: this.address, seq })
      if (this.address === BROADCAST_ADDRESS) {
        await this.send(bytes)
        return null
      }
      const mine = (r: LedFrameResult): boolean => r.ok && r.seq === seq && r.address === this.address
      for (let attempt = 0; ; attempt++) {
        try {
          const r = await this.exchange(this.waitress, bytes, mine, this.replyTimeoutMs, cmd.type)
          return r.ok ? r.message : null
        } catch (err) {
          if ((err as DeviceError).code !== DeviceErrorCode.timeout || attempt >= this.retries) {
            this.recordError((err as DeviceError).code, (err as Error).message)
            throw err
          }
        }
      }
    })
    if (reply?.type === 'nak') {
      const reason = LED_NAK_REASONS[reply.reason]
      const error = new DeviceError(
        DeviceErrorCode.refused,
        `${reason.message} / screen refused: ${reason.key}`,
      )
      this.recordError(`LED_NAK_${reason.key.toUpperCase()}`, error.message)
      throw error
    }
    if (!this.lastStatus?.pixelFault && !this.lastStatus?.overTemperature) this.clearError()
    return reply
  }
}
