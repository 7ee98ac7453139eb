import type { Ack } from '@hall/protocol'
import t from 'tap'
import { Outbox, type OutgoingEvent } from '../../src/agent/outbox.js'
import { memoryLogger } from '../../src/logger.js'
import { sleep, until } from '../devices/helpers.js'

const scan = (code: string): OutgoingEvent => ({ event: 'agent:scan', payload: { code } })
const card = (): OutgoingEvent => ({
  event: 'agent:cardRead',
  payload: {
    cardType: 'resident',
    name: '测试甲',
    idNumber: '11010119500315011X',
    gender: '男',
    birthDate: '1950-03-15',
  },
})
const result = (jobId: string): OutgoingEvent => ({
  event: 'agent:printResult',
  payload: { jobId, ok: false, code: 'PAPER_OUT', message: '打印机缺纸' },
})
const OK: Ack<null> = { ok: true, data: null }

function harness(answer: (item: OutgoingEvent) => Promise<Ack<null>> = async () => OK) {
  const clock = { now: 1_000_000 }
  const sent: string[] = []
  const dropped: string[] = []
  const logger = memoryLogger()
  const outbox = new Outbox({
    send: async (item) => {
      sent.push(item.event === 'agent:scan' ? item.payload.code : item.event)
      return answer(item)
    },
    clock: () => clock.now,
    retryDelayMs: 20,
    maxEntries: 4,
    logger,
    onDropped: (entry, code) => dropped.push(`${entry.item.event}:${code}`),
  })
  return { outbox, clock, sent, dropped, logger }
}

t.test('offline: kept in order, sent in order once online', async (t) => {
  const { outbox, sent } = harness()
  outbox.push(scan('a'))
  outbox.push(scan('b'))
  await sleep(10)
  t.same(sent, [], 'nothing goes out while offline')
  t.same(outbox.waiting, ['agent:scan', 'agent:scan'])
  outbox.setOnline(true)
  await outbox.idle()
  t.same(sent, ['a', 'b'])
  t.equal(outbox.size, 0)
})

t.test('no ack: the head stays and is sent again; a refusal drops it', async (t) => {
  let failures = 1
  const { outbox, sent, dropped } = harness(async (item) => {
    if (item.event === 'agent:scan' && item.payload.code === 'a' && failures-- > 0) throw new Error('timeout')
    if (item.event === 'agent:scan' && item.payload.code === 'bad')
      return { ok: false, code: 'VALIDATION', message: '提交的内容不完整或格式不正确' }
    return OK
  })
  outbox.setOnline(true)
  outbox.push(scan('a'))
  outbox.push(scan('bad'))
  outbox.push(scan('c'))
  await until(() => outbox.size === 0, 'drained')
  t.same(sent, ['a', 'a', 'bad', 'c'], 'a again after the missing ack, then the rest in order')
  t.same(dropped, ['agent:scan:VALIDATION'])
})

t.test('each event carries an id, the same on every resend, so the server acts on it once', async (t) => {
  const ids: (string | undefined)[] = []
  let failures = 2
  const { outbox } = harness(async (item) => {
    if (item.event !== 'agent:printResult') ids.push(item.payload.eventId)
    if (failures-- > 0) throw new Error('timeout')
    return OK
  })
  outbox.setOnline(true)
  outbox.push(scan('a'))
  outbox.push(card())
  outbox.push(result('job-1'))
  await until(() => outbox.size === 0, 'drained')
  t.equal(ids.length, 4, 'the scan three times, then the card')
  t.ok(ids[0] && ids[0] === ids[1] && ids[1] === ids[2], 'one id for the scan and its resends')
  t.ok(ids[3] && ids[3] !== ids[0], 'another for the card')
})

t.test('card reads older than two minutes are dropped on purpose', async (t) => {
  const { outbox, clock, sent, dropped, logger } = harness()
  outbox.push(card())
  outbox.push(scan('s'))
  clock.now += 121_000
  outbox.push(card())
  outbox.setOnline(true)
  await outbox.idle()
  t.same(sent, ['s', 'agent:cardRead'], 'the old read is gone, the new one goes out')
  t.same(dropped, ['agent:cardRead:CARD_READ_EXPIRED'])
  t.notOk(JSON.stringify(logger.entries).includes('测试甲'), 'the card never reaches a log')
})

t.test('full: the oldest non-print-result goes; print results are kept', async (t) => {
  const { outbox, dropped } = harness()
  outbox.push(result('j1'))
  outbox.push(scan('1'))
  outbox.push(result('j2'))
  outbox.push(scan('2'))
  outbox.push(scan('3'))
  t.same(outbox.waiting, ['agent:printResult', 'agent:printResult', 'agent:scan', 'agent:scan'])
  t.same(dropped, ['agent:scan:OUTBOX_FULL'])
  for (let i = 0; i < 4; i++) outbox.push(result(`k${i}`))
  t.equal(outbox.size, 6, 'print results are never dropped, even past the limit')
  t.same(outbox.close().length, 6)
})

t.test('transient server trouble is retried a few times', async (t) => {
  let calls = 0
  const { outbox, sent, dropped } = harness(async () =>
    ++calls < 3 ? { ok: false, code: 'STORAGE_FAILED', message: '数据保存失败，请稍后重试' } : OK,
  )
  outbox.setOnline(true)
  outbox.push(result('j1'))
  await until(() => outbox.size === 0, 'delivered')
  t.equal(sent.length, 3)
  t.same(dropped, [])
})
