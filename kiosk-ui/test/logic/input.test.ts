import t from 'tap'
import {
  DEFAULT_TECH_PIN,
  parseBootParams,
  settleCredentials,
  TOKEN_KEY,
} from '../../src/logic/boot-params.js'
import { classifyScan, isAppointmentCode, isReceiptNo } from '../../src/logic/scan-codes.js'
import { applySearchKey, createLatest, MAX_QUERY } from '../../src/logic/search-input.js'

t.test('search input from the on-screen keyboard', async (t) => {
  let q = ''
  for (const char of 'HK') q = applySearchKey(q, { kind: 'char', char })
  t.equal(q, 'hk', 'letters are pinyin initials, lower case')
  t.equal(applySearchKey(q, { kind: 'back' }), 'h')
  t.equal(applySearchKey(q, { kind: 'clear' }), '')
  t.equal(applySearchKey(q, { kind: 'char', char: '3' }), 'hk3', 'digits for 序号')
  t.equal(applySearchKey(q, { kind: 'char', char: '%' }), 'hk', 'anything else is ignored')
  const phrase = applySearchKey(q, { kind: 'phrase', text: '低保' })
  t.equal(phrase, '低保', 'a phrase chip replaces the query')
  t.equal(applySearchKey(phrase, { kind: 'back' }), '低', 'delete removes one Chinese character')
  t.equal(applySearchKey(phrase, { kind: 'char', char: 'D' }), 'd', 'a letter after Chinese starts over')
  let long = ''
  for (let i = 0; i < 30; i++) long = applySearchKey(long, { kind: 'char', char: 'a' })
  t.equal(long.length, MAX_QUERY)
})

t.test('only the latest search answer counts', async (t) => {
  const latest = createLatest()
  const first = latest.next()
  const second = latest.next()
  t.notOk(latest.isLatest(first))
  t.ok(latest.isLatest(second))
})

t.test('scanned codes: tickets, receipts, appointments', async (t) => {
  t.same(classifyScan('HALLTICKET:2026-11-23-public-12\r\n'), {
    kind: 'ticket',
    ticketId: '2026-11-23-public-12',
  })
  t.same(classifyScan('HALLCASE:abc-1'), { kind: 'case', ref: 'HALLCASE:abc-1' })
  t.same(classifyScan('sl202611230001'), { kind: 'case', ref: 'SL202611230001' })
  t.same(classifyScan('HALLAPPT:k7p3x9qz'), { kind: 'appointment', code: 'K7P3X9QZ' })
  t.same(classifyScan('K7P3X9QZ'), { kind: 'appointment', code: 'K7P3X9QZ' })
  t.equal(classifyScan('K7P3X9Q0').kind, 'unknown', '0 is not in the appointment alphabet')
  t.equal(classifyScan('https://example.org').kind, 'unknown')
  t.ok(isAppointmentCode('k7p3x9qz'))
  t.notOk(isAppointmentCode('K7P3X9Q'))
  t.ok(isReceiptNo('SL202611230001'))
  t.notOk(isReceiptNo('SL2026'))
})

t.test('boot parameters: token and PIN are stored and removed from the address', async (t) => {
  const store = new Map<string, string>()
  const keys = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  }
  const first = parseBootParams('http://hall:8080/kiosk/?token=abc123&pin=97531&idle=5')
  t.equal(first.token, 'abc123')
  t.equal(first.pin, '97531')
  t.equal(first.idleMs, 5000)
  t.equal(first.cleanUrl, '/kiosk/?idle=5')
  t.same(settleCredentials(first, keys), { token: 'abc123', pin: '97531' })
  const later = parseBootParams('http://hall:8080/kiosk/')
  t.equal(later.cleanUrl, null, 'nothing to remove')
  t.same(settleCredentials(later, keys), { token: 'abc123', pin: '97531' }, 'remembered')
  store.clear()
  t.same(settleCredentials(later, keys), { token: null, pin: DEFAULT_TECH_PIN })
  t.equal(parseBootParams('http://h/kiosk/?pin=12').pin, null, 'a PIN has 4 to 12 digits')
  t.equal(parseBootParams('http://h/kiosk/?idle=abc').idleMs, null)
  t.equal(TOKEN_KEY, 'hall.kiosk.token')
})
