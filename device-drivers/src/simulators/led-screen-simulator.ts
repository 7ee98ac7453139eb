/**
 * A simulated window LED strip screen speaking the screen side of an LED protocol
 * (`createCommandDecoder` / `encodeReply`, `hall-v1` by default): keeps the text of each line,
 * brightness and faults, answers ACK, NAK (line out of range, text too wide, missing glyph) or
 * STATUS with the request's SEQ, and ignores frames for other addresses. Broadcasts are applied
 * and never answered.
 */

import { textWidth } from '../codecs/escpos/index.js'
import {
  BROADCAST_ADDRESS,
  getLedProtocol,
  HallV1LedCommand,
  type LedColor,
  type LedCommand,
  type LedCommandResult,
  type LedEffect,
  type LedNakReason,
  type LedProtocol,
  type LedReply,
  type LedStreamDecoder,
} from '../codecs/led/index.js'
import { type Logger, silentLogger } from '../logger.js'
import type { Transport } from '../transports/transport.js'
import { SerialDeviceSimulator } from './serial-device-simulator.js'

export interface LedScreenSimulatorOptions {
  transport: Transport
  protocol?: string | LedProtocol
  /** Default 1. */
  address?: number
  /** Default 2 lines of 32 ASCII columns (16 Chinese characters). */
  lines?: number
  columns?: number
  /** Characters missing from the screen's font (answered with NAK 6). */
  missingGlyphs?: string
  firmware?: string
  logger?: Logger
}

export interface LedScreenSimulatorEvents {
  command: [command: LedCommand]
  change: [lines: readonly string[]]
}

export interface SimulatedLedLine {
  text: string
  effect: LedEffect
  color: LedColor
}

const CMD_BYTE: Readonly<Record<LedCommand['type'], number>> = {
  'show-text': HallV1LedCommand.showText,
  clear: HallV1LedCommand.clear,
  'set-brightness': HallV1LedCommand.brightness,
  'query-status': HallV1LedCommand.queryStatus,
}

export class LedScreenSimulator extends SerialDeviceSimulator<LedScreenSimulatorEvents> {
  readonly protocol: LedProtocol
  readonly address: number
  readonly lineCount: number
  readonly columns: number
  /** Every command addressed to this screen (or broadcast), in order. */
  readonly commands: LedCommand[] = []
  private readonly decoder: LedStreamDecoder<LedCommandResult>
  private readonly missing: Set<string>
  private readonly firmware: string
  private readonly log: Logger
  private display: SimulatedLedLine[]
  private level = 8
  private faults = { pixelFault: false, overTemperature: false, temperatureC: 35 }
  protected readonly onData = (chunk: Uint8Array): void => {
    for (const r of this.decoder.push(chunk)) {
      if (!r.ok) {
        this.log.debug('simulated screen got a bad frame', { code: r.error.code })
        continue
      }
      if (r.address !== this.address && r.address !== BROADCAST_ADDRESS) continue
      const reply = this.apply(r.message)
      if (r.address !== BROADCAST_ADDRESS) void this.reply(reply, r.seq)
    }
  }

  constructor(options: LedScreenSimulatorOptions) {
    super(options.transport)
    const p = options.protocol ?? 'hall-v1'
    const protocol = typeof p === 'string' ? getLedProtocol(p) : p
    if (!protocol) throw new Error(`unknown LED protocol "${p}"`)
    this.protocol = protocol
    this.decoder = protocol.createCommandDecoder()
    this.address = options.address ?? 1
    this.lineCount = options.lines ?? 2
    this.columns = options.columns ?? 32
    this.missing = new Set(options.missingGlyphs ?? '')
    this.firmware = options.firmware ?? '1.0'
    this.log = options.logger ?? silentLogger
    this.display = this.blank()
  }

  /** The text on each line. */
  get lines(): readonly string[] {
    return this.display.map((l) => l.text)
  }

  /** All lines, newline-separated. */
  get text(): string {
    return this.lines.join('\n')
  }

  get detail(): readonly SimulatedLedLine[] {
    return this.display.map((l) => ({ ...l }))
  }

  get brightness(): number {
    return this.level
  }

  setFault(patch: Partial<{ pixelFault: boolean; overTemperature: boolean; temperatureC: number }>): void {
    this.faults = { ...this.faults, ...patch }
  }

  private blank(): SimulatedLedLine[] {
    return Array.from({ length: this.lineCount }, () => ({ text: '', effect: 'static', color: 'red' }))
  }

  private apply(cmd: LedCommand): LedReply {
    this.commands.push(cmd)
    this.emit('command', cmd)
    const command = CMD_BYTE[cmd.type]
    const nak = (reason: LedNakReason): LedReply => ({ type: 'nak', command, reason })
    switch (cmd.type) {
      case 'show-text': {
        if (cmd.line >= this.lineCount) return nak(4)
        if (textWidth(cmd.text) > this.columns) return nak(5)
        if ([...cmd.text].some((c) => this.missing.has(c))) return nak(6)
        this.display[cmd.line] = { text: cmd.text, effect: cmd.effect ?? 'static', color: cmd.color ?? 'red' }
        if (cmd.brightness) this.level = cmd.brightness
        this.emit('change', this.lines)
        return { type: 'ack', command }
      }
      case 'clear':
        if (cmd.line === undefined) this.display = this.blank()
        else if (cmd.line >= this.lineCount) return nak(4)
        else this.display[cmd.line] = { text: '', effect: 'static', color: 'red' }
        this.emit('change', this.lines)
        return { type: 'ack', command }
      case 'set-brightness':
        this.level = cmd.level
        return { type: 'ack', command }
      case 'query-status':
        return {
          type: 'status',
          lines: this.lineCount,
          columns: this.columns,
          brightness: this.level,
          displayOn: true,
          pixelFault: this.faults.pixelFault,
          overTemperature: this.faults.overTemperature,
          temperatureC: this.faults.temperatureC,
          firmware: this.firmware,
        }
    }
  }

  private async reply(reply: LedReply, seq: number): Promise<void> {
    if (!this.transport.isOpen) return
    await this.transport
      .write(this.protocol.encodeReply(reply, { address: this.address, seq }))
      .catch(() => {})
  }
}
