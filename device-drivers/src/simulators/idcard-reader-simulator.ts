/**
 * A simulated GA 467 ID card reader: decodes host requests (Ga467RequestDecoder) and answers with
 * `encodeResponse`, from a card you place and remove. Behaves like the readers in the shared
 * device notes: find → select → read, and after a read the card is not found again until it has
 * left the field (`haltAfterRead`, default on).
 *
 * Works on any Transport: the far end of a socat pty (SerialTransport) or a MemoryTransport.
 * Cards here are test data only: use the synthetic records of `sample-cards.ts`.
 */

import {
  encodeBaseInfoData,
  encodeResponse,
  encodeTextRecord,
  Ga467Command,
  type Ga467Request,
  Ga467RequestDecoder,
  type IdCardRecord,
} from '../codecs/idcard/index.js'
import { type Logger, silentLogger } from '../logger.js'
import type { Transport } from '../transports/transport.js'
import { SerialDeviceSimulator } from './serial-device-simulator.js'

const SW = {
  success: 0x90,
  found: 0x9f,
  noCard: 0x80,
  selectFailed: 0x81,
  requestChecksum: 0x10,
  badCommand: 0x21,
  readFailed: 0x41,
} as const

export interface IdCardReaderSimulatorOptions {
  transport: Transport
  logger?: Logger
  /** After a successful read the card is not found until removed and placed again; default true. */
  haltAfterRead?: boolean
  /** Delay before each answer (a real read takes a few hundred ms); default 0. */
  responseDelayMs?: number
  /** Split answers into writes of this many bytes, to exercise reassembly; default whole frames. */
  chunkSize?: number
}

export interface PlaceCardOptions {
  /** WLT photo bytes; default 1024 bytes of filler (the real format needs a vendor decoder). */
  photo?: Uint8Array
  /** Fingerprint data, answered to 30 10. */
  fingerprint?: Uint8Array
}

interface Card {
  text: Uint8Array
  photo: Uint8Array
  fingerprint: Uint8Array
}

export interface IdCardReaderSimulatorEvents {
  request: [request: Ga467Request]
}

const fillerPhoto = (): Uint8Array => Uint8Array.from({ length: 1024 }, (_, i) => (i * 7 + 3) & 0xff)

export class IdCardReaderSimulator extends SerialDeviceSimulator<IdCardReaderSimulatorEvents> {
  private readonly log: Logger
  private readonly decoder = new Ga467RequestDecoder()
  private readonly haltAfterRead: boolean
  private readonly responseDelayMs: number
  private readonly chunkSize: number
  private card: Card | null = null
  private found = false
  private selected = false
  private halted = false
  private forced: number | null = null
  private failReads = 0
  private requestCount = 0
  protected readonly onData = (chunk: Uint8Array): void => {
    for (const r of this.decoder.push(chunk)) {
      if (r.kind === 'frame') void this.answer(r.frame)
      else void this.reply(encodeResponse(SW.requestChecksum))
    }
  }

  constructor(options: IdCardReaderSimulatorOptions) {
    super(options.transport)
    this.log = options.logger ?? silentLogger
    this.haltAfterRead = options.haltAfterRead ?? true
    this.responseDelayMs = options.responseDelayMs ?? 0
    this.chunkSize = options.chunkSize ?? 0
  }

  /** Requests answered so far. */
  get requests(): number {
    return this.requestCount
  }

  get cardPlaced(): boolean {
    return this.card !== null
  }

  /** Puts a card on the reader (replacing any card there). Throws if the record does not fit. */
  placeCard(record: IdCardRecord, options: PlaceCardOptions = {}): void {
    this.card = {
      text: encodeTextRecord(record),
      photo: options.photo ?? fillerPhoto(),
      fingerprint: options.fingerprint ?? new Uint8Array(0),
    }
    this.found = false
    this.selected = false
    this.halted = false
  }

  removeCard(): void {
    this.card = null
    this.found = false
    this.selected = false
    this.halted = false
  }

  /** Answer every request with this SW3 (e.g. 0x60 self-test failure); null to behave again. */
  forceStatus(sw3: number | null): void {
    this.forced = sw3
  }

  /** The next `count` reads fail with 0x41 (card moved while reading). */
  failNextReads(count = 1): void {
    this.failReads = count
  }

  private async answer(req: Ga467Request): Promise<void> {
    this.requestCount++
    this.emit('request', req)
    if (this.responseDelayMs > 0) await new Promise((r) => setTimeout(r, this.responseDelayMs))
    await this.reply(this.respond(req))
  }

  private respond(req: Ga467Request): Uint8Array {
    if (this.forced !== null) return encodeResponse(this.forced)
    const is = (c: { cmd: number; para: number }): boolean => req.cmd === c.cmd && req.para === c.para
    const card = this.card
    const live = card !== null && !this.halted
    if (is(Ga467Command.resetSam) || is(Ga467Command.samStatus)) return encodeResponse(SW.success)
    if (is(Ga467Command.readSamId)) {
      return encodeResponse(
        SW.success,
        Uint8Array.from({ length: 16 }, (_, i) => i + 1),
      )
    }
    if (is(Ga467Command.findCard)) {
      this.found = live
      this.selected = false
      return encodeResponse(live ? SW.found : SW.noCard)
    }
    if (is(Ga467Command.selectCard)) {
      this.selected = live && this.found
      return encodeResponse(this.selected ? SW.success : SW.selectFailed)
    }
    const plain = is(Ga467Command.readBaseInfo)
    if (plain || is(Ga467Command.readBaseInfoWithFingerprint)) {
      if (!card || !live || !this.selected) return encodeResponse(SW.readFailed)
      if (this.failReads > 0) {
        this.failReads--
        return encodeResponse(SW.readFailed)
      }
      if (this.haltAfterRead) this.halted = true
      this.found = false
      this.selected = false
      const data = encodeBaseInfoData(
        plain
          ? { text: card.text, photo: card.photo }
          : { text: card.text, photo: card.photo, fingerprint: card.fingerprint },
      )
      return encodeResponse(SW.success, data)
    }
    return encodeResponse(SW.badCommand)
  }

  private async reply(bytes: Uint8Array): Promise<void> {
    if (!this.transport.isOpen) return
    try {
      if (this.chunkSize <= 0) {
        await this.transport.write(bytes)
        return
      }
      for (let i = 0; i < bytes.length; i += this.chunkSize) {
        await this.transport.write(bytes.subarray(i, i + this.chunkSize))
      }
    } catch (err) {
      this.log.debug('simulated reader could not answer', { error: err })
    }
  }
}
