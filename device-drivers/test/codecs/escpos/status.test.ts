import fc from 'fast-check'
import t from 'tap'
import {
  createStatusDecoder,
  decodeStatusByte,
  encodeStatusByte,
  isStatusByte,
  type RealtimeStatus,
  StatusErrorCode,
  type StatusKind,
  type StatusResult,
  statusProblems,
} from '../../../src/codecs/escpos/index.js'

const ok = (kind: StatusKind, byte: number): RealtimeStatus => {
  const r = decodeStatusByte(kind, byte)
  if (!r.ok) throw new Error(`expected a status for 0x${byte.toString(16)}`)
  return r.status
}

t.test('n=1 printer status, every bit', async (t) => {
  t.same(ok('printer', 0x12), {
    kind: 'printer',
    raw: 0x12,
    online: true,
    drawerPin3High: false,
    waitingForOnlineRecovery: false,
    feedButtonPressed: false,
  })
  t.match(ok('printer', 0x16), { drawerPin3High: true, online: true })
  t.match(ok('printer', 0x1a), { online: false, drawerPin3High: false })
  t.match(ok('printer', 0x32), { waitingForOnlineRecovery: true, online: true })
  t.match(ok('printer', 0x52), { feedButtonPressed: true, online: true })
  t.match(ok('printer', 0x7e), {
    online: false,
    drawerPin3High: true,
    waitingForOnlineRecovery: true,
    feedButtonPressed: true,
  })
})

t.test('n=2 offline cause, every bit', async (t) => {
  t.same(ok('offline', 0x12), {
    kind: 'offline',
    raw: 0x12,
    coverOpen: false,
    feedingByButton: false,
    stoppedByPaperEnd: false,
    errorOccurred: false,
  })
  t.match(ok('offline', 0x16), { coverOpen: true, feedingByButton: false })
  t.match(ok('offline', 0x1a), { feedingByButton: true, coverOpen: false })
  t.match(ok('offline', 0x32), { stoppedByPaperEnd: true, errorOccurred: false })
  t.match(ok('offline', 0x52), { errorOccurred: true, stoppedByPaperEnd: false })
})

t.test('n=3 error cause, every bit', async (t) => {
  t.same(ok('error', 0x12), {
    kind: 'error',
    raw: 0x12,
    mechanicalError: false,
    autocutterError: false,
    unrecoverableError: false,
    autoRecoverableError: false,
  })
  t.match(ok('error', 0x16), { mechanicalError: true, autocutterError: false })
  t.match(ok('error', 0x1a), { autocutterError: true, mechanicalError: false })
  t.match(ok('error', 0x32), { unrecoverableError: true })
  t.match(ok('error', 0x52), { autoRecoverableError: true, unrecoverableError: false })
})

t.test('n=4 paper sensor: 0x0C near end, 0x60 paper out', async (t) => {
  t.same(ok('paper', 0x12), { kind: 'paper', raw: 0x12, nearEnd: false, paperOut: false })
  t.match(ok('paper', 0x1e), { nearEnd: true, paperOut: false })
  t.match(ok('paper', 0x72), { nearEnd: false, paperOut: true })
  t.match(ok('paper', 0x7e), { nearEnd: true, paperOut: true })
  // Models with two sensors set only one bit of a pair.
  t.match(ok('paper', 0x16), { nearEnd: true })
  t.match(ok('paper', 0x1a), { nearEnd: true })
  t.match(ok('paper', 0x32), { paperOut: true })
  t.match(ok('paper', 0x52), { paperOut: true })
})

