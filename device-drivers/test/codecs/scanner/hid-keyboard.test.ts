import fc from 'fast-check'
import t from 'tap'
import {
  encodeHidReports,
  HidKeyboardDecoder,
  type HidScanResult,
  TYPABLE_CHARACTERS,
  usageToChar,
} from '../../../src/codecs/scanner/index.js'
import { hexLines, RELEASE, report } from './helpers.js'

function run(decoder: HidKeyboardDecoder, reports: Uint8Array[]): HidScanResult[] {
  return reports.flatMap((r) => decoder.push(r))
}
const scans = (results: HidScanResult[]) => results.flatMap((r) => (r.kind === 'scan' ? [r.text] : []))

t.test('fixture: "Ab-00?" with both shifts and a repeated character', async (t) => {
  const results = run(new HidKeyboardDecoder(), hexLines('hid-scan-ab-00.hex'))
  t.strictSame(results, [{ kind: 'scan', text: 'Ab-00?', terminator: 'enter', ignoredKeys: 0 }])
})

t.test('a key held across reports is typed once', async (t) => {
  const a = report(0, 0x04)
  t.same(scans(run(new HidKeyboardDecoder(), [a, a, a, RELEASE, report(0, 0x28)])), ['a'])
  // b pressed while a is still down: only b is new
  t.same(scans(run(new HidKeyboardDecoder(), [a, report(0, 0x04, 0x05), report(0, 0x28)])), ['ab'])
  // two new keys in one report, in slot order
  t.same(scans(run(new HidKeyboardDecoder(), [report(0, 0x05, 0x04), report(0, 0x28)])), ['ba'])
})

t.test('rollover error reports change nothing', async (t) => {
  const rollover = report(0, 1, 1, 1, 1, 1, 1)
  const d = new HidKeyboardDecoder()
  t.same(scans(run(d, [report(0, 0x04), rollover, report(0, 0x04, 0x05), RELEASE, report(0, 0x28)])), ['ab'])
})

t.test('US-layout punctuation 0x2D-0x38 with and without Shift', async (t) => {
  const expected: Array<[number, string, string]> = [
    [0x2d, '-', '_'],
    [0x2e, '=', '+'],
    [0x2f, '[', '{'],
    [0x30, ']', '}'],
    [0x31, '\\', '|'],
    [0x32, '\\', '|'],
    [0x33, ';', ':'],
    [0x34, "'", '"'],
    [0x35, '`', '~'],
    [0x36, ',', '<'],
    [0x37, '.', '>'],
    [0x38, '/', '?'],
  ]
  for (const [usage, plain, shifted] of expected) {
    t.equal(usageToChar(usage, false), plain)
    t.equal(usageToChar(usage, true), shifted)
  }
  t.equal([...Array(10)].map((_, i) => usageToChar(0x1e + i, false)).join(''), '1234567890')
  t.equal([...Array(10)].map((_, i) => usageToChar(0x1e + i, true)).join(''), '!@#$%^&*()')
  t.equal([...Array(26)].map((_, i) => usageToChar(0x04 + i, false)).join(''), 'abcdefghijklmnopqrstuvwxyz')
  t.equal(usageToChar(0x2c, false), ' ')
})

t.test('keypad digits and keypad Enter', async (t) => {
  const reports = [0x59, 0x62, 0x63, 0x58].flatMap((u) => [report(0, u), RELEASE])
  t.same(scans(run(new HidKeyboardDecoder(), reports)), ['10.'])
})

t.test('modifier usages listed as keys are not typed', async (t) => {
  t.same(scans(run(new HidKeyboardDecoder(), [report(0x02, 0xe1, 0x04), RELEASE, report(0, 0x28)])), ['A'])
})

t.test('unknown keys and shortcuts are counted warnings', async (t) => {
  const d = new HidKeyboardDecoder()
  const results = run(d, [
    report(0, 0x04),
    RELEASE,
    report(0, 0x3a), // F1
    RELEASE,
    report(0x01, 0x05), // Ctrl+b
    RELEASE,
    report(0, 0x28),
  ])
  t.strictSame(results, [
    { kind: 'warning', code: 'UNKNOWN_KEY', usage: 0x3a, modifiers: 0, count: 1 },
    { kind: 'warning', code: 'UNKNOWN_KEY', usage: 0x05, modifiers: 0x01, count: 2 },
    { kind: 'scan', text: 'a', terminator: 'enter', ignoredKeys: 2 },
  ])
  t.same(d.warningCounts, { UNKNOWN_KEY: 2, BAD_REPORT: 0 })
})

