import fc from 'fast-check'
import t from 'tap'
import {
  encodeCommand,
  encodeResponse,
  type Ga467DecodeResult,
  Ga467RequestDecoder,
  type Ga467Response,
  Ga467ResponseDecoder,
} from '../../../src/codecs/idcard/index.js'
import { concat, fixture, fromHex, hex, responseFrame } from './helpers.js'

const FOUND = responseFrame(0x9f, new Uint8Array(4))
const NO_CARD = fromHex('AA AA AA 96 69 00 04 00 00 80 84')
const PREAMBLE = Uint8Array.from([0xaa, 0xaa, 0xaa, 0x96, 0x69])

/** Comparable summary of decoder output. */
function summary(results: Ga467DecodeResult<Ga467Response>[]): string[] {
  return results.map((r) => (r.kind === 'frame' ? `frame ${hex(r.bytes)}` : `${r.code} ${hex(r.bytes)}`))
}

function feed(decoder: Ga467ResponseDecoder, stream: Uint8Array, cuts: number[]) {
  const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b)
  const out: Ga467DecodeResult<Ga467Response>[] = []
  let from = 0
  for (const p of [...points, stream.length]) {
    out.push(...decoder.push(stream.subarray(from, p)))
    from = p
  }
  return out
}

t.test('a frame fed byte by byte', async (t) => {
  const d = new Ga467ResponseDecoder()
  const all: Ga467DecodeResult<Ga467Response>[] = []
  for (const b of NO_CARD) all.push(...d.push(Uint8Array.of(b)))
  t.same(summary(all), [`frame ${hex(NO_CARD)}`])
  t.equal(d.pendingBytes, 0)
})

t.test('two frames in one chunk, and a frame across chunks', async (t) => {
  const d = new Ga467ResponseDecoder()
  const stream = concat(NO_CARD, FOUND, NO_CARD)
  const first = d.push(stream.subarray(0, NO_CARD.length + FOUND.length + 3))
  t.same(summary(first), [`frame ${hex(NO_CARD)}`, `frame ${hex(FOUND)}`])
  t.equal(d.pendingBytes, 3)
  t.same(summary(d.push(stream.subarray(NO_CARD.length + FOUND.length + 3))), [`frame ${hex(NO_CARD)}`])
})

t.test('junk and partial preambles before a frame', async (t) => {
  const cases: Array<[string, string]> = [
    ['junk', '00 13 FF 42'],
    ['extra AA', 'AA'],
    ['AA AA AA AA', 'AA AA AA AA'],
    ['partial preamble', 'AA AA AA 96'],
    ['preamble then junk', 'AA AA AA 96 00'],
    ['96 69 alone', '96 69 69'],
  ]
  for (const [name, junk] of cases) {
    const d = new Ga467ResponseDecoder()
    t.same(summary(d.push(concat(fromHex(junk), NO_CARD))), [`frame ${hex(NO_CARD)}`], name)
  }
  const d = new Ga467ResponseDecoder()
  t.same(d.push(fromHex('01 02 AA AA')), [], 'nothing yet')
  t.equal(d.pendingBytes, 2, 'the partial preamble is kept')
  t.equal(d.skippedBytes, 2, 'the junk is counted')
  t.same(summary(d.push(fromHex('AA 96 69 00 04 00 00 80 84'))), [`frame ${hex(NO_CARD)}`])
})

t.test('bad checksum is a value, and the next frame still decodes', async (t) => {
  const bad = NO_CARD.slice()
  bad[bad.length - 1] = 0x00
  const d = new Ga467ResponseDecoder()
  const results = d.push(concat(bad, FOUND))
  t.equal(results.length, 2)
  t.match(results[0], { kind: 'error', code: 'CHECKSUM', expected: 0x84, actual: 0x00 })
  t.equal(hex(results[0]!.bytes), hex(bad))
  t.same(summary(results.slice(1)), [`frame ${hex(FOUND)}`])
})

t.test('impossible lengths are values', async (t) => {
  const d = new Ga467ResponseDecoder()
  // LEN 3 cannot hold SW1..SW3 and CHK; LEN 0xFFFF is above the guard.
  const results = d.push(concat(fromHex('AA AA AA 96 69 00 03'), fromHex('AA AA AA 96 69 FF FF'), NO_CARD))
  t.same(summary(results), [
    'LENGTH AA AA AA 96 69 00 03',
    'LENGTH AA AA AA 96 69 FF FF',
    `frame ${hex(NO_CARD)}`,
  ])
  t.match(results[1], { length: 0xffff })

  const small = new Ga467ResponseDecoder({ maxFrameLength: 100 })
  const big = fixture('resident-long-term.hex')
  t.match(small.push(big)[0], { kind: 'error', code: 'LENGTH', length: 0x508 }, 'max frame length guard')
  t.same(summary(new Ga467ResponseDecoder().push(big)), [`frame ${hex(big)}`], 'default allows base info')
})

t.test('reset drops a partial frame', async (t) => {
  const d = new Ga467ResponseDecoder()
  d.push(FOUND.subarray(0, 9))
  d.reset()
  t.equal(d.pendingBytes, 0)
  t.same(summary(d.push(NO_CARD)), [`frame ${hex(NO_CARD)}`])
})

