import { errorCode, errorText } from '@hall/client'
import { ApiCallError, type ApiClient, type PrintOutcomeEvent } from '@hall/protocol'
import { signal } from '@preact/signals'
import t from 'tap'
import { createConsoleStore } from '../src/store/console-store.js'

function setup(answer: (op: string) => unknown) {
  const calls: string[] = []
  const expired: string[] = []
  const outcomes = signal<PrintOutcomeEvent[]>([])
  let release: (() => void) | null = null
  const api = (async (op: string) => {
    calls.push(op)
    if (op === 'slow') await new Promise<void>((r) => (release = r))
    const value = answer(op)
    if (value instanceof Error) throw value
    return value
  }) as unknown as ApiClient
  const desk = createConsoleStore({
    api,
    windowId: () => '1',
    printOutcomes: outcomes,
    onUnauthorized: (m) => expired.push(m),
    errorText,
    errorCode,
    clock: () => 1,
  })
  return { desk, calls, expired, outcomes, release: () => release?.() }
}

const called = { ticket: { code: 'A001' }, call: { code: 'A001', recall: 0 } }

t.test('one action at a time: a double press does not call twice', async (t) => {
  const { desk, calls } = setup(() => called)
  const first = desk.callNext()
  const second = desk.callNext()
  t.equal(await second, false)
  t.equal(await first, true)
  t.same(calls, ['callNext'])
  t.same(desk.notice.value, { text: '已呼叫 A001', at: 1 })
})

t.test('a call that passed a number over says so', async (t) => {
  const { desk } = setup(() => ({ ...called, passedOver: { code: 'A000', recallCount: 2 } }))
  await desk.callNext()
  t.equal(desk.notice.value?.text, '已呼叫 A001；A000 重呼 2 次未到，已按过号处理')
})

t.test('a refusal shows the server’s Chinese message; an expired session goes to sign-in', async (t) => {
  const { desk, expired } = setup((op) =>
    op === 'recall'
      ? new ApiCallError('RECALL_LIMIT', '已达到重呼次数上限，请过号', 409)
      : new ApiCallError('UNAUTHORIZED', '设备未登记或登录已失效，请联系管理员', 401),
  )
  t.equal(await desk.recall(), false)
  t.equal(desk.error.value, '已达到重呼次数上限，请过号')
  t.equal(await desk.skip(), false)
  t.same(expired, ['登录已失效，请重新签到'])
})

t.test('refusal details are shown with the message', async (t) => {
  const { desk } = setup(
    () => new ApiCallError('CASE_INCOMPLETE', '办件信息不完整', 400, ['不予受理须说明理由']),
  )
  await desk.finishCase('BJ1', { serviceItemId: 'S', caseType: 'immediate', outcome: 'rejected' })
  t.equal(desk.error.value, '办件信息不完整（不予受理须说明理由）')
})

t.test('the print under way follows the agent’s outcome, even one that came first', async (t) => {
  const { desk, outcomes } = setup(() => ({
    case: { id: 'BJ1' },
    print: { jobId: 'job-1', status: 'queued', message: null },
  }))
  outcomes.value = [{ jobId: 'job-1', ok: false, message: '打印机缺纸' }]
  await desk.finishCase('BJ1', { serviceItemId: 'S', caseType: 'immediate', outcome: 'supplement' })
  t.match(desk.print.value, { paper: '一次性告知单', status: 'failed', message: '打印机缺纸' })
  outcomes.value = []
  t.match(desk.print.value, { status: 'queued' })
  outcomes.value = [{ jobId: 'job-1', ok: true, message: null }]
  t.match(desk.print.value, { status: 'printed' })
})

t.test('pause, transfer and call-a-number close their panel when done', async (t) => {
  const { desk, calls } = setup((op) => (op === 'transferTicket' ? { ticket: { code: 'A001' } } : called))
  desk.panel.value = 'transfer'
  await desk.transfer({ toQueueId: 'public' })
  t.equal(desk.panel.value, 'none')
  desk.panel.value = 'callTicket'
  await desk.callTicket(' a001 ')
  t.equal(desk.panel.value, 'none')
  t.same(calls, ['transferTicket', 'callTicket'])
})
