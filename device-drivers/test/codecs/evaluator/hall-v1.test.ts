import fc from 'fast-check'
import t from 'tap'
import { fromHex, toHex } from '../../../src/codecs/escpos/index.js'
import {
  BAD_RATING_REASONS,
  crc8,
  EvaluatorCodecError,
  type EvaluatorCommand,
  EvaluatorErrorCode,
  type EvaluatorEvent,
  type EvaluatorFrameResult,
  evaluatorProtocols,
  getEvaluatorProtocol,
  isBadRating,
  hallV1EvaluatorProtocol as p,
  RATING_LEVELS,
  ratingLabel,
  reasonLabel,
} from '../../../src/codecs/evaluator/index.js'

// Independent bit-by-bit CRC-8/SMBUS to check the table-driven one.
function crc8Bitwise(bytes: Uint8Array): number {
  let c = 0
  for (const b of bytes) {
    c ^= b
    for (let i = 0; i < 8; i++) c = c & 0x80 ? ((c << 1) ^ 0x07) & 0xff : (c << 1) & 0xff
  }
  return c
}

t.test('CRC-8/SMBUS', async (t) => {
  t.equal(crc8(new TextEncoder().encode('123456789')), 0xf4, 'catalogue check value')
  t.equal(crc8(new Uint8Array(0)), 0)
  fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (b) => crc8(b) === crc8Bitwise(b)))
})

t.test('golden frames', async (t) => {
  t.equal(toHex(p.encode({ type: 'ping' })), '02 00 00 10 70 03')
  t.equal(
    toHex(
      p.encode({ type: 'prompt-rating', promptId: 0x0102, caseRef: 'XH001', timeoutSeconds: 60 }, { seq: 7 }),
    ),
    '02 08 07 11 01 02 3c 58 48 30 30 31 b8 03',
  )
  t.equal(
    toHex(p.encode({ type: 'set-leds', on: [1, 2, 3, 4, 5], blink: [4, 5] }, { seq: 1 })),
    '02 02 01 14 1f 18 07 03',
  )
  t.equal(
    toHex(p.encodeEvent({ type: 'rating', promptId: 0x0102, level: 4 }, { seq: 9 })),
    '02 03 09 81 01 02 04 7a 03',
  )
  t.equal(
    toHex(p.encodeEvent({ type: 'reason', promptId: 0x0102, reason: 1 }, { seq: 10 })),
    '02 03 0a 82 01 02 01 fd 03',
  )
  for (const hex of ['02 08 07 11 01 02 3c 58 48 30 30 31 b8 03', '02 03 09 81 01 02 04 7a 03']) {
    const f = fromHex(hex)
    t.equal(f[f.length - 2], crc8Bitwise(f.subarray(1, f.length - 2)), `CRC of ${hex}`)
  }
})

t.test('levels and reasons', async (t) => {
  t.same(([1, 2, 3, 4, 5] as const).map(ratingLabel), [
    '非常满意',
    '满意',
    '基本满意',
    '不满意',
    '非常不满意',
  ])
  t.same(([1, 2, 3, 4, 5] as const).map(isBadRating), [false, false, false, true, true])
  t.equal(reasonLabel(1), '等候时间过长')
  t.equal(Object.keys(BAD_RATING_REASONS).length, 8)
  t.equal(Object.keys(RATING_LEVELS).length, 5)
})

const commands: EvaluatorCommand[] = [
  { type: 'ping' },
  { type: 'prompt-rating', promptId: 65535, caseRef: 'XH20261122000123', timeoutSeconds: 30 },
  { type: 'prompt-rating', promptId: 0, caseRef: '', timeoutSeconds: 0 },
  { type: 'show-thanks', seconds: 5 },
  { type: 'idle' },
  { type: 'set-leds', on: [1, 3], blink: [] },
  { type: 'ack', ackSeq: 200, result: 'busy' },
]
const events: EvaluatorEvent[] = [
  { type: 'rating', promptId: 513, level: 1 },
  { type: 'rating', promptId: 513, level: 5 },
  { type: 'reason', promptId: 513, reason: 8 },
  { type: 'heartbeat', state: 'prompting', firmware: '1.12' },
  { type: 'ack', ackSeq: 3, result: 'ok' },
]

