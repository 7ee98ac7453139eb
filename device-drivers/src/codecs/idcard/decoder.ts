/**
 * Streaming GA 467 frame decoders: bytes in, in any chunking, frames out.
 *
 * Layout (source: device-drivers/docs/protocols.md, see frame.ts):
 *   AA AA AA 96 69 | LEN_HI LEN_LO | SW1 SW2 SW3 (or CMD PARA) | DATA... | CHK
 * LEN counts SW1 (or CMD) through CHK; CHK is the XOR of the bytes after the preamble up to CHK.
 *
 * Serial lines deliver noise at power-up and after cable hot-plugs, and USB-serial bridges cut a
 * 1295-byte base-info reply into arbitrary pieces, so the decoder:
 * - buffers across `push` calls and cuts frames at any byte boundary;
 * - skips junk before a preamble, keeping a trailing partial preamble (`AA AA`) for the next chunk,
 *   and finds the real preamble inside runs such as `AA AA AA AA 96 69`;
 * - returns bad checksums and impossible lengths as values and resumes the search one byte after
 *   the false start, so a good frame hidden behind garbage is still found;
 * - refuses lengths above `maxFrameLength` instead of waiting for bytes that may never come.
 */

import { HEADER_LENGTH, PREAMBLE, PREAMBLE_LENGTH, xorChecksum } from './frame.js'

export interface Ga467Response {
  sw1: number
  sw2: number
  sw3: number
  /** Bytes between SW3 and CHK. */
  data: Uint8Array
}

export interface Ga467Request {
  cmd: number
  para: number
  /** Bytes between PARA and CHK. */
  data: Uint8Array
}

export type Ga467DecodeError =
  | {
      kind: 'error'
      code: 'CHECKSUM'
      /** The whole frame as received. */
      bytes: Uint8Array
      expected: number
      actual: number
    }
  | {
      kind: 'error'
      code: 'LENGTH'
      /** Preamble and the two length bytes. */
      bytes: Uint8Array
      /** The LEN value that was refused. */
      length: number
    }

export type Ga467DecodeResult<F> = { kind: 'frame'; frame: F; bytes: Uint8Array } | Ga467DecodeError

export interface Ga467DecoderOptions {
  /**
   * Largest LEN accepted. The largest reply in the notes, base info with fingerprint, has
   * LEN = 3 + 6 + 256 + 1024 + 1024 + 1 = 2314.
   */
  maxFrameLength?: number
}

export const DEFAULT_MAX_FRAME_LENGTH = 4096

/** Length of the longest suffix of `buf[from..]` that is a proper prefix of the preamble. */
function partialPreambleSuffix(buf: Uint8Array, from: number): number {
  const max = Math.min(PREAMBLE_LENGTH - 1, buf.length - from)
  for (let n = max; n > 0; n--) {
    let match = true
    for (let k = 0; k < n; k++) {
      if (buf[buf.length - n + k] !== PREAMBLE[k]) {
        match = false
        break
      }
    }
    if (match) return n
  }
  return 0
}

function findPreamble(buf: Uint8Array, from: number): number {
  const last = buf.length - PREAMBLE_LENGTH
  outer: for (let i = from; i <= last; i++) {
    for (let k = 0; k < PREAMBLE_LENGTH; k++) {
      if (buf[i + k] !== PREAMBLE[k]) continue outer
    }
    return i
  }
  return -1
}

/** Frame splitting shared by the response and request decoders; `minLength` is their smallest LEN. */
abstract class Ga467Decoder<F> {
  private pending: Uint8Array = new Uint8Array(0)
  private readonly maxFrameLength: number
  private skipped = 0

  protected constructor(
    private readonly minLength: number,
    options: Ga467DecoderOptions,
  ) {
    this.maxFrameLength = options.maxFrameLength ?? DEFAULT_MAX_FRAME_LENGTH
  }

  protected abstract toFrame(frameBytes: Uint8Array): F

  /** Bytes thrown away so far while looking for a preamble (noise on the line). */
  get skippedBytes(): number {
    return this.skipped
  }

  /** Bytes held back waiting for the rest of a frame. */
  get pendingBytes(): number {
    return this.pending.length
  }

  /** Drops any partial frame, e.g. after a response timeout or a port reopen. */
  reset(): void {
    this.pending = new Uint8Array(0)
  }

  push(chunk: Uint8Array): Ga467DecodeResult<F>[] {
    const buf = new Uint8Array(this.pending.length + chunk.length)
    buf.set(this.pending, 0)
    buf.set(chunk, this.pending.length)

    const results: Ga467DecodeResult<F>[] = []
    let pos = 0
    for (;;) {
      const start = findPreamble(buf, pos)
      if (start < 0) {
        const keep = partialPreambleSuffix(buf, pos)
        this.skipped += buf.length - keep - pos
        pos = buf.length - keep
        break
      }
      this.skipped += start - pos
      pos = start
      if (buf.length - pos < HEADER_LENGTH) break

      const length = (buf[pos + 5]! << 8) | buf[pos + 6]!
      if (length < this.minLength || length > this.maxFrameLength) {
        results.push({ kind: 'error', code: 'LENGTH', bytes: buf.slice(pos, pos + HEADER_LENGTH), length })
        pos += 1
        continue
      }
      const end = pos + HEADER_LENGTH + length
      if (buf.length < end) break

      const expected = xorChecksum(buf, pos + PREAMBLE_LENGTH, end - 1)
      const actual = buf[end - 1]!
      if (expected !== actual) {
        results.push({ kind: 'error', code: 'CHECKSUM', bytes: buf.slice(pos, end), expected, actual })
        pos += 1
        continue
      }
      const bytes = buf.slice(pos, end)
      results.push({ kind: 'frame', frame: this.toFrame(bytes), bytes })
      pos = end
    }
    this.pending = buf.slice(pos)
    return results
  }
}

/** Decodes what a reader sends: `SW1 SW2 SW3 DATA`. */
export class Ga467ResponseDecoder extends Ga467Decoder<Ga467Response> {
  constructor(options: Ga467DecoderOptions = {}) {
    // SW1 SW2 SW3 CHK
    super(4, options)
  }

  protected toFrame(b: Uint8Array): Ga467Response {
    return { sw1: b[7]!, sw2: b[8]!, sw3: b[9]!, data: b.slice(10, b.length - 1) }
  }
}

/** Decodes what a host sends: `CMD PARA DATA`. Simulated readers use it. */
export class Ga467RequestDecoder extends Ga467Decoder<Ga467Request> {
  constructor(options: Ga467DecoderOptions = {}) {
    // CMD PARA CHK
    super(3, options)
  }

  protected toFrame(b: Uint8Array): Ga467Request {
    return { cmd: b[7]!, para: b[8]!, data: b.slice(9, b.length - 1) }
  }
}
