/**
 * Barcode/QR scanners in virtual COM mode (CDC-ACM, /dev/ttyACM*): raw code bytes followed by a
 * CR, LF or CRLF suffix, in UTF-8 or GBK as configured on the scanner
 * (source: device-drivers/docs/protocols.md). This is the mode to prefer: unlike keyboard mode it
 * keeps Chinese text in QR codes.
 *
 * Lines are cut on bytes and decoded whole, which is safe for both encodings: 0x0D and 0x0A never
 * occur inside a UTF-8 or GBK/GB18030 multi-byte character (GBK trail bytes are 0x40-0xFE, GB18030
 * four-byte forms use 0x30-0x39 and 0x81-0xFE). So a chunk may end anywhere, even mid-character.
 * Empty lines are not scans; skipping them is also what turns CRLF into a single terminator.
 */

import iconv from 'iconv-lite'
import { ScannerCodecError, ScannerErrorCode } from './errors.js'

export type LineEncoding = 'utf8' | 'gbk' | 'gb18030'

export interface LineDecoderOptions {
  /** As configured on the scanner; default 'utf8'. 'gb18030' also reads every GBK byte sequence. */
  encoding?: LineEncoding
  /** Longest line in bytes; longer input is reported once and dropped up to the next CR/LF. */
  maxLength?: number
}

export type LineResult =
  | {
      kind: 'line'
      text: string
      /** The raw bytes of the line, without its terminator. */
      bytes: Uint8Array
    }
  | { kind: 'error'; code: 'TOO_LONG'; maxLength: number }

export const DEFAULT_MAX_LINE_LENGTH = 4096

const CR = 0x0d
const LF = 0x0a

export class ScannerLineDecoder {
  private readonly encoding: LineEncoding
  private readonly maxLength: number
  private line: Uint8Array
  private length = 0
  private overflowing = false

  constructor(options: LineDecoderOptions = {}) {
    this.encoding = options.encoding ?? 'utf8'
    if (!iconv.encodingExists(this.encoding)) {
      throw new ScannerCodecError(ScannerErrorCode.invalidArgument, `unknown encoding ${this.encoding}`)
    }
    this.maxLength = options.maxLength ?? DEFAULT_MAX_LINE_LENGTH
    this.line = new Uint8Array(Math.min(256, Math.max(1, this.maxLength)))
  }

  /** Drops a partial line, e.g. after the port was reopened. */
  reset(): void {
    this.length = 0
    this.overflowing = false
  }

  push(chunk: Uint8Array): LineResult[] {
    const results: LineResult[] = []
    for (const byte of chunk) {
      if (byte === CR || byte === LF) {
        if (!this.overflowing && this.length > 0) results.push(this.emit())
        this.length = 0
        this.overflowing = false
      } else if (this.overflowing) {
        // resynchronising: wait for the next terminator
      } else if (this.length >= this.maxLength) {
        this.overflowing = true
        this.length = 0
        results.push({ kind: 'error', code: 'TOO_LONG', maxLength: this.maxLength })
      } else {
        this.append(byte)
      }
    }
    return results
  }

  private append(byte: number): void {
    if (this.length === this.line.length) {
      const bigger = new Uint8Array(Math.min(this.maxLength, this.line.length * 2))
      bigger.set(this.line)
      this.line = bigger
    }
    this.line[this.length++] = byte
  }

  // iconv-lite drops a leading byte order mark, which some QR generators put before UTF-8 text.
  private emit(): LineResult {
    const bytes = this.line.slice(0, this.length)
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), this.encoding)
    return { kind: 'line', text, bytes }
  }
}
