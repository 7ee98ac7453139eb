import fc from 'fast-check'
import t from 'tap'
import {
  createEscPosTokenizer,
  type EscPosToken,
  escpos,
  fromHex,
  receiptLayout,
  toHex,
  tokenize,
} from '../../../src/codecs/escpos/index.js'
import { sampleReceipt } from './samples.js'

const names = (tokens: EscPosToken[]): string[] =>
  tokens.map((tk) =>
    tk.type === 'command' ? tk.command.name : tk.type === 'text' ? `text:${tk.text}` : `?${tk.reason}`,
  )

// Tokens as comparable plain data (bytes as hex).
const plain = (tokens: EscPosToken[]): unknown =>
  tokens.map((tk) => ({
    ...tk,
    bytes: toHex(tk.bytes),
    ...(tk.type === 'command' ? { command: { ...tk.command, data: undefined } } : {}),
  }))

t.test('composer → tokenizer round trip', async (t) => {
  const bytes = escpos()
    .init()
    .chinese()
    .align('center')
    .bold()
    .size(3, 3)
    .line('A012')
    .size(1, 1)
    .bold(false)
    .align('left')
    .line('综合受理 窗口3')
    .kanjiMode({ doubleWidth: true })
    .underline(1)
    .text('王𠀀')
    .feed(2)
    .qrCode('https://例子.cn/q?x=1')
    .cut()
    .build()
  const tokens = tokenize(bytes)
  t.same(names(tokens), [
    'init',
    'chinese-mode',
    'align',
    'bold',
    'char-size',
    'text:A012',
    'line-feed',
    'char-size',
    'bold',
    'align',
    'text:综合受理 窗口3',
    'line-feed',
    'kanji-print-mode',
    'underline',
    'kanji-underline',
    'text:王𠀀',
    'feed-lines',
    'qr-model',
    'qr-module-size',
    'qr-error-correction',
    'qr-store',
    'qr-print',
    'cut',
  ])
  const big = tokens[5]
  t.match(big, { type: 'text', style: { width: 3, height: 3, bold: true, align: 'center', chinese: true } })
  t.match(tokens[15], { type: 'text', style: { kanjiDoubleWidth: true, underline: 1, kanjiUnderline: 1 } })
  t.match(tokens[16], { command: { name: 'feed-lines', lines: 2 } })
  t.match(tokens[21], {
    command: { name: 'qr-print', content: 'https://例子.cn/q?x=1', moduleSize: 6, level: 'M' },
  })
  t.match(tokens[22], { command: { name: 'cut', partial: true, feed: 0 } })
  t.equal(
    toHex(Uint8Array.from(tokens.flatMap((tk) => [...tk.bytes]))),
    toHex(bytes),
    'every byte is in one token',
  )
})

t.test('text decoding depends on Chinese mode', async (t) => {
  t.same(names(tokenize(fromHex('1c 26 d6 d0 ce c4 0a'))), ['chinese-mode', 'text:中文', 'line-feed'])
  t.same(
    names(tokenize(fromHex('d6 d0 0a'))),
    ['text:\ufffd\ufffd', 'line-feed'],
    'no FS &: not decoded as Chinese',
  )
  t.same(names(tokenize(fromHex('1c 26 95 32 82 36 1c 2e 41'))), [
    'chinese-mode',
    'text:𠀀',
    'chinese-mode',
    'text:A',
  ])
  t.same(
    names(tokenize(fromHex('1c 26 41 1b 40 d6 d0'))),
    ['chinese-mode', 'text:A', 'init', 'text:\ufffd\ufffd'],
    'ESC @ resets',
  )
})

