import t from 'tap'
import { issue, MONDAY_9AM, newEngine } from './fixture.js'

t.test('a ticket is issued, called, served as a case, rated', (t) => {
  const engine = newEngine()
  let now = MONDAY_9AM
  const issued = engine.execute(issue('market'), now)
  t.equal(issued.refusal, null)
  const ticket = Object.values(engine.state.tickets)[0]!
  t.equal(ticket.code, 'A001')
  t.equal(engine.execute({ type: 'callNext', windowId: '1' }, now).refusal?.code, 'WINDOW_NOT_OPEN')
  t.equal(engine.execute({ type: 'signIn', windowId: '1', staffNo: 'S01' }, now).refusal, null)
  now += 60_000
  const called = engine.execute({ type: 'callNext', windowId: '1' }, now)
  t.equal(called.refusal, null)
  const call = called.events.find((e) => e.type === 'ticket.called')
  t.equal(call?.type === 'ticket.called' && call.call.text, '请 A001 号到 1 号窗口办理')
  const started = engine.execute(
    { type: 'startCase', windowId: '1', serviceItem: null, applicant: null },
    now,
  )
  t.equal(started.refusal, null)
  const caseId = engine.state.windows['1']!.openCaseId!
  t.equal(caseId, 'BJ202611230001')
  t.equal(engine.execute({ type: 'callNext', windowId: '1' }, now).refusal?.code, 'CASE_OPEN')
  const incomplete = engine.execute(
    {
      type: 'finishCase',
      windowId: '1',
      caseId,
      serviceItem: { id: 's1', name: '个体工商户登记', promisedDays: null, promisedDayUnit: 'working' },
      caseType: 'immediate',
      outcome: 'supplement',
      missingMaterials: [],
      refusalReason: null,
      promiseDays: null,
      promiseDayUnit: null,
      supplementDays: null,
      applicant: null,
      note: null,
      continueService: false,
    },
    now,
  )
  t.equal(incomplete.refusal?.code, 'CASE_INCOMPLETE')
  const finished = engine.execute(
    {
      type: 'finishCase',
      windowId: '1',
      caseId,
      serviceItem: { id: 's1', name: '个体工商户登记', promisedDays: 3, promisedDayUnit: 'working' },
      caseType: 'promised',
      outcome: 'accepted',
      missingMaterials: [],
      refusalReason: null,
      promiseDays: null,
      promiseDayUnit: null,
      supplementDays: null,
      applicant: null,
      note: null,
      continueService: false,
    },
    now,
  )
  t.equal(finished.refusal, null)
  const done = engine.state.cases[caseId]!
  t.equal(done.receiptNo, 'SL202611230001')
  t.equal(done.promiseDeadline, '2026-11-26', 'three working days after Monday')
  t.equal(engine.state.tickets[ticket.id]!.status, 'done')
  t.equal(
    engine.execute(
      { type: 'rate', caseId, windowId: '2', level: 'satisfied', reasons: [], comment: null, channel: 'pad' },
      now,
    ).refusal?.code,
    'RATING_WRONG_WINDOW',
  )
  t.equal(
    engine.execute(
      {
        type: 'rate',
        caseId,
        windowId: '1',
        level: 'dissatisfied',
        reasons: [],
        comment: null,
        channel: 'pad',
      },
      now,
    ).refusal?.code,
    'RATING_REASON_REQUIRED',
  )
  const rated = engine.execute(
    {
      type: 'rate',
      caseId,
      windowId: '1',
      level: 'dissatisfied',
      reasons: ['slow'],
      comment: null,
      channel: 'pad',
    },
    now,
  )
  t.equal(rated.refusal, null)
  t.equal(Object.keys(engine.state.followUps).length, 1, 'a bad rating opens a follow-up')
  t.equal(
    engine.execute(
      { type: 'rate', caseId, windowId: '1', level: 'satisfied', reasons: [], comment: null, channel: 'pad' },
      now,
    ).refusal?.code,
    'CASE_NOT_FOUND',
    'one rating per case',
  )
  t.end()
})

