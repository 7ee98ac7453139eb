import { ApiCallError, type ApiClient, type CardReadView, ERRORS } from '@hall/protocol'
import t from 'tap'
import { createHallStore } from '../../src/store/hall-store.js'
import { createKioskActions } from '../../src/store/kiosk-actions.js'
import { createPrefsStore } from '../../src/store/prefs-store.js'
import { createSessionStore } from '../../src/store/session-store.js'
import { issued, snapshot } from './fixtures.js'

type Handler = (input: unknown) => Promise<unknown>

function setup(handlers: Record<string, Handler>) {
  const calls: { op: string; input: unknown }[] = []
  const api = (async (op: string, input?: unknown) => {
    calls.push({ op, input })
    const handler = handlers[op]
    if (!handler) throw new Error(`unexpected ${op}`)
    return handler(input)
  }) as unknown as ApiClient
  const hall = createHallStore()
  hall.setSnapshot(snapshot(1))
  const session = createSessionStore(() => 1000)
  const prompts: string[] = []
  const later: (() => void)[] = []
  const actions = createKioskActions({
    api,
    hall,
    session,
    prompt: (key) => prompts.push(key),
    schedule: (fn) => void later.push(fn),
  })
  return { api, hall, session, actions, calls, prompts, later }
}

const card = (elderly: boolean): CardReadView => ({
  readId: 'read-1',
  cardType: 'resident',
  nameMasked: '王*兰',
  idMasked: '370***********0026',
  gender: '女',
  age: elderly ? 78 : 41,
  elderly,
  expiresAt: 5000,
})

t.test('a number is shown only from the server’s answer', async (t) => {
  const k = setup({
    issueTicket: async () => issued('B003', 'public', { jobId: 'j1', status: 'queued', message: null }),
  })
  k.actions.startTakeNumber()
  k.actions.chooseQueue('public')
  t.equal(k.session.screen.value, 'confirm')
  await k.actions.issue()
  t.same(k.calls[0], { op: 'issueTicket', input: { body: { queueId: 'public' } } }, 'no priority asked for')
  t.equal(k.session.screen.value, 'ticket')
  t.equal(k.session.issued.value?.issued.ticket.code, 'B003')
  t.equal(k.session.print.state.value.status, 'queued')
  for (const fn of k.later) fn()
  t.equal(k.session.print.state.value.status, 'late', 'no report in time')
  t.same(k.prompts, ['choose', 'confirm', 'printed'])
})

t.test('offline: a plain message and no ticket', async (t) => {
  const k = setup({
    issueTicket: async () => {
      throw new ApiCallError('OFFLINE', ERRORS.OFFLINE.message, 0)
    },
  })
  k.actions.chooseQueue('public')
  await k.actions.issue()
  t.equal(k.session.screen.value, 'confirm')
  t.equal(k.session.issued.value, null)
  t.equal(k.session.error.value, '暂时连不上大厅服务器，请稍候')
  t.equal(k.session.busy.value, false)
  t.ok(k.prompts.includes('offline'))
})

t.test('a card joins the ticket; an expired read is forgotten', async (t) => {
  const k = setup({
    issueTicket: async () => {
      throw new ApiCallError('CARD_READ_EXPIRED', ERRORS.CARD_READ_EXPIRED.message, 409)
    },
  })
  k.actions.cardRead(card(true))
  t.equal(k.session.screen.value, 'card', 'a swipe on the start screen greets and offers choices')
  k.actions.startTakeNumber()
  k.actions.chooseQueue('market')
  await k.actions.issue()
  t.same(k.calls[0]?.input, { body: { queueId: 'market', cardReadId: 'read-1' } })
  t.equal(k.session.card.value, null)
  t.equal(k.session.error.value, '身份证信息已失效，请重新刷卡')
})

t.test('scans route to check-in, progress and ticket status', async (t) => {
  const k = setup({
    checkInAppointment: async () => ({
      ...issued('B004', 'public', { jobId: null, status: 'failed', message: '打印机缺纸' }),
      appointment: { id: 'a1' },
    }),
    lookupCases: async () => [],
    getTicket: async () => ({
      ticket: issued('B001', 'public', { jobId: null, status: 'no_printer', message: null }).ticket,
    }),
  })
  k.actions.scan('HALLAPPT:K7P3X9QZ')
  await new Promise((r) => setTimeout(r, 0))
  t.same(k.calls[0], { op: 'checkInAppointment', input: { body: { code: 'K7P3X9QZ' } } })
  t.equal(k.session.screen.value, 'ticket')
  t.equal(k.session.print.state.value.status, 'failed')
  t.equal(k.prompts.at(-1), 'printFailed')
  k.actions.scan('HALLCASE:c1')
  await new Promise((r) => setTimeout(r, 0))
  t.equal(k.session.screen.value, 'progress', 'a new visit starts from the finished ticket')
  t.same(k.calls[1], { op: 'lookupCases', input: { query: { ref: 'HALLCASE:c1' } } })
  t.same(k.session.cases.value, [])
  k.actions.scan('nonsense')
  t.match(k.session.error.value, '无法识别')
  k.actions.scan('HALLTICKET:2026-11-23-public-1')
  await new Promise((r) => setTimeout(r, 0))
  t.equal(k.session.screen.value, 'ticketStatus')
})

t.test('a card on the check-in screen checks in; reset forgets everything', async (t) => {
  const k = setup({
    checkInAppointment: async () => {
      throw new ApiCallError('APPOINTMENT_NOT_FOUND', ERRORS.APPOINTMENT_NOT_FOUND.message, 404)
    },
  })
  k.actions.startCheckIn()
  k.actions.cardRead(card(false))
  await new Promise((r) => setTimeout(r, 0))
  t.same(k.calls[0]?.input, { body: { cardReadId: 'read-1' } })
  t.equal(k.session.error.value, '没有找到今天的预约')
  k.session.reset()
  t.equal(k.session.card.value, null)
  t.equal(k.session.screen.value, 'home')
  t.equal(k.session.error.value, null)
})

t.test('search shows only the latest answer; a guide result opens the guide', async (t) => {
  const answers: ((v: unknown) => void)[] = []
  const summary = {
    id: 's1',
    seq: 1,
    category: '计生服务',
    name: '生育服务证办理',
    itemType: '公共服务',
    queueId: 'public',
    initials: 'syfwzbl',
  }
  const k = setup({
    searchServices: () => new Promise((resolve) => answers.push(resolve)),
    getService: async () => ({ ...summary, materials: [] }),
  })
  k.actions.startGuides()
  const first = k.actions.search('s')
  const second = k.actions.search('sy')
  answers[2]?.([summary])
  answers[1]?.([])
  answers[0]?.([])
  await Promise.all([first, second])
  t.same(k.session.results.value, [summary], 'the later answer to an earlier query is dropped')
  k.actions.chooseService(summary)
  await new Promise((r) => setTimeout(r, 0))
  t.equal(k.session.screen.value, 'guide')
  k.actions.takeNumberForGuide()
  t.equal(k.session.screen.value, 'confirm')
  t.equal(k.session.choice.value?.service?.id, 's1')
})

t.test('care mode and voice are remembered', async (t) => {
  const store = new Map<string, string>()
  const keys = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  }
  const prefs = createPrefsStore(keys)
  t.equal(prefs.care.value, false)
  prefs.toggleCare()
  prefs.dispose()
  t.equal(createPrefsStore(keys).care.value, true)
})
