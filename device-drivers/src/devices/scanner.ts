/**
 * Barcode/QR scanner: keyboard mode over HidTransport (boot reports → HidKeyboardDecoder) or
 * virtual COM mode over a serial transport (lines → ScannerLineDecoder). Emits `scan` with the
 * text. Input only: nothing is ever written to a scanner.
 *
 * A scanned code can carry personal data (an appointment QR, an ID number on a form), so logs
 * carry its length only.
 */

import {
  HidKeyboardDecoder,
  type HidKeyboardDecoderOptions,
  type LineEncoding,
  ScannerLineDecoder,
} from '../codecs/scanner/index.js'
import { Device, type DeviceBaseEvents, type DeviceHealth, type DeviceOptions } from './device.js'

export type ScannerMode = 'hid' | 'line'

export interface ScannerOptions extends DeviceOptions {
  /** `hid`: keyboard-mode reports, one per `data` event (HidTransport). `line`: CR/LF-ended lines. */
  mode: ScannerMode
  /** Line mode: the scanner's configured encoding; default utf8. */
  encoding?: LineEncoding
  /** HID mode decoder options (report id, Tab handling). */
  hid?: HidKeyboardDecoderOptions
  /** Longest code accepted; default 4096. */
  maxLength?: number
}

export interface ScanInfo {
  mode: ScannerMode
  /** Line mode: the raw bytes of the line. */
  bytes?: Uint8Array
  /** HID mode: the key that ended the code. */
  terminator?: 'enter' | 'tab'
}

export interface ScannerEvents extends DeviceBaseEvents {
  scan: [text: string, info: ScanInfo]
}

export interface ScannerHealth extends DeviceHealth {
  mode: ScannerMode
  scans: number
  /** Keys or reports the decoder could not use, and over-long codes. */
  warnings: number
}

export class Scanner extends Device<ScannerEvents> {
  readonly kind = 'scanner' as const
  readonly mode: ScannerMode
  private readonly hidDecoder: HidKeyboardDecoder | null
  private readonly lineDecoder: ScannerLineDecoder | null
  private scans = 0
  private warnings = 0

  constructor(options: ScannerOptions) {
    super(options)
    this.mode = options.mode
    const maxLength = options.maxLength ? { maxLength: options.maxLength } : {}
    this.hidDecoder = this.mode === 'hid' ? new HidKeyboardDecoder({ ...options.hid, ...maxLength }) : null
    this.lineDecoder =
      this.mode === 'line'
        ? new ScannerLineDecoder({ encoding: options.encoding ?? 'utf8', ...maxLength })
        : null
  }

  override health(): ScannerHealth {
    return { ...super.health(), mode: this.mode, scans: this.scans, warnings: this.warnings }
  }

  protected override async onConnected(): Promise<void> {
    this.hidDecoder?.reset()
    this.lineDecoder?.reset()
  }

  protected handleData(chunk: Uint8Array): void {
    if (this.hidDecoder) {
      for (const r of this.hidDecoder.push(chunk)) {
        if (r.kind === 'scan') this.deliver(r.text, { mode: 'hid', terminator: r.terminator })
        else this.warn(r.code)
      }
    } else if (this.lineDecoder) {
      for (const r of this.lineDecoder.push(chunk)) {
        if (r.kind === 'line') this.deliver(r.text, { mode: 'line', bytes: r.bytes })
        else this.warn(r.code)
      }
    }
  }

  private deliver(text: string, info: ScanInfo): void {
    this.scans++
    this.log.debug('scan', { length: text.length })
    this.emit('scan', text, info)
    this.healthChanged()
  }

  private warn(code: string): void {
    this.warnings++
    this.log.debug('scanner decoder warning', { code })
    if (code === 'TOO_LONG')
      this.recordError('SCAN_TOO_LONG', '扫码内容过长已丢弃 / scanned code too long, dropped')
    else this.healthChanged()
  }
}
