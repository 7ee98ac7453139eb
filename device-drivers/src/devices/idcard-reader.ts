/**
 * Second-generation ID card reader (GA 467): polls find → select → read base info and emits
 * `card` once per placement of a card.
 *
 * Once per placement: readers stop finding a card after it was read until it leaves the field
 * (shared device notes), and for readers that keep finding it the device also reports at most one
 * card per run of successful finds. Read failures (card moved too fast) are retried on the next
 * poll. Non-success status words become the health's `lastError`.
 *
 * Personal data: the record goes to `card` listeners only. Logs carry the card type, never a
 * name or a number, not even masked.
 */

import {
  decodeBaseInfoResponse,
  describeStatus,
  encodeCommand,
  type Ga467DecodeResult,
  type Ga467Response,
  Ga467ResponseDecoder,
  type IdCardRead,
  type IdCardRecord,
} from '../codecs/idcard/index.js'
import { Device, type DeviceBaseEvents, type DeviceHealth, type DeviceOptions } from './device.js'
import { DeviceError, DeviceErrorCode } from './errors.js'
import { Waitress } from './waitress.js'

const SW_SUCCESS = 0x90
const SW_CARD_FOUND = 0x9f
const SW_NO_CARD = 0x80

export interface IdCardReaderOptions extends DeviceOptions {
  /** Pause between polls; default 400 ms. */
  pollIntervalMs?: number
  /** Timeout of find, select and SAM commands; default 1000 ms. */
  commandTimeoutMs?: number
  /** Timeout of the base-info read (1295 bytes, plus the card's own time); default 3000 ms. */
  readTimeoutMs?: number
  /** Read with fingerprint data (30 10) instead of text + photo (30 01). */
  fingerprint?: boolean
}

export interface IdCardReadError {
  code: string
  message: string
}

export interface IdCardReaderEvents extends DeviceBaseEvents {
  /** A card was placed and read. `read` adds the raw text, the WLT photo and fingerprint bytes. */
  card: [record: IdCardRecord, read: IdCardRead]
  /** The card that was reported left the field. */
  cardRemoved: []
  /** A card was found but could not be read (it will be retried while it stays). */
  readError: [error: IdCardReadError]
}

export interface IdCardReaderHealth extends DeviceHealth {
  /** The reader's security module answered its status check; null before the first check. */
  samOk: boolean | null
  cardPresent: boolean
  cardsRead: number
  readErrors: number
}

type Result = Ga467DecodeResult<Ga467Response>

export class IdCardReader extends Device<IdCardReaderEvents> {
  readonly kind = 'idcard' as const
  private readonly decoder = new Ga467ResponseDecoder()
  private readonly waitress = new Waitress<Result>()
  private readonly pollIntervalMs: number
  private readonly commandTimeoutMs: number
  private readonly readTimeoutMs: number
  private readonly fingerprint: boolean
  private pollTimer: NodeJS.Timeout | null = null
  private polling = false
  private cardPresent = false
  private samOk: boolean | null = null
  private cardsRead = 0
  private readErrors = 0

  constructor(options: IdCardReaderOptions) {
    super(options)
    this.pollIntervalMs = options.pollIntervalMs ?? 400
    this.commandTimeoutMs = options.commandTimeoutMs ?? 1000
    this.readTimeoutMs = options.readTimeoutMs ?? 3000
    this.fingerprint = options.fingerprint ?? false
  }

  override health(): IdCardReaderHealth {
    return {
      ...super.health(),
      samOk: this.samOk,
      cardPresent: this.cardPresent,
      cardsRead: this.cardsRead,
      readErrors: this.readErrors,
    }
  }

  /** Asks the reader's SAM for its status (11 FF); true on 0x90. */
  async checkSam(): Promise<boolean> {
    const frame = await this.mutex.runExclusive(() =>
      this.command(encodeCommand('samStatus'), this.commandTimeoutMs, 'SAM status'),
    )
    this.samOk = frame.sw3 === SW_SUCCESS
    if (!this.samOk) this.statusProblem(frame.sw3)
    this.healthChanged()
    return this.samOk
  }

