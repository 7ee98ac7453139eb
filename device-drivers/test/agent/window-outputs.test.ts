import type { CaseView, HallSnapshot, TicketView, WindowView } from '@hall/protocol'
import t from 'tap'
import {
  caseRefFor,
  evaluatorTarget,
  fitLines,
  ratingPayload,
  windowScreenLines,
} from '../../src/agent/window-outputs.js'

const NOW = Date.parse('2026-11-23T10:00:00+08:00')

const window = (patch: Partial<WindowView> = {}): WindowView => ({
  id: '1',
  number: 1,
  name: '1号窗口',
  queueIds: ['market'],
  status: 'open',
  pauseReason: null,
  statusSince: NOW,
  staff: null,
  postA: null,
  postB: null,
  currentTicketId: null,
  openCaseId: null,
  priorityStreak: 0,
  ...patch,
})

const ticket = (patch: Partial<TicketView> = {}): TicketView => ({
  id: 't1',
  code: 'A012',
  number: 12,
  queueId: 'market',
  businessDate: '2026-11-23',
  priority: 'normal',
  status: 'called',
  source: 'kiosk',
  issuedAt: NOW - 60_000,
  calledAt: NOW,
  servingAt: null,
  finishedAt: null,
  windowId: '1',
  recallCount: 0,
  transferQueueId: null,
  transferWindowId: null,
  applicantName: null,
  appointmentId: null,
  serviceItemId: null,
  ...patch,
})

const aCase = (patch: Partial<CaseView> = {}): CaseView => ({
  id: 'BJ202611230001',
  ticketId: 't1',
  ticketCode: 'A012',
  windowId: '1',
  staffNo: '1001',
  status: 'finished',
  serviceItemId: null,
  serviceName: null,
  caseType: 'immediate',
  outcome: 'accepted',
  receiptNo: null,
  missingMaterials: [],
  refusalReason: null,
  promiseDays: null,
  promiseDeadline: null,
  supplementDeadline: null,
  applicantName: null,
  openedAt: NOW - 300_000,
  finishedAt: NOW - 1000,
  rating: null,
  ratingDeadline: NOW + 90_000,
  ...patch,
})

const state = (windows: WindowView[], tickets: TicketView[] = [], cases: CaseView[] = []) =>
  ({ windows, tickets, cases }) as unknown as HallSnapshot

t.test('the window screen: name, then the number, 暂停服务 when paused', async (t) => {
  t.same(windowScreenLines(state([window()]), '1'), ['1号窗口', '欢迎办理'])
  t.same(windowScreenLines(state([window({ currentTicketId: 't1' })], [ticket()]), '1'), [
    '1号窗口',
    '请 A012 号办理',
  ])
  t.same(
    windowScreenLines(state([window({ currentTicketId: 't1' })], [ticket({ status: 'serving' })]), '1'),
    ['1号窗口', '正在办理 A012 号'],
  )
  t.same(windowScreenLines(state([window({ status: 'paused', currentTicketId: 't1' })], [ticket()]), '1'), [
    '1号窗口',
    '暂停服务',
  ])
  t.same(windowScreenLines(state([window({ status: 'closed' })]), '1'), ['1号窗口', '未开放'])
  t.same(windowScreenLines(state([window()]), '9'), [], 'an unknown window shows nothing')
  t.same(fitLines(['1号窗口', '请 A012 号办理'], 1), ['1号窗口 请 A012 号办理'], 'a one-line strip')
  t.same(fitLines(['a', 'b'], 3), ['a', 'b'])
})

t.test('the evaluator: prompt for the latest finished, unrated case of this window', async (t) => {
  t.same(evaluatorTarget(state([window()]), '1', NOW), { mode: 'idle' })
  t.same(evaluatorTarget(state([window()], [], [aCase()]), '1', NOW), {
    mode: 'prompt',
    caseId: 'BJ202611230001',
    caseRef: 'A012',
    timeoutSec: 90,
  })
  const older = aCase({ id: 'OLD', ticketCode: 'A001', finishedAt: NOW - 50_000 })
  t.equal(evaluatorTarget(state([window()], [], [older, aCase()]), '1', NOW).mode, 'prompt')
  t.match(evaluatorTarget(state([window()], [], [older, aCase()]), '1', NOW), { caseId: 'BJ202611230001' })
  t.same(evaluatorTarget(state([window()], [], [aCase({ windowId: '2' })]), '1', NOW), { mode: 'idle' })
  t.same(evaluatorTarget(state([window()], [], [aCase({ status: 'open', finishedAt: null })]), '1', NOW), {
    mode: 'idle',
  })
  t.same(evaluatorTarget(state([window()], [], [aCase({ ratingDeadline: NOW - 1 })]), '1', NOW), {
    mode: 'idle',
  })
  t.equal(caseRefFor(aCase({ ticketCode: null, id: '案件-BJ2026112300000000000000000000001' })).length, 32)
  t.equal(caseRefFor(aCase({ ticketCode: '甲', id: 'C1' })), 'C1', 'ASCII only')
})

t.test('box buttons to the contract’s rating', async (t) => {
  t.same(ratingPayload(1, []), { level: 'very_satisfied' })
  t.same(ratingPayload(3, []), { level: 'basically_satisfied' })
  t.same(ratingPayload(4, [2, 6, 4]), { level: 'dissatisfied', reasons: ['attitude', 'repeated', 'slow'] })
  t.same(ratingPayload(5, [3, 8]), { level: 'very_dissatisfied', reasons: ['unskilled', 'other'] })
  t.same(
    ratingPayload(5, []),
    { level: 'very_dissatisfied', reasons: ['other'], comment: '评价器按键：未选择原因' },
    'a bad rating without a reason still counts',
  )
})
