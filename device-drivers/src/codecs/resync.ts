/**
 * The scanning loop shared by the decoders of our own serial protocols (evaluator box, LED screen):
 * find a start byte, ask the protocol what begins there, and resynchronise after junk. The protocol
 * supplies `probe` (its framing and checksum) and turns whole frames and bad checksums into its
 * result values; nothing here throws.
 */

export type Probe =
  | { kind: 'incomplete' }
  | { kind: 'no-frame' }
  | { kind: 'bad-crc'; raw: Uint8Array }
  | { kind: 'frame'; raw: Uint8Array }

export interface ResyncOptions<R> {
  startByte: number
  /** What starts at `data[at]` (a start byte): a valid frame, a bad checksum, junk, or too few bytes yet. */
  probe(data: Uint8Array, at: number): Probe
  frame(raw: Uint8Array): R
  badCrc(raw: Uint8Array): R
}

export interface ResyncDecoder<R> {
  push(chunk: Uint8Array): R[]
  reset(): void
}

export function createResyncDecoder<R>(options: ResyncOptions<R>): ResyncDecoder<R> {
  const { startByte, probe } = options
  let buf = new Uint8Array(0)
  return {
    reset() {
      buf = new Uint8Array(0)
    },
    push(chunk) {
      const data = new Uint8Array(buf.length + chunk.length)
      data.set(buf)
      data.set(chunk, buf.length)
      const out: R[] = []
      let i = 0
      while (i < data.length) {
        if (data[i] !== startByte) {
          i++
          continue
        }
        const p = probe(data, i)
        if (p.kind === 'incomplete') {
          // A junk start byte with a plausible length would hold back every frame behind it until
          // enough bytes arrive; a complete valid frame further on proves it was junk.
          let j = i + 1
          while (j < data.length && (data[j] !== startByte || probe(data, j).kind !== 'frame')) j++
          if (j >= data.length) break
          i = j
          continue
        }
        if (p.kind === 'no-frame') {
          i++
          continue
        }
        if (p.kind === 'bad-crc') {
          out.push(options.badCrc(p.raw))
          // Only one byte is skipped: if the start byte was junk, a real frame may begin inside.
          i++
          continue
        }
        i += p.raw.length
        out.push(options.frame(p.raw))
      }
      buf = data.slice(i)
      return out
    },
  }
}