t.test('an unrated case is recorded as 未评价 after the limit', (t) => {
  const engine = newEngine()
  const now = MONDAY_9AM
  engine.execute(issue('public'), now)
  engine.execute({ type: 'signIn', windowId: '2', staffNo: 'S02' }, now)
  engine.execute({ type: 'callNext', windowId: '2' }, now)
  engine.execute({ type: 'startCase', windowId: '2', serviceItem: null, applicant: null }, now)
  const caseId = engine.state.windows['2']!.openCaseId!
  engine.execute(
    {
      type: 'finishCase',
      windowId: '2',
      caseId,
      serviceItem: { id: 's2', name: '低保申请', promisedDays: null, promisedDayUnit: 'working' },
      caseType: 'immediate',
      outcome: 'rejected',
      missingMaterials: [],
      refusalReason: '不符合申请条件',
      promiseDays: null,
      promiseDayUnit: null,
      supplementDays: null,
      applicant: null,
      note: null,
      continueService: false,
    },
    now,
  )
  const caseEvents = (events: { type: string }[]) => events.filter((e) => e.type.startsWith('case.'))
  t.same(caseEvents(engine.execute({ type: 'tick' }, now + 60_000).events), [])
  const expired = engine.execute({ type: 'tick' }, now + 121_000)
  t.same(
    caseEvents(expired.events).map((e) => e.type),
    ['case.unrated'],
  )
  t.same(
    Object.keys(engine.state.alarms).sort(),
    ['window_unstaffed:1', 'window_unstaffed:3'],
    'windows nobody signed in to are reported as unstaffed, window 2 is not',
  )
  t.equal(engine.state.stats.ratings['unrated'], 1)
  t.end()
})

t.test('the day rolls over: numbers restart, yesterday is closed', (t) => {
  const engine = newEngine()
  engine.execute(issue('market'), MONDAY_9AM)
  engine.execute(issue('market'), MONDAY_9AM)
  const tuesday = MONDAY_9AM + 86_400_000
  const outcome = engine.execute(issue('market'), tuesday)
  t.equal(outcome.refusal, null)
  t.same(
    outcome.events.map((e) => e.type),
    ['ticket.expired', 'ticket.expired', 'day.opened', 'ticket.issued'],
  )
  t.equal(engine.state.businessDate, '2026-11-24')
  t.equal(Object.values(engine.state.tickets)[0]?.code, 'A001')
  t.end()
})

t.test('a promise counts days in the unit the guide gives: working days, or calendar days', (t) => {
  const engine = newEngine()
  engine.execute({ type: 'signIn', windowId: '1', staffNo: 'S01' }, MONDAY_9AM)
  const deadline = (
    promisedDayUnit: 'working' | 'natural' | 'day',
    clerk: { promiseDays: number | null; promiseDayUnit: 'working' | 'day' | null },
  ) => {
    engine.execute(issue('market'), MONDAY_9AM)
    engine.execute({ type: 'callNext', windowId: '1' }, MONDAY_9AM)
    engine.execute({ type: 'startCase', windowId: '1', serviceItem: null, applicant: null }, MONDAY_9AM)
    const caseId = engine.state.windows['1']!.openCaseId!
    const finished = engine.execute(
      {
        type: 'finishCase',
        windowId: '1',
        caseId,
        serviceItem: { id: 's1', name: '信访事项受理', promisedDays: 10, promisedDayUnit },
        caseType: 'promised',
        outcome: 'accepted',
        missingMaterials: [],
        refusalReason: null,
        ...clerk,
        supplementDays: null,
        applicant: null,
        note: null,
        continueService: false,
      },
      MONDAY_9AM,
    )
    t.equal(finished.refusal, null)
    return engine.state.cases[caseId]!.promiseDeadline
  }
  const fromGuide = { promiseDays: null, promiseDayUnit: null }
  t.equal(deadline('working', fromGuide), '2026-12-07', '10 working days from Monday 23 November')
  t.equal(deadline('natural', fromGuide), '2026-12-03', '10 calendar days')
  t.equal(deadline('day', fromGuide), '2026-12-03', 'plain 日 counts calendar days: the earlier date')
  t.equal(
    deadline('day', { promiseDays: 10, promiseDayUnit: null }),
    '2026-12-07',
    "the clerk's days are working days",
  )
  t.equal(deadline('working', { promiseDays: 10, promiseDayUnit: 'day' }), '2026-12-03', 'unless given as 日')
  t.end()
})

