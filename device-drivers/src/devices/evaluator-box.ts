/**
 * Evaluator button box (好差评 pad) at a window. The wire protocol comes from the registry by id
 * (`hall-v1` by default, `docs/evaluator-protocol.md`); this class only sees protocol-neutral
 * commands and events.
 *
 * Exchanges (from the protocol document): every host command is ACKed by the box with the
 * command's SEQ (retried twice without one); the host ACKs every RATING and REASON, and drops
 * repeats by SEQ. A press carrying another prompt's id is stale and discarded. A bad rating
 * (levels 4, 5) waits for reason presses; `rating` is emitted once with all of them.
 */

import {
  type BadRatingReason,
  type BoxState,
  type EvaluatorCommand,
  type EvaluatorFrameResult,
  type EvaluatorProtocol,
  getEvaluatorProtocol,
  isBadRating,
  type RatingLevel,
  ratingLabel,
  type StreamDecoder,
} from '../codecs/evaluator/index.js'
import { Device, type DeviceBaseEvents, type DeviceHealth, type DeviceOptions } from './device.js'
import { DeviceError, DeviceErrorCode } from './errors.js'
import { Waitress } from './waitress.js'

export interface Rating {
  level: RatingLevel
  /** 非常满意 … 非常不满意. */
  label: string
  /** Reason codes pressed after a bad rating, in order, without repeats. */
  reasons: BadRatingReason[]
  promptId: number
  caseRef: string
}

export interface EvaluatorBoxEvents extends DeviceBaseEvents {
  rating: [rating: Rating]
  heartbeat: [state: BoxState, firmware: string]
}

export interface EvaluatorBoxHealth extends DeviceHealth {
  kind: 'evaluator'
  protocol: string
  /** Connected and a heartbeat seen within `heartbeatTimeoutMs` (true until the first is due). */
  online: boolean
  state: BoxState | null
  firmware: string | null
  lastHeartbeatAt: number | null
  /** The prompt waiting for a press, if any. */
  promptId: number | null
  ratings: number
}

export interface EvaluatorBoxOptions extends DeviceOptions {
  /** Protocol id from the registry, or a protocol object; default `hall-v1`. */
  protocol?: string | EvaluatorProtocol
  /** Wait for the box's ACK; default 500 ms, then 2 retries with the same SEQ. */
  ackTimeoutMs?: number
  retries?: number
  /** After a bad rating: wait this long for the first reason (default 20 s)… */
  reasonTimeoutMs?: number
  /** …and this long after each reason for another (default 2 s). */
  reasonSettleMs?: number
  /** Box considered offline without a heartbeat for this long; default 30 s. */
  heartbeatTimeoutMs?: number
}

interface PendingRating {
  rating: Rating
  timer: NodeJS.Timeout | null
}

export class EvaluatorBox extends Device<EvaluatorBoxEvents> {
  readonly kind = 'evaluator' as const
  readonly protocol: EvaluatorProtocol
  private readonly decoder: StreamDecoder<EvaluatorFrameResult>
  private readonly waitress = new Waitress<EvaluatorFrameResult>()
  private readonly ackTimeoutMs: number
  private readonly retries: number
  private readonly reasonTimeoutMs: number
  private readonly reasonSettleMs: number
  private readonly heartbeatTimeoutMs: number
  private seq = 0
  private nextPromptId = 1
  private prompt_: { promptId: number; caseRef: string } | null = null
  private pending: PendingRating | null = null
  private readonly recent: string[] = []
  private heartbeat: { state: BoxState; firmware: string; at: number } | null = null
  private connectedAtMs = 0
  private ratings = 0

  constructor(options: EvaluatorBoxOptions) {
    super(options)
    const p = options.protocol ?? 'hall-v1'
    const protocol = typeof p === 'string' ? getEvaluatorProtocol(p) : p
    if (!protocol)
      throw new DeviceError(DeviceErrorCode.protocol, `未知的评价器协议 / unknown evaluator protocol "${p}"`)
    this.protocol = protocol
    this.decoder = protocol.createDecoder()
    this.ackTimeoutMs = options.ackTimeoutMs ?? 500
    this.retries = options.retries ?? 2
    this.reasonTimeoutMs = options.reasonTimeoutMs ?? 20_000
    this.reasonSettleMs = options.reasonSettleMs ?? 2000
    this.heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 30_000
  }

  override health(): EvaluatorBoxHealth {
    const base = super.health()
    const since = this.heartbeat?.at ?? this.connectedAtMs
    return {
      ...base,
      kind: this.kind,
      protocol: this.protocol.id,
      online: base.connected && Date.now() - since <= this.heartbeatTimeoutMs,
      state: this.heartbeat?.state ?? null,
      firmware: this.heartbeat?.firmware ?? null,
      lastHeartbeatAt: this.heartbeat?.at ?? null,
      promptId: this.prompt_?.promptId ?? null,
      ratings: this.ratings,
    }
  }

  /**
   * Lights the buttons and waits for a press for `caseRef` (printable ASCII, ≤ 32). Resolves with
   * the prompt id once the box ACKed; the result arrives as a `rating` event.
   */
  async prompt(caseRef: string, timeoutSec = 60): Promise<number> {
    this.flushPending()
    const promptId = this.nextPromptId
    this.nextPromptId = (this.nextPromptId % 0xffff) + 1
    await this.command({
      type: 'prompt-rating',
      promptId,
      caseRef,
      timeoutSeconds: Math.max(0, Math.min(255, Math.round(timeoutSec))),
    })
    this.prompt_ = { promptId, caseRef }
    this.healthChanged()
    return promptId
  }

