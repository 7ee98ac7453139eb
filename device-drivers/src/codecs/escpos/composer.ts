/**
 * ESC/POS composer: a builder that appends commands and returns the bytes. Pure: no I/O, no
 * clock; sending is the transport's job.
 *
 * Byte layout of every command (Epson ESC/POS Command Reference; FS commands from the
 * Chinese-market manuals, e.g. Xprinter/JPM112 "FS & 选择汉字模式"):
 *   ESC @            1B 40                  initialise (clears buffer and modes)
 *   FS &             1C 26                  Chinese (Kanji) mode on: text bytes are GB18030
 *   FS .             1C 2E                  Chinese mode off
 *   ESC a n          1B 61 n                align: 0 left, 1 centre, 2 right (start of line only)
 *   ESC E n          1B 45 n                bold on (n=1) / off (n=0)
 *   ESC - n          1B 2D n                underline for ASCII: 0 off, 1 thin, 2 thick
 *   FS - n           1C 2D n                underline for Chinese characters (same n)
 *   GS ! n           1D 21 n                size: high nibble = width-1, low nibble = height-1
 *   FS ! n           1C 21 n                Chinese print mode: bit2 double width, bit3 double
 *                                           height, bit7 underline
 *   LF               0A                     print line and feed one line
 *   ESC d n          1B 64 n                print and feed n lines
 *   GS ( k QR code   1D 28 6B pL pH cn fn …  cn = 0x31 (QR), (pL + 256·pH) = bytes after pH:
 *     model          1D 28 6B 04 00 31 41 n1 00   n1 = 0x32 model 2
 *     module size    1D 28 6B 03 00 31 43 n       n = 1..16 dots
 *     error level    1D 28 6B 03 00 31 45 n       n = 48 L, 49 M, 50 Q, 51 H
 *     store data     1D 28 6B pL pH 31 50 30 d…   pL + 256·pH = k + 3 (k data bytes)
 *     print          1D 28 6B 03 00 31 51 30
 *   GS V m n         1D 56 42 n             feed to cut position + n dots, partial cut (m=66);
 *                    1D 56 41 n             same with a full cut (m=65)
 *   DLE EOT n        10 04 n                real-time status request, n = 1..4
 *
 * QR data is stored as UTF-8, not GB18030: the printer copies the bytes into the symbol
 * unchanged, and phone scanners (WeChat, Alipay, system cameras) interpret byte-mode data as
 * UTF-8, while GB18030 payloads come out garbled on many of them. Our QR contents are mostly
 * ASCII URLs, for which both are identical. pL/pH count the bytes actually sent (UTF-8 length),
 * which is what node-thermal-printer gets wrong for non-ASCII (it writes the JS string length).
 */
import {
  Align,
  CR,
  DLE,
  EOT,
  ESC,
  FS,
  GS,
  LF,
  QR_MAX_BYTES,
  QrErrorCorrection,
  type StatusKind,
  StatusRequest,
} from './constants.js'
import { EscPosError, EscPosErrorCode } from './errors.js'
import { encodeText } from './text-encoding.js'

export interface QrOptions {
  /** Dots per module, 1-16. Default 6 (about 0.75 mm at 203 dpi, reliable for phone cameras). */
  moduleSize?: number
  /** Default `'M'`. */
  errorCorrection?: QrErrorCorrection
}

export interface CutOptions {
  /** Partial cut (leaves a hinge, the ticket does not fall). Default true. */
  partial?: boolean
  /** Extra feed in dots after the cut position, 0-255. Default 0. */
  feed?: number
}

export interface KanjiModeOptions {
  doubleWidth?: boolean
  doubleHeight?: boolean
  underline?: boolean
}

function checkInt(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new EscPosError(
      EscPosErrorCode.invalidArgument,
      `${name} must be an integer ${min}-${max}, got ${value}`,
    )
  }
}

const utf8 = new TextEncoder()

/** The GS ( k sequence that selects model 2, sets size and level, stores `content` and prints it. */
export function encodeQrCode(content: string, options: QrOptions = {}): Uint8Array {
  const moduleSize = options.moduleSize ?? 6
  const level = options.errorCorrection ?? 'M'
  checkInt('QR module size', moduleSize, 1, 16)
  const data = utf8.encode(content)
  if (data.length === 0 || data.length > QR_MAX_BYTES[level]) {
    throw new EscPosError(
      EscPosErrorCode.qrTooLong,
      `QR content must be 1-${QR_MAX_BYTES[level]} UTF-8 bytes at level ${level}, got ${data.length}`,
    )
  }
  const k = data.length + 3
  return Uint8Array.from([
    ...[GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00],
    ...[GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, moduleSize],
    ...[GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, QrErrorCorrection[level]],
    ...[GS, 0x28, 0x6b, k & 0xff, k >> 8, 0x31, 0x50, 0x30],
    ...data,
    ...[GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30],
  ])
}

