import fc from 'fast-check'
import t from 'tap'
import { fromHex, toHex } from '../../../src/codecs/escpos/index.js'
import {
  crc16Modbus,
  getLedProtocol,
  LED_NAK_REASONS,
  LedCodecError,
  type LedCommand,
  LedErrorCode,
  type LedFrameResult,
  type LedReply,
  ledProtocols,
  hallV1LedProtocol as p,
} from '../../../src/codecs/led/index.js'

// Independent bit-by-bit CRC-16/MODBUS.
function crc16Bitwise(bytes: Uint8Array): number {
  let c = 0xffff
  for (const b of bytes) {
    c ^= b
    for (let i = 0; i < 8; i++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1
  }
  return c
}

t.test('CRC-16/MODBUS', async (t) => {
  t.equal(crc16Modbus(new TextEncoder().encode('123456789')), 0x4b37, 'catalogue check value')
  // Modbus RTU "read holding registers" example: 01 03 00 00 00 0A → CRC C5 CD (low byte first).
  t.equal(crc16Modbus(fromHex('01 03 00 00 00 0a')), 0xcdc5)
  fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (b) => crc16Modbus(b) === crc16Bitwise(b)))
})

t.test('golden frames', async (t) => {
  t.equal(
    toHex(
      p.encode(
        {
          type: 'show-text',
          line: 0,
          text: '3号窗口 张*三',
          effect: 'scroll',
          color: 'green',
          brightness: 8,
        },
        { address: 3, seq: 5 },
      ),
    ),
    // AA 55 | addr 03 | seq 05 | cmd 01 | len 00 11 | line 00 effect 01 colour 02 brightness 08 |
    // GB18030 "3号窗口 张*三" | CRC low, high
    'aa 55 03 05 01 00 11 00 01 02 08 33 ba c5 b4 b0 bf da 20 d5 c5 2a c8 fd 6e 2b',
  )
  t.equal(toHex(p.encode({ type: 'query-status' })), 'aa 55 01 00 04 00 00 58 01')
  t.equal(toHex(p.encode({ type: 'clear' })), 'aa 55 01 00 02 00 01 ff 41 a2', 'FF = all lines')
  t.equal(
    toHex(p.encodeReply({ type: 'nak', command: 1, reason: 6 }, { address: 3, seq: 5 })),
    'aa 55 03 05 81 00 02 01 06 34 19',
  )
  for (const hex of ['aa 55 01 00 04 00 00 58 01', 'aa 55 03 05 81 00 02 01 06 34 19']) {
    const f = fromHex(hex)
    const crc = crc16Bitwise(f.subarray(2, f.length - 2))
    t.same([f[f.length - 2], f[f.length - 1]], [crc & 0xff, crc >> 8], `CRC of ${hex}`)
  }
})

const commands: LedCommand[] = [
  { type: 'show-text', line: 0, text: 'A012 请到3号窗口', effect: 'blink', color: 'red', brightness: null },
  { type: 'show-text', line: 1, text: '王𠀀 䶮 㐀', effect: 'static', color: 'amber', brightness: 16 },
  { type: 'show-text', line: 2, text: '', effect: 'scroll', color: 'green', brightness: 1 },
  { type: 'clear', line: 1 },
  { type: 'clear' },
  { type: 'set-brightness', level: 12 },
  { type: 'query-status' },
]
const replies: LedReply[] = [
  { type: 'ack', command: 1 },
  { type: 'nak', command: 1, reason: 5 },
  {
    type: 'status',
    lines: 2,
    columns: 16,
    brightness: 10,
    displayOn: true,
    pixelFault: false,
    overTemperature: true,
    temperatureC: -12,
    firmware: '3.4',
  },
]

t.test('round trips in both directions', async (t) => {
  commands.forEach((cmd, i) => {
    const [r] = p.createCommandDecoder().push(p.encode(cmd, { address: 7, seq: i }))
    t.match(r, { ok: true, address: 7, seq: i })
    if (r?.ok) t.same(r.message, cmd, cmd.type)
  })
  replies.forEach((rep, i) => {
    const [r] = p.createDecoder().push(p.encodeReply(rep, { address: 9, seq: i }))
    t.match(r, { ok: true, address: 9, seq: i })
    if (r?.ok) t.same(r.message, rep, rep.type)
  })
  t.equal(
    toHex(p.encode({ type: 'query-status' }, { address: 0xff }).subarray(0, 3)),
    'aa 55 ff',
    'broadcast',
  )
  t.equal(LED_NAK_REASONS[6].message, '屏幕字库缺少部分汉字')
})

t.test('defaults and text cleaning', async (t) => {
  const [r] = p.createCommandDecoder().push(p.encode({ type: 'show-text', line: 0, text: 'A\x1bB\nC' }))
  t.match(r, { ok: true, message: { effect: 'static', color: 'red', brightness: null, text: 'ABC' } })
})