  /** Thank-you state for `seconds`, then the box idles by itself. */
  async thanks(seconds = 3): Promise<void> {
    this.flushPending()
    this.prompt_ = null
    await this.command({ type: 'show-thanks', seconds })
  }

  /** Back to idle; a prompt still waiting is withdrawn. */
  async idle(): Promise<void> {
    this.flushPending()
    this.prompt_ = null
    await this.command({ type: 'idle' })
  }

  async setLeds(on: readonly RatingLevel[], blink: readonly RatingLevel[] = []): Promise<void> {
    await this.command({ type: 'set-leds', on, blink })
  }

  async ping(): Promise<void> {
    await this.command({ type: 'ping' })
  }

  protected handleData(chunk: Uint8Array): void {
    for (const result of this.decoder.push(chunk)) {
      if (!result.ok) {
        this.log.warn('bad frame from evaluator', { code: result.error.code })
        continue
      }
      if (this.waitress.resolve(result)) continue
      this.onEvent(result)
    }
  }

  protected override async onConnected(): Promise<void> {
    this.decoder.reset()
    this.connectedAtMs = Date.now()
  }

  protected override onDisconnected(error: DeviceError): void {
    this.waitress.rejectAll(error)
  }

  protected override onStopping(error: DeviceError): void {
    this.onDisconnected(error)
    if (this.pending?.timer) clearTimeout(this.pending.timer)
    this.pending = null
  }

  private async command(cmd: EvaluatorCommand): Promise<void> {
    await this.mutex.runExclusive(async () => {
      const seq = this.seq
      this.seq = (this.seq + 1) & 0xff
      const bytes = this.protocol.encode(cmd, { seq })
      const isAck = (r: EvaluatorFrameResult): boolean =>
        r.ok && r.message.type === 'ack' && r.message.ackSeq === seq
      for (let attempt = 0; ; attempt++) {
        try {
          const r = await this.exchange(this.waitress, bytes, isAck, this.ackTimeoutMs, cmd.type)
          if (r.ok && r.message.type === 'ack' && r.message.result !== 'ok') {
            throw new DeviceError(
              DeviceErrorCode.refused,
              `评价器拒绝指令 / box refused ${cmd.type}: ${r.message.result}`,
            )
          }
          return
        } catch (err) {
          if ((err as DeviceError).code !== DeviceErrorCode.timeout || attempt >= this.retries) {
            this.recordError((err as DeviceError).code, (err as Error).message)
            throw err
          }
        }
      }
    })
    this.clearError()
  }

  private onEvent(result: Extract<EvaluatorFrameResult, { ok: true }>): void {
    const event = result.message
    if (event.type === 'heartbeat') {
      this.heartbeat = { state: event.state, firmware: event.firmware, at: Date.now() }
      this.emit('heartbeat', event.state, event.firmware)
      this.healthChanged()
      return
    }
    if (event.type !== 'rating' && event.type !== 'reason') return
    const seq = result.seq ?? 0
    void this.send(this.protocol.encode({ type: 'ack', ackSeq: seq, result: 'ok' }, { seq })).catch((err) =>
      this.log.warn('could not ACK the box', { error: err }),
    )
    // The box repeats an event (same SEQ) when our ACK got lost.
    const key = `${seq}:${Array.from(result.raw).join(',')}`
    if (this.recent.includes(key)) return
    this.recent.push(key)
    if (this.recent.length > 16) this.recent.shift()

    const current = this.prompt_
    if (!current || event.promptId !== current.promptId) {
      this.log.info('stale press discarded', { promptId: event.promptId })
      return
    }
    if (event.type === 'rating') {
      const rating: Rating = {
        level: event.level,
        label: ratingLabel(event.level),
        reasons: [],
        promptId: current.promptId,
        caseRef: current.caseRef,
      }
      if (!isBadRating(event.level)) {
        this.deliver(rating)
        return
      }
      this.pending = { rating, timer: null }
      this.armReasonTimer(this.reasonTimeoutMs)
      return
    }
    const pending = this.pending
    if (!pending || pending.rating.promptId !== event.promptId) return
    if (!pending.rating.reasons.includes(event.reason)) pending.rating.reasons.push(event.reason)
    this.armReasonTimer(this.reasonSettleMs)
  }

  private armReasonTimer(ms: number): void {
    const pending = this.pending
    if (!pending) return
    if (pending.timer) clearTimeout(pending.timer)
    pending.timer = setTimeout(() => this.flushPending(), ms)
  }

  /** Emits a bad rating that still waits for reasons, with the reasons so far. */
  private flushPending(): void {
    const pending = this.pending
    if (!pending) return
    if (pending.timer) clearTimeout(pending.timer)
    this.pending = null
    this.deliver(pending.rating)
  }

  private deliver(rating: Rating): void {
    if (this.prompt_?.promptId === rating.promptId) this.prompt_ = null
    this.ratings++
    this.log.info('rating', { level: rating.level, reasons: rating.reasons.length })
    this.emit('rating', rating)
    this.healthChanged()
  }
}