t.test('skip after N recalls: a number recalled the most times and never come is passed over', (t) => {
  const engine = newEngine()
  engine.execute({ type: 'signIn', windowId: '1', staffNo: 'S01' }, MONDAY_9AM)
  for (let i = 0; i < 4; i++) engine.execute(issue('market'), MONDAY_9AM)
  const codeAt = () => engine.state.tickets[engine.state.windows['1']!.currentTicketId!]!.code
  const byCode = (code: string) => Object.values(engine.state.tickets).find((x) => x.code === code)!
  const recall = () => engine.execute({ type: 'recall', windowId: '1' }, MONDAY_9AM)
  const next = () => engine.execute({ type: 'callNext', windowId: '1' }, MONDAY_9AM)

  next()
  t.equal(codeAt(), 'A001')
  t.equal(recall().refusal, null)
  t.equal(recall().refusal, null)
  t.equal(recall().refusal?.code, 'RECALL_LIMIT', 'no third recall (maxRecalls 2)')
  const passing = next()
  t.ok(
    passing.events.some((e) => e.type === 'ticket.skipped'),
    'the next call passes A001 over',
  )
  t.equal(byCode('A001').status, 'no_show')
  t.equal(engine.state.stats.noShow, 1)

  t.equal(recall().refusal, null)
  next()
  t.equal(byCode('A002').status, 'done', 'recalled fewer times than the limit: served, as before')

  recall()
  recall()
  t.equal(engine.execute({ type: 'complete', windowId: '1' }, MONDAY_9AM).refusal, null)
  t.equal(byCode('A003').status, 'done', "结束服务 is the clerk's word that the citizen was served")
  t.end()
})

t.test("a printer's alarms say what its agent's verdict says", (t) => {
  const engine = newEngine()
  // Out of paper the printer also reports itself offline (ESC/POS): the raw fields say offline, the
  // verdict names the cause, and the wall's alarm must be the verdict's 缺纸 alone, not a second 脱机.
  const report = (condition: {
    status: 'ok' | 'warning' | 'fault' | 'offline'
    reason: string
    flags: string[]
  }) =>
    engine.execute(
      {
        type: 'deviceStatus',
        deviceId: 'kiosk-1',
        online: true,
        attached: [
          {
            name: 'printer',
            kind: 'printer',
            connected: true,
            lastError: null,
            printer: { online: false, paper: 'out', coverOpen: false, error: null },
            condition,
          },
        ],
      },
      MONDAY_9AM,
    )
  const active = () =>
    Object.values(engine.state.alarms)
      .filter((a) => a.active && a.subject.startsWith('kiosk-1'))
      .map((a) => `${a.kind} ${a.message}`)
      .sort()
  report({ status: 'fault', reason: '缺纸', flags: ['offline', 'paper_out'] })
  t.same(active(), ['printer_paper_out kiosk-1/printer 缺纸'])
  report({ status: 'fault', reason: '盖板打开、缺纸', flags: ['cover_open', 'paper_out'] })
  t.same(active(), ['printer_cover_open kiosk-1/printer 盖板打开', 'printer_paper_out kiosk-1/printer 缺纸'])
  report({ status: 'fault', reason: '脱机', flags: ['offline'] })
  t.same(
    active(),
    ['printer_error kiosk-1/printer 脱机'],
    'a fault with no named problem is printer_error with its reason',
  )
  report({ status: 'ok', reason: '正常', flags: [] })
  t.same(active(), [], 'an ok verdict clears them whatever the raw fields say')
  t.end()
})
