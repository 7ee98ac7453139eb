import t from 'tap'
import {
  decodeBaseInfoResponse,
  encodeBaseInfoData,
  encodeResponse,
  encodeTextRecord,
  Ga467ResponseDecoder,
  isValidIdNumber,
  parseBaseInfo,
} from '../../../src/codecs/idcard/index.js'
import { fixture, hex } from './helpers.js'

function decodeFixture(name: string) {
  const results = new Ga467ResponseDecoder().push(fixture(name))
  if (results.length !== 1 || results[0]!.kind !== 'frame') throw new Error(`${name} did not decode`)
  return results[0]!.frame
}

t.test('resident ID card, 长期, nation 46 德昂 (command 30 01)', async (t) => {
  const frame = decodeFixture('resident-long-term.hex')
  const read = decodeBaseInfoResponse(frame)
  t.ok(read.ok)
  if (!read.ok) return
  t.equal(read.value.text.length, 256)
  t.equal(read.value.photo.length, 1024)
  t.equal(read.value.fingerprint, undefined)
  t.equal(hex(read.value.photo.subarray(0, 4)), 'C6 7E 81 6B', 'photo bytes kept as they are')
  t.strictSame(read.value.record, {
    cardType: 'resident',
    name: '欧阳明月',
    gender: '女',
    genderCode: '2',
    nation: '德昂',
    nationCode: '46',
    birthDate: '1958-06-12',
    address: '云南省德宏傣族景颇族自治州芒市勐焕路88号',
    idNumber: '533103195806120022',
    issuer: '芒市公安局',
    validFrom: '2018-03-15',
    validUntil: '长期',
  })
  t.ok(isValidIdNumber(read.value.record.idNumber))
})

t.test('resident ID card with fingerprint (command 30 10)', async (t) => {
  const frame = decodeFixture('resident-fingerprint.hex')
  t.equal(frame.data.length, 6 + 256 + 1024 + 1024)
  const read = decodeBaseInfoResponse(frame)
  t.ok(read.ok)
  if (!read.ok) return
  t.equal(read.value.fingerprint?.length, 1024)
  t.equal(read.value.photo.length, 1024)
  t.match(read.value.record, {
    cardType: 'resident',
    name: '张伟',
    gender: '男',
    nation: '汉',
    birthDate: '1990-03-07',
    address: '北京市东城区景山前街4号',
    idNumber: '110101199003070011',
    issuer: '北京市公安局东城分局',
    validFrom: '2015-08-01',
    validUntil: '2035-08-01',
  })
  t.notOk(parseBaseInfo(frame.data, { fingerprint: false }).ok, 'forcing the plain layout fails')
  t.ok(parseBaseInfo(frame.data, { fingerprint: true }).ok, 'forcing the fingerprint layout works')
})

t.test("foreigner's permanent residence card, 2017 ('I')", async (t) => {
  const read = decodeBaseInfoResponse(decodeFixture('foreigner-2017.hex'))
  t.ok(read.ok)
  if (!read.ok) return
  t.strictSame(read.value.record, {
    cardType: 'foreigner',
    edition: '2017',
    name: '史密斯',
    englishName: 'SMITH JOHN',
    chineseName: '史密斯',
    gender: '男',
    genderCode: '1',
    birthDate: '1975-06-15',
    idNumber: 'USA110075061512',
    nationality: 'USA',
    validFrom: '2017-06-01',
    validUntil: '2027-06-01',
    cardVersion: '01',
    issuingAuthorityCode: '1100',
  })
})

t.test("foreigner's permanent residence card, 2023 ('Y', layout unverified)", async (t) => {
  const read = decodeBaseInfoResponse(decodeFixture('foreigner-2023.hex'))
  t.ok(read.ok)
  if (!read.ok) return
  t.strictSame(read.value.record, {
    cardType: 'foreigner',
    edition: '2023',
    name: 'MONTGOMERY-WELLINGTON ALEXANDRA CHRISTINA',
    englishName: 'MONTGOMERY-WELLINGTON ALEXANDRA CHRISTINA',
    chineseName: '',
    gender: '女',
    genderCode: '2',
    birthDate: '1988-02-29',
    idNumber: '930826198802290014',
    nationality: 'GBR',
    validFrom: '2023-01-01',
    validUntil: '2033-01-01',
    renewalCount: '01',
    previousNumberLink: 'A12',
  })
  t.ok(isValidIdNumber(read.value.record.idNumber), '18-digit number starting with 9')
})