t.test('round trips in both directions', async (t) => {
  commands.forEach((cmd, i) => {
    const [r] = p.createCommandDecoder().push(p.encode(cmd, { seq: i }))
    t.match(r, { ok: true, seq: i })
    if (r?.ok) t.same(r.message, cmd.type === 'set-leds' ? { ...cmd, blink: [] } : cmd, cmd.type)
  })
  events.forEach((ev, i) => {
    const [r] = p.createDecoder().push(p.encodeEvent(ev, { seq: i }))
    t.match(r, { ok: true, seq: i })
    if (r?.ok) t.same(r.message, ev, ev.type)
  })
})

t.test('decoder: junk, split chunks, bad checksum, unknown command, bad payload', async (t) => {
  const good = p.encodeEvent({ type: 'rating', promptId: 7, level: 2 }, { seq: 1 })
  const bad = good.slice()
  bad[5] = 0x03 // level byte changed: CRC no longer matches
  const unknown = fromHex('02 00 05 99 00 03')
  unknown[4] = crc8(unknown, 1, 4)
  const badLevel = fromHex('02 03 00 81 00 07 06 00 03')
  badLevel[7] = crc8(badLevel, 1, 7)
  const d = p.createDecoder()
  const stream = Uint8Array.from([0xff, 0x00, 0x03, ...bad, 0x55, ...unknown, ...badLevel, ...good])
  const results: EvaluatorFrameResult[] = []
  for (const b of stream) results.push(...d.push(Uint8Array.of(b)))
  t.same(
    results.map((r) => (r.ok ? r.message.type : r.error.code)),
    [EvaluatorErrorCode.checksum, EvaluatorErrorCode.unknownCommand, EvaluatorErrorCode.badPayload, 'rating'],
  )
  const last = results[3]
  t.match(last, { ok: true, seq: 1, message: { level: 2, promptId: 7 } })
  t.same(d.push(new Uint8Array(0)), [])
})

t.test(
  'decoder: a frame without ETX is skipped, a long length is junk, reset drops a partial frame',
  async (t) => {
    const good = p.encodeEvent({ type: 'heartbeat', state: 'idle', firmware: '1.0' })
    const noEtx = good.slice()
    noEtx[noEtx.length - 1] = 0x00
    t.same(
      p
        .createDecoder()
        .push(Uint8Array.from([...noEtx, ...good]))
        .map((r) => r.ok),
      [true],
    )
    t.same(
      p
        .createDecoder()
        .push(Uint8Array.from([0x02, 0xff, ...good]))
        .map((r) => r.ok),
      [true],
    )
    const d = p.createDecoder()
    t.same(d.push(good.subarray(0, 4)), [])
    d.reset()
    t.same(d.push(good).length, 1)
  },
)

t.test('encoder refuses what it cannot send, with a code', async (t) => {
  const code = (fn: () => unknown): string | undefined => {
    try {
      fn()
    } catch (e) {
      return e instanceof EvaluatorCodecError ? e.code : 'other'
    }
    return undefined
  }
  const invalid = EvaluatorErrorCode.invalidCommand
  t.equal(
    code(() => p.encode({ type: 'prompt-rating', promptId: 1, caseRef: '张三', timeoutSeconds: 1 })),
    invalid,
  )
  t.equal(
    code(() => p.encode({ type: 'prompt-rating', promptId: 1, caseRef: 'x'.repeat(33), timeoutSeconds: 1 })),
    invalid,
  )
  t.equal(
    code(() => p.encode({ type: 'prompt-rating', promptId: 70000, caseRef: '', timeoutSeconds: 1 })),
    invalid,
  )
  t.equal(
    code(() => p.encode({ type: 'show-thanks', seconds: 256 })),
    invalid,
  )
  t.equal(
    code(() => p.encode({ type: 'ping' }, { seq: 256 })),
    invalid,
  )
  t.equal(
    code(() => p.encodeEvent({ type: 'heartbeat', state: 'idle', firmware: 'v1' })),
    invalid,
  )
  t.equal(
    code(() => p.encodeEvent({ type: 'rating', promptId: 1, level: 6 as 1 })),
    invalid,
  )
})

t.test('registry', async (t) => {
  t.equal(evaluatorProtocols['hall-v1'], p)
  t.equal(getEvaluatorProtocol('hall-v1'), p)
  t.equal(getEvaluatorProtocol('nope'), undefined)
  t.equal(getEvaluatorProtocol('toString'), undefined, 'no prototype keys')
  t.equal(p.id, 'hall-v1')
})

