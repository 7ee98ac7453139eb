import fc from 'fast-check'
import iconv from 'iconv-lite'
import t from 'tap'
import { type LineResult, ScannerLineDecoder } from '../../../src/codecs/scanner/index.js'
import { concat, hexLines } from './helpers.js'

const bytes = (s: string) => new TextEncoder().encode(s)
const summary = (results: LineResult[]) => results.map((r) => (r.kind === 'line' ? r.text : `!${r.code}`))

function feed(decoder: ScannerLineDecoder, stream: Uint8Array, cuts: number[]): LineResult[] {
  const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b)
  const out: LineResult[] = []
  let from = 0
  for (const p of [...points, stream.length]) {
    out.push(...decoder.push(stream.subarray(from, p)))
    from = p
  }
  return out
}

t.test('CR, LF and CRLF each end one line', async (t) => {
  const d = new ScannerLineDecoder()
  t.same(summary(d.push(bytes('A1\rB2\nC3\r\nD4'))), ['A1', 'B2', 'C3'])
  t.same(summary(d.push(bytes('\r'))), ['D4'])
  t.same(summary(d.push(bytes('\n'))), [], 'the LF of a CRLF split across chunks is not a line')
  t.same(summary(d.push(bytes('\r\n\r\n'))), [], 'empty lines are not scans')
})

t.test('fixture: GBK codes, every split point', async (t) => {
  const stream = concat(hexLines('gbk-lines.hex'))
  const expected = ['粤B12345,张三', '鄂温克族自治旗', 'https://example.cn/?q=中文']
  t.same(summary(new ScannerLineDecoder({ encoding: 'gbk' }).push(stream)), expected)
  for (let cut = 0; cut <= stream.length; cut++) {
    const d = new ScannerLineDecoder({ encoding: 'gbk' })
    const got = summary([...d.push(stream.subarray(0, cut)), ...d.push(stream.subarray(cut))])
    if (JSON.stringify(got) !== JSON.stringify(expected)) t.fail(`split at ${cut}: ${got}`)
  }
  t.pass('all split points agree')
  const first = new ScannerLineDecoder({ encoding: 'gb18030' }).push(stream)[0]
  t.match(first, { kind: 'line', text: '粤B12345,张三' }, 'gb18030 reads GBK too')
  if (first?.kind === 'line') t.equal(first.bytes.length, 13, 'raw bytes without the terminator')
})

t.test('UTF-8 split inside a character', async (t) => {
  const stream = bytes('身份证\r')
  const d = new ScannerLineDecoder()
  t.same(d.push(stream.subarray(0, 1)), [])
  t.same(d.push(stream.subarray(1, 4)), [])
  t.same(summary(d.push(stream.subarray(4))), ['身份证'])
})

t.test('max length: one error, then resync at the next terminator', async (t) => {
  const d = new ScannerLineDecoder({ maxLength: 5 })
  t.same(summary(d.push(bytes('12345\r123456789'))), ['12345', '!TOO_LONG'])
  t.same(summary(d.push(bytes('more junk\nok\r'))), ['ok'])
  t.match(new ScannerLineDecoder({ maxLength: 1 }).push(bytes('ab'))[0], { code: 'TOO_LONG', maxLength: 1 })
})

t.test('reset drops a partial line', async (t) => {
  const d = new ScannerLineDecoder()
  d.push(bytes('half'))
  d.reset()
  t.same(summary(d.push(bytes('whole\r'))), ['whole'])
})

t.test('unknown encodings are refused up front', async (t) => {
  t.throws(() => new ScannerLineDecoder({ encoding: 'klingon' as 'utf8' }), { code: 'INVALID_ARGUMENT' })
})

// ------------------------------------------------------------------ properties

const cjk = fc.constantFrom(...'中文身份证号码张三李四王五赵六粤京沪苏浙鄂温克族自治旗码头')
const asciiNoEol = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c))
const lineArb = fc.array(fc.oneof(cjk, asciiNoEol), { minLength: 1, maxLength: 40 }).map((a) => a.join(''))
const eolArb = fc.constantFrom('\r', '\n', '\r\n')

for (const encoding of ['utf8', 'gbk'] as const) {
  t.test(`property (${encoding}): lines split anywhere decode back`, async (t) => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(lineArb, eolArb), { maxLength: 6 }),
        fc.array(fc.nat()),
        (lines, cuts) => {
          const stream = concat(lines.map(([l, eol]) => iconv.encode(l + eol, encoding)))
          const got = summary(feed(new ScannerLineDecoder({ encoding }), stream, cuts))
          return JSON.stringify(got) === JSON.stringify(lines.map(([l]) => l))
        },
      ),
      { numRuns: 300 },
    )
    t.pass('round trip')
  })
}

t.test('property: random bytes never throw and chunking never matters', async (t) => {
  fc.assert(
    fc.property(
      fc.uint8Array({ maxLength: 200 }),
      fc.array(fc.nat()),
      fc.constantFrom('utf8', 'gbk') as fc.Arbitrary<'utf8' | 'gbk'>,
      fc.integer({ min: 1, max: 30 }),
      (stream, cuts, encoding, maxLength) => {
        const whole = new ScannerLineDecoder({ encoding, maxLength }).push(stream)
        const split = feed(new ScannerLineDecoder({ encoding, maxLength }), stream, cuts)
        return JSON.stringify(summary(whole)) === JSON.stringify(summary(split))
      },
    ),
    { numRuns: 300 },
  )
  t.pass('no throw, same results')
})
