/**
 * A simulated evaluator button box speaking the box side of an evaluator protocol
 * (`createCommandDecoder` / `encodeEvent`, `hall-v1` by default): ACKs every host command, keeps
 * its state (idle, prompting, thanks), sends heartbeats, and `press(level, reasons)` sends RATING
 * and REASON frames, each resent up to 3 times without the host's ACK (protocol document).
 */

import {
  type BadRatingReason,
  type BoxState,
  type EvaluatorCommand,
  type EvaluatorCommandResult,
  type EvaluatorEvent,
  type EvaluatorProtocol,
  getEvaluatorProtocol,
  type RatingLevel,
  type StreamDecoder,
} from '../codecs/evaluator/index.js'
import { type Logger, silentLogger } from '../logger.js'
import type { Transport } from '../transports/transport.js'
import { SerialDeviceSimulator } from './serial-device-simulator.js'

export interface EvaluatorBoxSimulatorOptions {
  transport: Transport
  protocol?: string | EvaluatorProtocol
  /** Default '1.0'. */
  firmware?: string
  /** Default 10 s (protocol document); 0 turns heartbeats off. */
  heartbeatIntervalMs?: number
  /** Wait for the host's ACK before resending; default 500 ms. */
  ackTimeoutMs?: number
  /** Resends without ACK; default 3. */
  maxResends?: number
  logger?: Logger
}

export interface EvaluatorBoxSimulatorEvents {
  command: [command: EvaluatorCommand]
}

export class EvaluatorBoxSimulator extends SerialDeviceSimulator<EvaluatorBoxSimulatorEvents> {
  readonly protocol: EvaluatorProtocol
  /** Host commands received, in order (ACKs excluded). */
  readonly commands: EvaluatorCommand[] = []
  private readonly decoder: StreamDecoder<EvaluatorCommandResult>
  private readonly firmware: string
  private readonly heartbeatIntervalMs: number
  private readonly ackTimeoutMs: number
  private readonly maxResends: number
  private readonly log: Logger
  private seq = 0
  private boxState: BoxState = 'idle'
  private prompt: { promptId: number; caseRef: string } | null = null
  private leds: { on: readonly RatingLevel[]; blink: readonly RatingLevel[] } = { on: [], blink: [] }
  private heartbeatTimer: NodeJS.Timeout | null = null
  private thanksTimer: NodeJS.Timeout | null = null
  private readonly acks = new Map<number, () => void>()
  protected readonly onData = (chunk: Uint8Array): void => {
    for (const r of this.decoder.push(chunk)) {
      if (r.ok) this.handle(r.message, r.seq ?? 0)
      else this.log.debug('simulated box got a bad frame', { code: r.error.code })
    }
  }

  constructor(options: EvaluatorBoxSimulatorOptions) {
    super(options.transport)
    const p = options.protocol ?? 'hall-v1'
    const protocol = typeof p === 'string' ? getEvaluatorProtocol(p) : p
    if (!protocol) throw new Error(`unknown evaluator protocol "${p}"`)
    this.protocol = protocol
    this.decoder = protocol.createCommandDecoder()
    this.firmware = options.firmware ?? '1.0'
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 10_000
    this.ackTimeoutMs = options.ackTimeoutMs ?? 500
    this.maxResends = options.maxResends ?? 3
    this.log = options.logger ?? silentLogger
  }

  get state(): BoxState {
    return this.boxState
  }

  /** The prompt being shown, if any. */
  get currentPrompt(): { promptId: number; caseRef: string } | null {
    return this.prompt
  }

  get ledState(): { on: readonly RatingLevel[]; blink: readonly RatingLevel[] } {
    return this.leds
  }

  override async start(): Promise<void> {
    await super.start()
    if (this.heartbeatIntervalMs > 0) {
      this.heartbeatTimer = setInterval(() => void this.heartbeat(), this.heartbeatIntervalMs)
    }
  }

  override async stop(): Promise<void> {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer)
    if (this.thanksTimer) clearTimeout(this.thanksTimer)
    this.heartbeatTimer = null
    this.thanksTimer = null
    for (const done of this.acks.values()) done()
    this.acks.clear()
    await super.stop()
  }

  async heartbeat(): Promise<void> {
    await this.write({ type: 'heartbeat', state: this.boxState, firmware: this.firmware }, this.nextSeq())
  }

  /**
   * A citizen presses `level`, then (for a bad rating) the reason buttons. Resolves once the host
   * ACKed every frame, or after the resends ran out. `promptId` overrides the current prompt's id
   * (to send a stale press); without a prompt and without it, this throws.
   */
  async press(
    level: RatingLevel,
    reasons: readonly BadRatingReason[] = [],
    promptId?: number,
  ): Promise<boolean> {
    const id = promptId ?? this.prompt?.promptId
    if (id === undefined) throw new Error('the simulated box is not prompting')
    let acked = await this.sendEvent({ type: 'rating', promptId: id, level })
    for (const reason of reasons)
      acked = (await this.sendEvent({ type: 'reason', promptId: id, reason })) && acked
    return acked
  }

  private nextSeq(): number {
    const seq = this.seq
    this.seq = (this.seq + 1) & 0xff
    return seq
  }

  private async write(event: EvaluatorEvent, seq: number): Promise<void> {
    if (!this.transport.isOpen) return
    await this.transport.write(this.protocol.encodeEvent(event, { seq })).catch(() => {})
  }

  /** Sends an event and resends it (same SEQ) until the host ACKs it. */
  private async sendEvent(event: EvaluatorEvent): Promise<boolean> {
    const seq = this.nextSeq()
    for (let attempt = 0; attempt <= this.maxResends; attempt++) {
      const acked = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          this.acks.delete(seq)
          resolve(false)
        }, this.ackTimeoutMs)
        this.acks.set(seq, () => {
          clearTimeout(timer)
          resolve(true)
        })
      })
      await this.write(event, seq)
      if (await acked) return true
    }
    return false
  }

  private handle(cmd: EvaluatorCommand, seq: number): void {
    if (cmd.type === 'ack') {
      const done = this.acks.get(cmd.ackSeq)
      this.acks.delete(cmd.ackSeq)
      done?.()
      return
    }
    this.commands.push(cmd)
    this.emit('command', cmd)
    switch (cmd.type) {
      case 'prompt-rating':
        this.prompt = { promptId: cmd.promptId, caseRef: cmd.caseRef }
        this.boxState = 'prompting'
        this.leds = { on: [1, 2, 3, 4, 5], blink: [] }
        break
      case 'show-thanks':
        this.prompt = null
        this.boxState = 'thanks'
        this.leds = { on: [], blink: [] }
        if (this.thanksTimer) clearTimeout(this.thanksTimer)
        this.thanksTimer = setTimeout(() => {
          this.thanksTimer = null
          this.boxState = 'idle'
        }, cmd.seconds * 1000)
        break
      case 'idle':
        this.prompt = null
        this.boxState = 'idle'
        this.leds = { on: [], blink: [] }
        break
      case 'set-leds':
        this.leds = { on: [...cmd.on], blink: [...(cmd.blink ?? [])] }
        break
      case 'ping':
        break
    }
    void this.write({ type: 'ack', ackSeq: seq, result: 'ok' }, seq)
  }
}