t.test('fixed bits: exactly the 16 bytes with bit1=1, bit4=1, bits 0 and 7 = 0 are accepted', async (t) => {
  const kinds: StatusKind[] = ['printer', 'offline', 'error', 'paper']
  const accepted: number[] = []
  const mismatches: string[] = []
  for (let b = 0; b < 256; b++) {
    const fits = (b & 0x01) === 0 && (b & 0x02) !== 0 && (b & 0x10) !== 0 && (b & 0x80) === 0
    if (isStatusByte(b) !== fits) mismatches.push(`isStatusByte 0x${b.toString(16)}`)
    for (const k of kinds) {
      const r = decodeStatusByte(k, b)
      if (r.ok !== fits) mismatches.push(`0x${b.toString(16)} as ${k}`)
      if (
        !r.ok &&
        (r.error.code !== StatusErrorCode.badStatusByte || r.error.byte !== b || r.error.kind !== k)
      ) {
        mismatches.push(`error value for 0x${b.toString(16)}`)
      }
    }
    if (fits) accepted.push(b)
  }
  t.same(mismatches, [])
  // Free bits are 2, 3, 5 and 6: 0x12 plus any combination of 0x04, 0x08, 0x20, 0x40.
  t.same(
    accepted,
    [0x12, 0x16, 0x1a, 0x1e, 0x32, 0x36, 0x3a, 0x3e, 0x52, 0x56, 0x5a, 0x5e, 0x72, 0x76, 0x7a, 0x7e],
  )
  for (const bad of [0x00, 0x13, 0x10, 0x02, 0x92, 0xff])
    t.notOk(decodeStatusByte('paper', bad).ok, `0x${bad.toString(16)}`)
  t.notOk(decodeStatusByte('paper', 256).ok, 'out of range')
})

t.test('encodeStatusByte is the inverse for printer, offline and error', async (t) => {
  const wrong: string[] = []
  for (let b = 0; b < 256; b++) {
    if (!isStatusByte(b)) continue
    for (const k of ['printer', 'offline', 'error'] as const)
      if (encodeStatusByte(ok(k, b)) !== b) wrong.push(`${k} ${b}`)
  }
  t.same(wrong, [])
  t.equal(encodeStatusByte({ kind: 'paper', raw: 0, nearEnd: true, paperOut: true }), 0x7e)
})

t.test('streaming decoder matches answers to requests in order', async (t) => {
  const d = createStatusDecoder()
  t.same(
    d.push(Uint8Array.from([0x12])).map((r) => r.ok),
    [false],
    'unsolicited',
  )
  t.equal(
    (d.push(Uint8Array.from([0x12]))[0] as Extract<StatusResult, { ok: false }>).error.code,
    StatusErrorCode.unsolicitedByte,
  )
  d.expect('printer')
  d.expect('paper')
  t.same(d.pending(), ['printer', 'paper'])
  const res = d.push(Uint8Array.from([0x00, 0x1a, 0xff, 0x72]))
  t.same(
    res.map((r) => (r.ok ? r.status.kind : r.error.code)),
    [StatusErrorCode.badStatusByte, 'printer', StatusErrorCode.badStatusByte, 'paper'],
    'junk is reported and skipped, answers keep their order',
  )
  t.match(res[1], { ok: true, status: { online: false } })
  t.match(res[3], { ok: true, status: { paperOut: true } })
  t.same(d.pending(), [])
  d.expect('error')
  d.reset()
  t.same(d.pending(), [])
})

t.test('problems for the clerk', async (t) => {
  t.same(statusProblems([ok('printer', 0x12), ok('paper', 0x12)]), [])
  const p = statusProblems([ok('paper', 0x1e), ok('offline', 0x16), ok('printer', 0x1a), ok('error', 0x1a)])
  t.same(
    p.map((x) => x.code),
    ['offline', 'cover_open', 'cutter_error', 'paper_near_end'],
  )
  t.equal(p[1]!.message, '打印机上盖未合上')
  t.equal(p[3]!.blocking, false)
  t.same(
    statusProblems([ok('paper', 0x7e)]).map((x) => x.code),
    ['paper_out'],
    'near end is not reported once paper is out',
  )
})

t.test('property: any bytes never throw; a valid answer after junk is found', async (t) => {
  const kind = fc.constantFrom<StatusKind>('printer', 'offline', 'error', 'paper')
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), kind, (bytes, k) => {
      const d = createStatusDecoder()
      d.expect(k)
      d.push(bytes)
      return true
    }),
  )
  const junk = fc.uint8Array({ maxLength: 32 }).map((a) => a.filter((b) => !isStatusByte(b)))
  const answer = fc.integer({ min: 0, max: 255 }).filter(isStatusByte)
  fc.assert(
    fc.property(junk, answer, kind, (j, a, k) => {
      const d = createStatusDecoder()
      d.expect(k)
      const all = [...d.push(j), ...d.push(Uint8Array.of(a))]
      const good = all.filter((r) => r.ok)
      return good.length === 1 && good[0]!.ok && good[0]!.status.raw === a && all.length === j.length + 1
    }),
  )
  t.pass('checked')
})