t.test('decoder: junk, split chunks, bad checksum, unknown command, bad payload', async (t) => {
  const good = p.encodeReply({ type: 'ack', command: 2 }, { seq: 1 })
  const bad = good.slice()
  bad[7] = 0x03
  const mk = (cmd: number, payload: number[]): Uint8Array => {
    const f = Uint8Array.from([0xaa, 0x55, 1, 0, cmd, 0, payload.length, ...payload, 0, 0])
    const crc = crc16Modbus(f, 2, f.length - 2)
    f[f.length - 2] = crc & 0xff
    f[f.length - 1] = crc >> 8
    return f
  }
  const stream = Uint8Array.from([
    0xaa,
    0x00,
    0x55,
    ...bad,
    0x13,
    ...mk(0x99, []),
    ...mk(0x81, [1, 9]),
    ...good,
  ])
  const d = p.createDecoder()
  const results: LedFrameResult[] = []
  for (const b of stream) results.push(...d.push(Uint8Array.of(b)))
  t.same(
    results.map((r) => (r.ok ? r.message.type : r.error.code)),
    [LedErrorCode.checksum, LedErrorCode.unknownCommand, LedErrorCode.badPayload, 'ack'],
  )
  t.match(results[3], { ok: true, seq: 1, message: { command: 2 } })
  // Junk sync with a plausible length does not hold back the frame behind it.
  t.same(
    p
      .createDecoder()
      .push(Uint8Array.from([0xaa, 0x55, 1, 0, 1, 0x01, 0x00, ...good]))
      .map((r) => r.ok),
    [true],
  )
  const d2 = p.createDecoder()
  t.same(d2.push(good.subarray(0, 5)), [])
  d2.reset()
  t.equal(d2.push(good).length, 1)
})

t.test('encoder refuses what it cannot send, with a code', async (t) => {
  const code = (fn: () => unknown): string | undefined => {
    try {
      fn()
    } catch (e) {
      return e instanceof LedCodecError ? e.code : 'other'
    }
    return undefined
  }
  t.equal(
    code(() => p.encode({ type: 'show-text', line: 0, text: '中'.repeat(255) })),
    LedErrorCode.textTooLong,
  )
  t.equal(
    code(() => p.encode({ type: 'show-text', line: 0, text: '中'.repeat(254) })),
    undefined,
    '4 + 508 bytes fit',
  )
  t.equal(
    code(() => p.encode({ type: 'show-text', line: 255, text: 'x' })),
    LedErrorCode.invalidCommand,
  )
  t.equal(
    code(() => p.encode({ type: 'set-brightness', level: 0 })),
    LedErrorCode.invalidCommand,
  )
  t.equal(
    code(() => p.encode({ type: 'set-brightness', level: 17 })),
    LedErrorCode.invalidCommand,
  )
  t.equal(
    code(() => p.encode({ type: 'show-text', line: 0, text: 'x', brightness: 20 })),
    LedErrorCode.invalidCommand,
  )
  t.equal(
    code(() => p.encode({ type: 'query-status' }, { address: 256 })),
    LedErrorCode.invalidCommand,
  )
  t.equal(
    code(() =>
      p.encodeReply({
        ...(replies[2] as Extract<LedReply, { type: 'status' }>),
        temperatureC: 200,
      }),
    ),
    LedErrorCode.invalidCommand,
  )
})

t.test('registry', async (t) => {
  t.equal(ledProtocols['hall-v1'], p)
  t.equal(getLedProtocol('hall-v1'), p)
  t.equal(getLedProtocol('vendor-x'), undefined)
  t.equal(getLedProtocol('__proto__'), undefined)
})

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

const replyArb: fc.Arbitrary<LedReply> = fc.oneof(
  fc.record({ type: fc.constant('ack' as const), command: fc.nat(255) }),
  fc.record({
    type: fc.constant('nak' as const),
    command: fc.nat(255),
    reason: fc.constantFrom(1, 2, 3, 4, 5, 6, 7, 8 as const),
  }),
  fc.record({
    type: fc.constant('status' as const),
    lines: fc.nat(255),
    columns: fc.nat(255),
    brightness: fc.nat(16),
    displayOn: fc.boolean(),
    pixelFault: fc.boolean(),
    overTemperature: fc.boolean(),
    temperatureC: fc.integer({ min: -128, max: 127 }),
    firmware: fc.tuple(fc.nat(255), fc.nat(255)).map(([a, b]) => `${a}.${b}`),
  }),
)

const textArb = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCodePoint(c)),
    fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)),
    fc.integer({ min: 0x20000, max: 0x2a6df }).map((c) => String.fromCodePoint(c)),
  ),
  maxLength: 40,
})

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

t.test('property: replies after any junk are found, in order, whatever the chunking', async (t) => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.uint8Array({ maxLength: 40 }), replyArb), { minLength: 1, maxLength: 6 }),
      fc.array(fc.nat(), { maxLength: 12 }),
      (items, cuts) => {
        const bytes = Uint8Array.from(items.flatMap(([j, r], seq) => [...j, ...p.encodeReply(r, { seq })]))
        const d = p.createDecoder()
        const good = split(bytes, cuts)
          .flatMap((c) => d.push(c))
          .filter((r) => r.ok)
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

t.test('property: junk without sync bytes gives exactly the frames, same for every split', async (t) => {
  const junk = fc.uint8Array({ maxLength: 40 }).map((a) => a.filter((b) => b !== 0xaa))
  fc.assert(
    fc.property(
      fc.array(fc.tuple(junk, textArb, fc.nat(254)), { minLength: 1, maxLength: 5 }),
      fc.array(fc.nat(), { maxLength: 12 }),
      (items, cuts) => {
        const bytes = Uint8Array.from(
          items.flatMap(([j, text, line], seq) => [
            ...j,
            ...p.encode({ type: 'show-text', line, text }, { seq }),
          ]),
        )
        const d = p.createCommandDecoder()
        const res = split(bytes, cuts).flatMap((c) => d.push(c))
        return (
          res.length === items.length &&
          res.every((r, i) => r.ok && r.message.type === 'show-text' && r.message.text === items[i]![1])
        )
      },
    ),
    { numRuns: 300 },
  )
  t.pass('checked')
})
