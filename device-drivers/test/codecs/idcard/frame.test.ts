import t from 'tap'
import {
  describeStatus,
  encodeCommand,
  encodeRequest,
  encodeResponse,
  Ga467Command,
  Ga467Error,
  Ga467ResponseDecoder,
  Ga467Status,
  isSuccessStatus,
  xorChecksum,
} from '../../../src/codecs/idcard/index.js'
import { fixture, hex } from './helpers.js'

t.test('every command frame matches the bytes in the notes', async (t) => {
  // From device-drivers/docs/protocols.md ("complete frames after the preamble"); 30 10 computed by hand:
  // 00 ^ 03 ^ 30 ^ 10 = 23, which is also what public reader code sends.
  const golden: Record<keyof typeof Ga467Command, string> = {
    resetSam: 'AA AA AA 96 69 00 03 10 FF EC',
    samStatus: 'AA AA AA 96 69 00 03 11 FF ED',
    readSamId: 'AA AA AA 96 69 00 03 12 FF EE',
    findCard: 'AA AA AA 96 69 00 03 20 01 22',
    selectCard: 'AA AA AA 96 69 00 03 20 02 21',
    readBaseInfo: 'AA AA AA 96 69 00 03 30 01 32',
    readBaseInfoWithFingerprint: 'AA AA AA 96 69 00 03 30 10 23',
  }
  for (const [name, bytes] of Object.entries(golden)) {
    t.equal(hex(encodeCommand(name as keyof typeof Ga467Command)), bytes, name)
  }
  t.equal(Object.keys(golden).length, Object.keys(Ga467Command).length, 'all commands covered')
})

t.test('encodeRequest with data counts it in LEN and CHK', async (t) => {
  // LEN = CMD + PARA + 2 data + CHK = 5; CHK = 00^05^61^FF^50^01
  const chk = 0x00 ^ 0x05 ^ 0x61 ^ 0xff ^ 0x50 ^ 0x01
  t.equal(
    hex(encodeRequest(0x61, 0xff, Uint8Array.from([0x50, 0x01]))),
    `AA AA AA 96 69 00 05 61 FF 50 01 ${chk.toString(16).toUpperCase().padStart(2, '0')}`,
  )
  t.equal(hex(encodeRequest(0x20, 0x01)), 'AA AA AA 96 69 00 03 20 01 22')
})

t.test('encoders refuse values that are not bytes', async (t) => {
  t.throws(() => encodeRequest(256, 0), { code: 'INVALID_ARGUMENT' })
  t.throws(() => encodeRequest(1.5, 0), { code: 'INVALID_ARGUMENT' })
  t.throws(() => encodeResponse(-1), { code: 'INVALID_ARGUMENT' })
  t.throws(() => encodeResponse(0x90, new Uint8Array(0xffff)), { code: 'FIELD_TOO_LONG' })
  try {
    encodeRequest(0x100, 0)
  } catch (e) {
    t.ok(e instanceof Ga467Error, 'a Ga467Error')
  }
})

t.test('the failure reply from the notes', async (t) => {
  const bytes = fixture('read-failed.hex')
  t.equal(hex(bytes), 'AA AA AA 96 69 00 04 00 00 41 45')
  t.equal(xorChecksum(bytes, 5, bytes.length - 1), 0x45, 'XOR includes the length bytes')
  t.equal(hex(encodeResponse(0x41)), hex(bytes), 'encodeResponse gives the same bytes')
  t.equal(hex(encodeResponse({ sw1: 0, sw2: 0, sw3: 0x41 })), hex(bytes), 'as a status word too')

  const [result, ...rest] = new Ga467ResponseDecoder().push(bytes)
  t.equal(rest.length, 0)
  t.equal(result?.kind, 'frame')
  if (result?.kind !== 'frame') return
  t.same({ ...result.frame, data: hex(result.frame.data) }, { sw1: 0, sw2: 0, sw3: 0x41, data: '' })
  t.same(describeStatus(result.frame.sw3), {
    sw3: 0x41,
    code: 'READ_FAILED',
    ok: false,
    zh: '读卡操作失败',
    en: 'read failed',
  })
})

t.test('the start of a successful base-info reply from the notes', async (t) => {
  const bytes = fixture('resident-long-term.hex')
  t.equal(hex(bytes.subarray(0, 14)), 'AA AA AA 96 69 05 08 00 00 90 01 00 04 00')
  t.equal(bytes.length, 7 + 0x508, 'LEN counts SW1..CHK')
  t.equal(hex(encodeResponse(0x90, bytes.subarray(10, bytes.length - 1))), hex(bytes), 'encodeResponse')
})

t.test('status table', async (t) => {
  const expected: Array<[number, string]> = [
    [0x90, 'SUCCESS'],
    [0x9f, 'CARD_FOUND'],
    [0x80, 'NO_CARD'],
    [0x81, 'SELECT_FAILED'],
    [0x10, 'REQUEST_CHECKSUM'],
    [0x11, 'REQUEST_LENGTH'],
    [0x21, 'BAD_COMMAND'],
    [0x23, 'NOT_PERMITTED'],
    [0x24, 'UNRECOGNISED_ERROR'],
    [0x31, 'CARD_AUTH_READER_FAILED'],
    [0x32, 'READER_AUTH_CARD_FAILED'],
    [0x33, 'VERIFY_ERROR'],
    [0x34, 'CARD_NOT_FOUND_YET'],
    [0x40, 'WRONG_CARD'],
    [0x41, 'READ_FAILED'],
    [0x47, 'RANDOM_FAILED'],
    [0x60, 'SELF_TEST_FAILED'],
    [0x66, 'NOT_AUTHORISED'],
  ]
  t.equal(Ga467Status.size, expected.length, 'every status in the notes, and four from public SDKs')
  for (const [sw3, code] of expected) {
    const s = describeStatus(sw3)
    t.equal(s.code, code)
    t.ok(s.zh.length > 0 && s.en.length > 0, `${code} has both messages`)
    t.equal(s.ok, code === 'SUCCESS' || code === 'CARD_FOUND')
    t.equal(isSuccessStatus(sw3), s.ok)
  }
  const unknown = describeStatus(0x42)
  t.equal(unknown.code, 'UNKNOWN')
  t.equal(unknown.ok, false)
  t.match(unknown.zh, /0x42/)
})