t.test('request decoder (simulator side) reads every command', async (t) => {
  const d = new Ga467RequestDecoder()
  const stream = concat(
    encodeCommand('findCard'),
    fromHex('00 AA'),
    encodeCommand('readBaseInfoWithFingerprint'),
  )
  const results = d.push(stream)
  t.same(
    results.map((r) => (r.kind === 'frame' ? [r.frame.cmd, r.frame.para, r.frame.data.length] : r.code)),
    [
      [0x20, 0x01, 0],
      [0x30, 0x10, 0],
    ],
  )
  t.match(new Ga467RequestDecoder().push(fromHex('AA AA AA 96 69 00 02 00 02'))[0], {
    code: 'LENGTH',
    length: 2,
  })
})

// ------------------------------------------------------------------ properties

const frameArb = fc
  .record({ sw3: fc.integer({ min: 0, max: 255 }), data: fc.uint8Array({ maxLength: 300 }) })
  .map(({ sw3, data }) => encodeResponse(sw3, data))
const framesArb = fc.array(frameArb, { minLength: 1, maxLength: 5 })
const cutsArb = fc.array(fc.nat(), { maxLength: 20 })
/** Junk that cannot hold a whole preamble; partial preambles (AA, AA AA AA 96 ...) are likely. */
const junkArb = fc
  .array(fc.oneof(fc.constantFrom(0xaa, 0x96, 0x69, 0x00), fc.integer({ min: 0, max: 255 })), {
    maxLength: 40,
  })
  .map((a) => Uint8Array.from(a))
  .filter((j) => !hex(j).includes('AA AA AA 96 69'))

t.test('property: random and garbled chunks never throw', async (t) => {
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          fc.uint8Array({ maxLength: 64 }),
          frameArb,
          frameArb.map((f) => f.subarray(0, 9)),
        ),
        {
          maxLength: 20,
        },
      ),
      fc.integer({ min: 4, max: 600 }),
      (chunks, maxFrameLength) => {
        const d = new Ga467ResponseDecoder({ maxFrameLength })
        for (const c of chunks) d.push(c)
        return d.pendingBytes <= 7 + maxFrameLength
      },
    ),
    { numRuns: 500 },
  )
  t.pass('no throw, bounded buffer')
})

t.test('property: after junk, the next good frames are decoded', async (t) => {
  fc.assert(
    fc.property(junkArb, framesArb, (junk, frames) => {
      const results = new Ga467ResponseDecoder().push(concat(junk, ...frames))
      const decoded = results.filter((r) => r.kind === 'frame').map((r) => hex(r.bytes))
      return JSON.stringify(decoded) === JSON.stringify(frames.map(hex))
    }),
    { numRuns: 500 },
  )
  t.pass('frames found after junk')
})

t.test('property: splitting a stream anywhere gives the same results as feeding it whole', async (t) => {
  const streamArb = fc
    .array(fc.oneof(frameArb, junkArb, fc.uint8Array({ maxLength: 20 }), fc.constant(PREAMBLE)), {
      maxLength: 8,
    })
    .map((parts) => concat(...parts))
  fc.assert(
    fc.property(streamArb, cutsArb, (stream, cuts) => {
      const whole = summary(new Ga467ResponseDecoder().push(stream))
      const split = summary(feed(new Ga467ResponseDecoder(), stream, cuts))
      return JSON.stringify(whole) === JSON.stringify(split)
    }),
    { numRuns: 500 },
  )
  t.pass('chunking does not matter')
})

t.test('property: a damaged byte outside LEN is caught and the next frame still decodes', async (t) => {
  fc.assert(
    fc.property(frameArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (frame, at, mask) => {
      // Every byte but the two LEN bytes: the XOR checksum always catches a single changed byte.
      const positions = [...frame.keys()].filter((i) => i !== 5 && i !== 6)
      const garbled = frame.slice()
      garbled[positions[at % positions.length]!]! ^= mask
      const out = new Ga467ResponseDecoder().push(concat(garbled, NO_CARD))
      const frames = out.filter((r) => r.kind === 'frame').map((r) => hex(r.bytes))
      return JSON.stringify(frames) === JSON.stringify([hex(NO_CARD)])
    }),
    { numRuns: 500 },
  )
  t.pass('single-byte damage never passes as a frame')
})

t.test('a damaged LEN holds later bytes until the frame would end, then resynchronises', async (t) => {
  // LEN 00 04 damaged to 00 24: the decoder waits for 0x24 bytes after the header; a device
  // gives up on its response timeout and calls reset(), or more bytes complete the false frame,
  // whose checksum fails, and the search resumes inside it.
  const damaged = NO_CARD.slice()
  damaged[6] = 0x24
  const d = new Ga467ResponseDecoder()
  t.same(d.push(concat(damaged, FOUND)), [], 'waiting')
  const results = d.push(new Uint8Array(0x24))
  t.same(
    results.map((r) => (r.kind === 'frame' ? `frame ${hex(r.bytes)}` : r.code)),
    ['CHECKSUM', `frame ${hex(FOUND)}`],
  )
  const d2 = new Ga467ResponseDecoder()
  d2.push(damaged)
  d2.reset()
  t.same(summary(d2.push(FOUND)), [`frame ${hex(FOUND)}`], 'or a reset')
})