t.test('unknown and odd input comes back as values', async (t) => {
  t.same(names(tokenize(fromHex('1b 99 41'))), ['?unknown-command', 'text:A'])
  t.same(names(tokenize(fromHex('07 41'))), ['?control-byte', 'text:A'])
  t.same(names(tokenize(fromHex('10 41'))), ['?unknown-command', 'text:A'], 'lone DLE is one byte')
  t.same(names(tokenize(fromHex('41 1d 28 6b 05'))), ['text:A', '?truncated'])
  t.same(names(tokenize(fromHex('1b 21 38'))), ['print-mode'])
  t.match(tokenize(fromHex('1b 21 38 41'))[1], { style: { bold: true, width: 2, height: 2 } })
  t.same(
    names(tokenize(fromHex('1b 74 00 1b 2a 00 02 00 ff ff 41'))),
    ['other', 'other', 'text:A'],
    'bit image skipped',
  )
  t.same(
    names(tokenize(fromHex('1d 76 30 00 01 00 02 00 aa bb 41'))),
    ['other', 'text:A'],
    'raster image skipped',
  )
  t.same(names(tokenize(fromHex('1d 6b 04 31 32 00 41'))), ['other', 'text:A'], 'barcode with NUL')
  t.same(names(tokenize(fromHex('1b 44 08 10 00 09 41'))), ['other', 'tab', 'text:A'])
  t.same(names(tokenize(fromHex('1d 56 00 1d 56 31 1b 69'))), ['cut', 'cut', 'cut'])
  t.match(tokenize(fromHex('1d 56 00'))[0], { command: { partial: false } })
  t.match(tokenize(fromHex('10 04 04'))[0], { command: { name: 'status-request', n: 4, kind: 'paper' } })
  t.match(tokenize(fromHex('10 04 09'))[0], { command: { name: 'status-request', n: 9, kind: null } })
  t.match(tokenize(fromHex('1d 28 6b 03 00 31 51 30'))[0], { command: { name: 'qr-print', content: null } })
})

t.test('streaming: text waits for its terminator, commands for their bytes', async (t) => {
  const tk = createEscPosTokenizer()
  t.same(tk.push(fromHex('1c')), [])
  t.same(names(tk.push(fromHex('26 d6'))), ['chinese-mode'])
  t.same(tk.push(fromHex('d0 ce')), [])
  t.same(names(tk.push(fromHex('c4 0a 41'))), ['text:中文', 'line-feed'])
  t.same(names(tk.end()), ['text:A'])
  t.equal(tk.style().chinese, true)
})

const chunked = (bytes: Uint8Array, cuts: number[]): Uint8Array[] => {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  const out: Uint8Array[] = []
  let prev = 0
  for (const p of points) {
    out.push(bytes.slice(prev, p))
    prev = p
  }
  out.push(bytes.slice(prev))
  return out
}

t.test('property: random splits give the same tokens', async (t) => {
  const bytes = receiptLayout(sampleReceipt)
  const whole = plain(tokenize(bytes))
  fc.assert(
    fc.property(fc.array(fc.nat(), { maxLength: 30 }), (cuts) => {
      const tk = createEscPosTokenizer()
      const tokens = chunked(bytes, cuts).flatMap((c) => tk.push(c))
      tokens.push(...tk.end())
      t.same(plain(tokens), whole)
      return true
    }),
    { numRuns: 50 },
  )
})

t.test('property: garbage never throws and every byte lands in exactly one token', async (t) => {
  const garbage = fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    // Biased towards command prefixes so command parsing is exercised.
    fc
      .array(fc.oneof(fc.constantFrom(0x1b, 0x1d, 0x1c, 0x10, 0x0a, 0x00, 0x28, 0x6b), fc.nat(255)), {
        maxLength: 200,
      })
      .map((a) => Uint8Array.from(a)),
  )
  fc.assert(
    fc.property(garbage, fc.array(fc.nat(), { maxLength: 8 }), (bytes, cuts) => {
      const tk = createEscPosTokenizer()
      const tokens = chunked(bytes, cuts).flatMap((c) => tk.push(c))
      tokens.push(...tk.end())
      return toHex(Uint8Array.from(tokens.flatMap((x) => [...x.bytes]))) === toHex(bytes)
    }),
    { numRuns: 400 },
  )
  t.pass('checked')
})

t.test('property: any Chinese/ASCII text survives composer → tokenizer', async (t) => {
  const text = fc.string({
    unit: fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCodePoint(c)),
      fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)),
      fc.integer({ min: 0x20000, max: 0x2a6df }).map((c) => String.fromCodePoint(c)),
      fc.constantFrom('，', '。', '“', '”', '·', '€', '䶮'),
    ),
    maxLength: 60,
  })
  fc.assert(
    fc.property(text, (s) => {
      const tokens = tokenize(escpos().init().chinese().line(s).build())
      const decoded = tokens.flatMap((x) => (x.type === 'text' ? [x.text] : [])).join('')
      return decoded === s
    }),
  )
  t.pass('checked')
})