  protected handleData(chunk: Uint8Array): void {
    for (const result of this.decoder.push(chunk)) {
      if (!this.waitress.resolve(result)) {
        this.log.debug('unsolicited frame', { kind: result.kind })
      }
    }
  }

  protected override async onConnected(): Promise<void> {
    this.decoder.reset()
    this.cardPresent = false
    try {
      await this.checkSam()
    } finally {
      this.schedulePoll(0)
    }
  }

  protected override onDisconnected(error: DeviceError): void {
    if (this.pollTimer) clearTimeout(this.pollTimer)
    this.pollTimer = null
    this.cardPresent = false
    this.waitress.rejectAll(error)
  }

  private schedulePoll(delay = this.pollIntervalMs): void {
    if (!this.started || !this.connected || this.pollTimer) return
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null
      void this.pollOnce().finally(() => this.schedulePoll())
    }, delay)
  }

  /** One find → select → read round; never throws. */
  async pollOnce(): Promise<void> {
    if (this.polling || !this.connected) return
    this.polling = true
    try {
      await this.mutex.runExclusive(() => this.round())
    } catch (err) {
      const e = err as DeviceError
      if (e.code !== DeviceErrorCode.stopped && e.code !== DeviceErrorCode.notConnected) {
        this.decoder.reset()
        this.recordError(e.code ?? 'POLL_FAILED', e.message)
      }
    } finally {
      this.polling = false
    }
  }

  private async round(): Promise<void> {
    const found = await this.command(encodeCommand('findCard'), this.commandTimeoutMs, 'find card')
    if (found.sw3 === SW_NO_CARD) {
      this.clearError()
      if (this.cardPresent) {
        this.cardPresent = false
        this.log.debug('card removed')
        this.emit('cardRemoved')
        this.healthChanged()
      }
      return
    }
    if (found.sw3 !== SW_CARD_FOUND) {
      this.statusProblem(found.sw3)
      return
    }
    // Already reported, and the reader keeps finding it: the same placement.
    if (this.cardPresent) return

    const selected = await this.command(encodeCommand('selectCard'), this.commandTimeoutMs, 'select card')
    if (selected.sw3 !== SW_SUCCESS) {
      this.readFailed(`STATUS_${describeStatus(selected.sw3).code}`, this.statusText(selected.sw3))
      return
    }
    const command = encodeCommand(this.fingerprint ? 'readBaseInfoWithFingerprint' : 'readBaseInfo')
    const frame = await this.command(command, this.readTimeoutMs, 'read base info')
    const read = decodeBaseInfoResponse(frame, this.fingerprint ? { fingerprint: true } : {})
    if (!read.ok) {
      this.readFailed(read.code, `读卡失败 / card read failed: ${read.message}`)
      return
    }
    this.cardPresent = true
    this.cardsRead++
    this.clearError()
    this.log.info('card read', { cardType: read.value.record.cardType })
    this.emit('card', read.value.record, read.value)
    this.healthChanged()
  }

  private async command(bytes: Uint8Array, timeoutMs: number, what: string): Promise<Ga467Response> {
    const result = await this.exchange(this.waitress, bytes, () => true, timeoutMs, what)
    if (result.kind === 'error') {
      throw new DeviceError(
        DeviceErrorCode.protocol,
        `读卡器应答校验错误 / bad reply to ${what}: ${result.code}`,
      )
    }
    return result.frame
  }

  private statusText(sw3: number): string {
    const s = describeStatus(sw3)
    return `${s.zh} / ${s.en} (0x${sw3.toString(16).padStart(2, '0')})`
  }

  private statusProblem(sw3: number): void {
    this.recordError(`STATUS_${describeStatus(sw3).code}`, this.statusText(sw3))
  }

  private readFailed(code: string, message: string): void {
    this.readErrors++
    this.recordError(code, message)
    this.emit('readError', { code, message })
  }
}