/** DLE EOT n: asks for one real-time status byte (see `status.ts` for the answer). */
export function statusRequest(kind: StatusKind): Uint8Array {
  return Uint8Array.from([DLE, EOT, StatusRequest[kind]])
}

/**
 * Appends ESC/POS commands; `build()` returns the bytes. The builder remembers whether Chinese
 * mode is on, because that decides how `text()` encodes.
 */
export class EscPosBuilder {
  #bytes: number[] = []
  #chinese = false

  /** Whether text is currently encoded as GB18030 (after `chinese(true)`). */
  get chineseMode(): boolean {
    return this.#chinese
  }

  /** Appends bytes as they are. */
  raw(bytes: ArrayLike<number>): this {
    for (let i = 0; i < bytes.length; i++) this.#bytes.push(bytes[i]! & 0xff)
    return this
  }

  /**
   * ESC @. Printers differ in whether Kanji mode survives it (a memory switch), so the builder
   * assumes it is off and layouts send FS & right after.
   */
  init(): this {
    this.#chinese = false
    return this.raw([ESC, 0x40])
  }

  /** FS & (on) or FS . (off). */
  chinese(on = true): this {
    this.#chinese = on
    return this.raw(on ? [FS, 0x26] : [FS, 0x2e])
  }

  /** Text without a line feed; `\n` becomes LF, `\r` is dropped, other controls are removed. */
  text(text: string): this {
    const parts = text.replace(/\r/g, '').split('\n')
    parts.forEach((part, i) => {
      if (i > 0) this.#bytes.push(LF)
      if (part !== '') this.raw(encodeText(part, this.#chinese))
    })
    return this
  }

  /** Text followed by LF. */
  line(text = ''): this {
    return this.text(text).raw([LF])
  }

  /** Several lines, each followed by LF. */
  lines(lines: readonly string[]): this {
    for (const l of lines) this.line(l)
    return this
  }

  /** ESC a n. Only effective at the start of a line. */
  align(align: Align): this {
    return this.raw([ESC, 0x61, Align[align]])
  }

  /** ESC E n. */
  bold(on = true): this {
    return this.raw([ESC, 0x45, on ? 1 : 0])
  }

  /** ESC - n, plus FS - n in Chinese mode so Chinese characters are underlined too. */
  underline(mode: 0 | 1 | 2 | boolean = 1): this {
    const n = mode === true ? 1 : mode === false ? 0 : mode
    this.raw([ESC, 0x2d, n])
    return this.#chinese ? this.raw([FS, 0x2d, n]) : this
  }

  /** GS ! n with width and height multipliers 1-8 (height defaults to width). */
  size(width = 1, height = width): this {
    checkInt('character width', width, 1, 8)
    checkInt('character height', height, 1, 8)
    return this.raw([GS, 0x21, ((width - 1) << 4) | (height - 1)])
  }

  /** FS ! n: double width/height/underline for Chinese characters only. */
  kanjiMode(options: KanjiModeOptions = {}): this {
    const n =
      (options.doubleWidth ? 0x04 : 0) | (options.doubleHeight ? 0x08 : 0) | (options.underline ? 0x80 : 0)
    return this.raw([FS, 0x21, n])
  }

  /** LF. */
  newline(): this {
    return this.raw([LF])
  }

  /** CR: most printers ignore it with auto line feed off; here for completeness. */
  carriageReturn(): this {
    return this.raw([CR])
  }

  /** ESC d n: print and feed n lines (0-255). */
  feed(lines = 1): this {
    checkInt('feed lines', lines, 0, 255)
    return this.raw([ESC, 0x64, lines])
  }

  /** The full QR sequence (model 2, size, level, store, print). */
  qrCode(content: string, options: QrOptions = {}): this {
    return this.raw(encodeQrCode(content, options))
  }

  /** GS V 66 n (partial) or GS V 65 n (full): feed to the cutter plus n dots, then cut. */
  cut(options: CutOptions = {}): this {
    const feed = options.feed ?? 0
    checkInt('cut feed', feed, 0, 255)
    return this.raw([GS, 0x56, options.partial === false ? 0x41 : 0x42, feed])
  }

  /** DLE EOT n inside a job (usually sent on its own: see `statusRequest`). */
  requestStatus(kind: StatusKind): this {
    return this.raw(statusRequest(kind))
  }

  /** The bytes so far (the builder can keep appending). */
  build(): Uint8Array {
    return Uint8Array.from(this.#bytes)
  }
}

/** Shorthand for `new EscPosBuilder()`. */
export function escpos(): EscPosBuilder {
  return new EscPosBuilder()
}