t.test("Hong Kong/Macao/Taiwan residence permit ('J')", async (t) => {
  const read = decodeBaseInfoResponse(decodeFixture('hkmotw.hex'))
  t.ok(read.ok)
  if (!read.ok) return
  t.strictSame(read.value.record, {
    cardType: 'hkmotw',
    name: '陈大文',
    gender: '男',
    genderCode: '1',
    birthDate: '1985-02-14',
    address: '广东省深圳市福田区福华三路100号',
    idNumber: '810000198502140036',
    issuer: '深圳市公安局',
    validFrom: '2019-01-01',
    validUntil: '2024-01-01',
    passNumber: 'H12345678',
    issueCount: '01',
    region: 'HK',
  })
})

t.test('every fixture re-encodes byte for byte (simulator side)', async (t) => {
  for (const name of [
    'resident-long-term.hex',
    'resident-fingerprint.hex',
    'foreigner-2017.hex',
    'foreigner-2023.hex',
    'hkmotw.hex',
  ]) {
    const bytes = fixture(name)
    const frame = decodeFixture(name)
    const read = decodeBaseInfoResponse(frame)
    if (!read.ok) {
      t.fail(name)
      continue
    }
    const text = encodeTextRecord(read.value.record)
    t.equal(hex(text), hex(read.value.text), `${name}: text record`)
    const reply = encodeResponse(0x90, encodeBaseInfoData({ ...read.value, text }))
    t.equal(hex(reply), hex(bytes), `${name}: whole reply`)
  }
})

t.test('failures come back as values', async (t) => {
  t.match(decodeBaseInfoResponse({ sw1: 0, sw2: 0, sw3: 0x41, data: new Uint8Array(0) }), {
    ok: false,
    code: 'STATUS',
    message: /读卡操作失败.*READ_FAILED/,
  })
  t.match(parseBaseInfo(new Uint8Array(3)), { ok: false, code: 'BASE_INFO_LENGTH' })
  t.match(parseBaseInfo(Uint8Array.from([0x01, 0x00, 0x04, 0x00, 1, 2, 3])), {
    ok: false,
    code: 'BASE_INFO_LENGTH',
  })
  const shortText = encodeBaseInfoData({ text: new Uint8Array(200), photo: new Uint8Array(10) })
  t.match(decodeBaseInfoResponse({ sw1: 0, sw2: 0, sw3: 0x90, data: shortText }), {
    ok: false,
    code: 'TEXT_LENGTH',
  })
  const unknownType = new Uint8Array(256).fill(0x20)
  unknownType[248] = 0x5a // 'Z'
  unknownType[249] = 0
  const data = encodeBaseInfoData({ text: unknownType, photo: new Uint8Array(1024) })
  t.match(decodeBaseInfoResponse({ sw1: 0, sw2: 0, sw3: 0x90, data }), {
    ok: false,
    code: 'UNKNOWN_CARD_TYPE',
    message: /U\+005A/,
  })
})

t.test('encodeBaseInfoData layout', async (t) => {
  const plain = encodeBaseInfoData({ text: Uint8Array.of(1, 2), photo: Uint8Array.of(3) })
  t.equal(hex(plain), '00 02 00 01 01 02 03')
  const withFp = encodeBaseInfoData({
    text: Uint8Array.of(1),
    photo: Uint8Array.of(2),
    fingerprint: new Uint8Array(0),
  })
  t.equal(hex(withFp), '00 01 00 01 00 00 01 02', 'empty fingerprint keeps the 3-length layout')
  const parsed = parseBaseInfo(withFp)
  t.ok(parsed.ok && parsed.value.fingerprint?.length === 0)
})