t.test('Tab: a character by default, optionally a terminator', async (t) => {
  const reports = encodeHidReports('a\tb')
  t.same(scans(run(new HidKeyboardDecoder(), reports)), ['a\tb'])
  const results = run(new HidKeyboardDecoder({ tab: 'terminate' }), reports)
  t.same(
    results.map((r) => (r.kind === 'scan' ? [r.text, r.terminator] : r.kind)),
    [
      ['a', 'tab'],
      ['b', 'enter'],
    ],
  )
})

t.test('Enter with nothing before it is not a scan', async (t) => {
  t.same(run(new HidKeyboardDecoder(), [report(0, 0x28), RELEASE, report(0, 0x28)]), [])
})

t.test('report ids', async (t) => {
  const withId = encodeHidReports('x1', { reportId: 1 })
  t.equal(withId[0]!.length, 9)
  t.same(scans(run(new HidKeyboardDecoder(), withId)), ['x1'], "'auto' strips a 9th byte")
  t.same(scans(run(new HidKeyboardDecoder({ reportId: 1 }), withId)), ['x1'])
  const other = Uint8Array.from([2, 0, 0, 0x10, 0, 0, 0, 0, 0]) // another report of the same device
  t.same(run(new HidKeyboardDecoder({ reportId: 1 }), [other, ...withId]).length, 1, 'other ids ignored')
  const none = run(new HidKeyboardDecoder({ reportId: 'none' }), withId)
  t.match(none[0], { kind: 'warning', code: 'BAD_REPORT', length: 9, count: 1 })
  t.match(run(new HidKeyboardDecoder(), [new Uint8Array(3)])[0], { code: 'BAD_REPORT', length: 3 })
  t.same(run(new HidKeyboardDecoder({ reportId: 1 }), [new Uint8Array(0)])[0], {
    kind: 'warning',
    code: 'BAD_REPORT',
    length: 0,
    count: 1,
  })
})

t.test('max length: an error, then the next scan is clean', async (t) => {
  const d = new HidKeyboardDecoder({ maxLength: 4 })
  const results = run(d, [...encodeHidReports('abcdefgh'), ...encodeHidReports('ok')])
  t.same(
    results.map((r) => (r.kind === 'scan' ? r.text : r.code)),
    ['TOO_LONG', 'ok'],
  )
  t.same(
    scans(run(new HidKeyboardDecoder({ maxLength: 4 }), encodeHidReports('abcd'))),
    ['abcd'],
    'exactly max',
  )
})

t.test('encoder', async (t) => {
  const reports = encodeHidReports('Ab', { shift: 'right', terminator: 'none' })
  t.same(
    reports.map((r) => Array.from(r)),
    [
      [0x20, 0, 0x04, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0x05, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0],
    ],
  )
  t.throws(() => encodeHidReports('中'), { code: 'UNSUPPORTED_CHAR' })
  t.throws(() => encodeHidReports('a\n'), { code: 'UNSUPPORTED_CHAR' })
  t.throws(() => encodeHidReports('a', { reportId: 300 }), { code: 'INVALID_ARGUMENT' })
  t.equal(TYPABLE_CHARACTERS.length, 26 * 2 + 10 * 2 + 1 + 11 * 2, 'letters, digits, space, punctuation')
})

// ------------------------------------------------------------------ properties

const typable = fc.constantFrom(...TYPABLE_CHARACTERS, '\t')
const codeArb = fc.array(typable, { minLength: 1, maxLength: 60 }).map((a) => a.join(''))

t.test('property: any string of supported characters decodes back', async (t) => {
  fc.assert(
    fc.property(
      fc.array(codeArb, { minLength: 1, maxLength: 4 }),
      fc.constantFrom('left', 'right') as fc.Arbitrary<'left' | 'right'>,
      fc.option(fc.integer({ min: 0, max: 255 }), { nil: undefined }),
      (codes, shift, reportId) => {
        const reports = codes.flatMap((c) => encodeHidReports(c, { shift, reportId }))
        const d = new HidKeyboardDecoder({ reportId: reportId ?? 'none' })
        return JSON.stringify(scans(run(d, reports))) === JSON.stringify(codes)
      },
    ),
    { numRuns: 300 },
  )
  t.pass('round trip')
})

t.test('property: random reports never throw', async (t) => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.uint8Array({ maxLength: 12 }), fc.uint8Array({ minLength: 8, maxLength: 8 })), {
        maxLength: 50,
      }),
      fc.constantFrom<'auto' | 'none' | number>('auto', 'none', 0, 1),
      (reports, reportId) => {
        const d = new HidKeyboardDecoder({ reportId, maxLength: 10 })
        for (const r of reports) d.push(r)
        return true
      },
    ),
    { numRuns: 300 },
  )
  t.pass('no throw')
})
