import fc from 'fast-check'
import t from 'tap'
import {
  encodeTextRecord,
  type IdCardRecord,
  NATIONS,
  nationName,
  parseTextRecord,
} from '../../../src/codecs/idcard/index.js'
import { buildText, hex, residentText } from './helpers.js'

function parsed(text: Uint8Array): IdCardRecord {
  const r = parseTextRecord(text)
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`)
  return r.value
}

t.test('resident record built from the documented offsets', async (t) => {
  t.strictSame(parsed(residentText()), {
    cardType: 'resident',
    name: '李四',
    gender: '男',
    genderCode: '1',
    nation: '回',
    nationCode: '03',
    birthDate: '1970-01-01',
    address: '宁夏回族自治区银川市兴庆区解放西街1号',
    idNumber: '640104197001010019',
    issuer: '银川市公安局兴庆区分局',
    validFrom: '2010-01-01',
    validUntil: '2030-01-01',
  })
})

t.test('长期 validity', async (t) => {
  t.equal(parsed(residentText([[204, '长期']])).validUntil, '长期')
})

t.test('unknown nation code keeps the code and has no name', async (t) => {
  const r = parsed(residentText([[32, '99']]))
  t.equal(r.cardType, 'resident')
  if (r.cardType !== 'resident') return
  t.equal(r.nationCode, '99')
  t.equal(r.nation, undefined)
  t.notOk('nation' in r, 'no nation key at all')
})

t.test('GB 3304 nation table', async (t) => {
  t.equal(Object.keys(NATIONS).length, 58, '56 nations + 97 + 98')
  const spot: Record<string, string> = {
    '01': '汉',
    '02': '蒙古',
    '05': '维吾尔',
    '10': '朝鲜',
    '15': '土家',
    '22': '畲',
    '29': '柯尔克孜',
    '30': '土',
    '37': '仡佬',
    '43': '乌孜别克',
    '46': '德昂',
    '56': '基诺',
    '97': '其他',
    '98': '外国血统',
  }
  for (const [code, name] of Object.entries(spot)) t.equal(nationName(code), name, code)
  for (let i = 1; i <= 56; i++) t.ok(nationName(String(i).padStart(2, '0')), `code ${i} present`)
  t.equal(nationName('00'), undefined)
  t.equal(nationName('57'), undefined)
  t.equal(nationName('1'), undefined, 'one digit is not a code')
  t.equal(nationName('toString'), undefined, 'no prototype lookups')
})

t.test('gender codes (GB/T 2261.1)', async (t) => {
  const cases: Array<[string, string]> = [
    ['0', '未知'],
    ['1', '男'],
    ['2', '女'],
    ['9', '未说明'],
    ['7', '未知'],
  ]
  for (const [code, name] of cases) {
    const r = parsed(residentText([[30, code]]))
    t.equal(r.gender, name, code)
    t.equal(r.genderCode, code)
  }
})

t.test('padding: spaces and NULs are trimmed, inner spaces kept', async (t) => {
  const text = residentText([[0, 'A B']])
  // NUL padding after the name instead of spaces
  for (let i = 6; i < 30; i++) text[i] = 0
  t.equal(parsed(text).name, 'A B')
})

t.test('a zero-filled type character reads as a resident card', async (t) => {
  const text = residentText()
  text[248] = 0
  text[249] = 0
  t.equal(parsed(text).cardType, 'resident')
})

t.test('dates that are not YYYYMMDD are BAD_DATE values', async (t) => {
  t.match(parseTextRecord(residentText([[36, '1970-1-1']])), {
    ok: false,
    code: 'BAD_DATE',
    message: /出生日期/,
  })
  t.match(
    parseTextRecord(residentText([[188, '长期']])),
    { ok: false, code: 'BAD_DATE' },
    '长期 only as end date',
  )
  t.match(parseTextRecord(residentText([[204, '        ']])), { ok: false, code: 'BAD_DATE' })
})

t.test('wrong text length', async (t) => {
  t.match(parseTextRecord(new Uint8Array(255)), { ok: false, code: 'TEXT_LENGTH' })
  t.match(parseTextRecord(new Uint8Array(0)), { ok: false, code: 'TEXT_LENGTH' })
})

t.test('2017 foreigner without a Chinese name is named by the English name', async (t) => {
  const text = buildText([
    [0, 'DOE JANE'],
    [120, '2'],
    [122, 'CAN310080010112'],
    [152, 'CAN'],
    [188, '20200101'],
    [204, '20300101'],
    [220, '19800101'],
    [236, '01'],
    [240, '3100'],
    [248, 'I'],
  ])
  t.match(parsed(text), { cardType: 'foreigner', name: 'DOE JANE', chineseName: '', englishName: 'DOE JANE' })
})

t.test('2023 foreigner English name split at 35 keeps a space on the boundary', async (t) => {
  const name = `${'A'.repeat(35)} BC`
  const text = buildText([
    [0, '王'],
    [30, '1'],
    [36, '19900101'],
    [52, name.slice(0, 35)],
    [122, '911111199001010012'],
    [188, '20230101'],
    [204, '20330101'],
    [220, name.slice(35)],
    [242, 'FRA'],
    [248, 'Y'],
  ])
  t.match(parsed(text), { cardType: 'foreigner', edition: '2023', englishName: name, name: '王' })
  t.equal(hex(encodeTextRecord(parsed(text))), hex(text), 'round trip')
})

t.test('HK/Macao/Taiwan region from the number prefix', async (t) => {
  const permit = (id: string) =>
    buildText([
      [0, '林'],
      [30, '2'],
      [36, '19900101'],
      [122, id],
      [188, '20200101'],
      [204, '20250101'],
      [220, 'M1234567'],
      [238, '02'],
      [248, 'J'],
    ])
  t.match(parsed(permit('820000199001010020')), { region: 'MO', passNumber: 'M1234567', issueCount: '02' })
  t.match(parsed(permit('830000199001010020')), { region: 'TW' })
  t.notOk('region' in parsed(permit('110000199001010020')), 'no region for other prefixes')
})

t.test('encoder refuses what does not fit', async (t) => {
  const r = parsed(residentText())
  t.throws(() => encodeTextRecord({ ...r, name: '名'.repeat(16) }), { code: 'FIELD_TOO_LONG' })
  t.throws(() => encodeTextRecord({ ...r, birthDate: '19700101' }), { code: 'INVALID_ARGUMENT' })
  t.throws(() => encodeTextRecord({ ...r, validFrom: '长期' }), { code: 'INVALID_ARGUMENT' })
  t.equal(hex(encodeTextRecord({ ...r, name: '名'.repeat(15) })).length, 256 * 3 - 1, '15 characters fit')
})

// ------------------------------------------------------------------ round trip

const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c))
const ascii = fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c))
const word = (ch: fc.Arbitrary<string>, max: number, min = 0) =>
  fc.array(ch, { minLength: min, maxLength: max }).map((a) => a.join(''))
/** Inner spaces allowed, none at the end (padding is trimmed). */
const spaced = (ch: fc.Arbitrary<string>, max: number) =>
  word(fc.oneof({ weight: 5, arbitrary: ch }, { weight: 1, arbitrary: fc.constant(' ') }), max).map((s) =>
    s.trimEnd(),
  )
const date = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
const digits = (n: number) => word(fc.integer({ min: 0, max: 9 }).map(String), n, n)
const genderCode = fc.constantFrom('0', '1', '2', '9')
const common = {
  genderCode,
  birthDate: date,
  validFrom: date,
  validUntil: fc.oneof(date, fc.constant('长期')),
}

const residentArb = fc.record({
  cardType: fc.constant('resident' as const),
  name: word(cjk, 15, 1),
  nationCode: fc.oneof(fc.constantFrom(...Object.keys(NATIONS)), digits(2)),
  address: spaced(fc.oneof(cjk, ascii), 35),
  idNumber: digits(18),
  issuer: word(cjk, 15),
  ...common,
})
const hkmotwArb = fc.record({
  cardType: fc.constant('hkmotw' as const),
  name: word(cjk, 15, 1),
  address: spaced(cjk, 35),
  idNumber: digits(18),
  issuer: word(cjk, 15),
  passNumber: word(ascii, 9),
  issueCount: digits(2),
  ...common,
})
const foreigner2017Arb = fc.record({
  cardType: fc.constant('foreigner' as const),
  edition: fc.constant('2017' as const),
  englishName: spaced(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ-'), 60),
  chineseName: word(cjk, 15),
  idNumber: word(ascii, 15),
  nationality: word(ascii, 3, 3),
  cardVersion: digits(2),
  issuingAuthorityCode: digits(4),
  ...common,
})
const foreigner2023Arb = fc.record({
  cardType: fc.constant('foreigner' as const),
  edition: fc.constant('2023' as const),
  englishName: spaced(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ-'), 46),
  chineseName: word(cjk, 15),
  idNumber: digits(18),
  nationality: word(ascii, 3, 3),
  renewalCount: digits(2),
  previousNumberLink: word(ascii, 3),
  ...common,
})

t.test('property: parse(encode(record)) gives the record back, for every card type', async (t) => {
  const anyRecord = fc.oneof(residentArb, hkmotwArb, foreigner2017Arb, foreigner2023Arb)
  fc.assert(
    fc.property(anyRecord, (input) => {
      // Fill derived fields the way the parser does, by parsing once; then the round trip is exact.
      const bytes = encodeTextRecord(input as unknown as IdCardRecord)
      const first = parseTextRecord(bytes)
      if (!first.ok) return false
      const again = encodeTextRecord(first.value)
      const second = parseTextRecord(again)
      const stored = Object.entries(input).every(
        ([k, v]) => (first.value as unknown as Record<string, unknown>)[k] === v,
      )
      return stored && hex(again) === hex(bytes) && JSON.stringify(second) === JSON.stringify(first)
    }),
    { numRuns: 400 },
  )
  t.pass('round trip')
})

t.test('property: any 256 bytes parse to a value, never a throw', async (t) => {
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: 256, maxLength: 256 }),
      fc.constantFrom(' ', 'I', 'Y', 'J'),
      (b, flag) => {
        b[248] = flag.charCodeAt(0)
        b[249] = 0
        const r = parseTextRecord(b)
        return r.ok || ['BAD_DATE', 'UNKNOWN_CARD_TYPE'].includes(r.code)
      },
    ),
    { numRuns: 300 },
  )
  t.pass('no throw')
})