const eventArb: fc.Arbitrary<EvaluatorEvent> = fc.oneof(
  fc.record({
    type: fc.constant('rating' as const),
    promptId: fc.nat(0xffff),
    level: fc.constantFrom(1, 2, 3, 4, 5 as const),
  }),
  fc.record({
    type: fc.constant('reason' as const),
    promptId: fc.nat(0xffff),
    reason: fc.constantFrom(1, 2, 3, 4, 5, 6, 7, 8 as const),
  }),
  fc.record({
    type: fc.constant('heartbeat' as const),
    state: fc.constantFrom('idle' as const, 'prompting' as const, 'thanks' as const),
    firmware: fc.tuple(fc.nat(255), fc.nat(255)).map(([a, b]) => `${a}.${b}`),
  }),
  fc.record({
    type: fc.constant('ack' as const),
    ackSeq: fc.nat(255),
    result: fc.constantFrom('ok' as const, 'busy' as const),
  }),
)

const split = (bytes: Uint8Array, cuts: number[]): Uint8Array[] => {
  const pts = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  const out: Uint8Array[] = []
  let prev = 0
  for (const x of pts) {
    out.push(bytes.slice(prev, x))
    prev = x
  }
  out.push(bytes.slice(prev))
  return out
}

t.test('property: garbage never throws', async (t) => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 80 }), { maxLength: 10 }), (chunks) => {
      const d = p.createDecoder()
      const c = p.createCommandDecoder()
      for (const ch of chunks) {
        d.push(ch)
        c.push(ch)
      }
      return true
    }),
    { numRuns: 300 },
  )
  t.pass('checked')
})

t.test('property: frames after junk are found, in order, whatever the chunking', async (t) => {
  const junk = fc.uint8Array({ maxLength: 40 }).map((a) => a.filter((b) => b !== 0x02))
  fc.assert(
    fc.property(
      fc.array(fc.tuple(junk, eventArb), { minLength: 1, maxLength: 6 }),
      fc.array(fc.nat(), { maxLength: 12 }),
      (items, cuts) => {
        const bytes = Uint8Array.from(items.flatMap(([j, ev], seq) => [...j, ...p.encodeEvent(ev, { seq })]))
        const d = p.createDecoder()
        const results = split(bytes, cuts).flatMap((c) => d.push(c))
        return (
          results.length === items.length &&
          results.every(
            (r, i) => r.ok && r.seq === i && JSON.stringify(r.message) === JSON.stringify(items[i]![1]),
          )
        )
      },
    ),
    { numRuns: 300 },
  )
  t.pass('checked')
})

t.test('property: a corrupted byte never yields a wrong message', async (t) => {
  fc.assert(
    fc.property(eventArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (ev, pos, flip) => {
      const f = p.encodeEvent(ev)
      const i = 1 + (pos % (f.length - 1))
      f[i] = f[i]! ^ flip
      const results = p.createDecoder().push(f)
      // CRC-8 detects every single-byte error.
      return results.every((r) => !r.ok)
    }),
    { numRuns: 300 },
  )
  t.pass('checked')
})

t.test('property: valid frames are found even when the junk contains STX', async (t) => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.uint8Array({ maxLength: 40 }), eventArb), { minLength: 1, maxLength: 6 }),
      fc.array(fc.nat(), { maxLength: 12 }),
      (items, cuts) => {
        const bytes = Uint8Array.from(items.flatMap(([j, ev], seq) => [...j, ...p.encodeEvent(ev, { seq })]))
        const d = p.createDecoder()
        const good = split(bytes, cuts)
          .flatMap((c) => d.push(c))
          .filter((r) => r.ok)
        // Junk can forge a frame only by matching ETX and CRC (about 1 in 65536); every real frame
        // must be there, in order.
        let k = 0
        for (const r of good)
          if (r.ok && r.seq === k && JSON.stringify(r.message) === JSON.stringify(items[k]![1])) k++
        return k === items.length
      },
    ),
    { numRuns: 300 },
  )
  t.pass('checked')
})

t.test('a junk STX with a plausible length does not hold back the frame behind it', async (t) => {
  const good = p.encodeEvent({ type: 'rating', promptId: 1, level: 1 })
  const d = p.createDecoder()
  // 02 c8: claims 200 payload bytes, which will never come.
  const res = d.push(Uint8Array.from([0x02, 0xc8, 0x11, ...good]))
  t.same(
    res.map((r) => r.ok),
    [true],
  )
})
