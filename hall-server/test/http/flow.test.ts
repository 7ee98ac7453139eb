import t from 'tap'
import { type Json, testHall } from '../helper.js'

t.test('a citizen takes a number, a clerk serves and records the case, the pad rates it', async (t) => {
  const h = await testHall()
  t.teardown(() => h.close())

  t.same((await h.call('health', null)).body, { status: 'ok' })
  t.equal((await h.call('listQueues', null)).status, 401, 'unenrolled clients get nothing but health')
  t.equal((await h.call('listQueues', 'not-a-token')).status, 401)

  const issued = await h.call('issueTicket', h.tokens['kiosk-1']!, {
    body: { queueId: 'market', print: false },
  })
  t.equal(issued.status, 201)
  t.equal(issued.body.ticket.code, 'A001')
  t.equal(issued.body.peopleAhead, 0)
  t.equal(issued.body.queueName, '市场准入')

  t.equal(
    (await h.call('issueTicket', h.tokens['kiosk-1']!, { body: { queueId: 'market', priority: 'military' } }))
      .body.code,
    'PRIORITY_NOT_ALLOWED',
    'a kiosk cannot hand out priority on request',
  )
  t.equal(
    (await h.call('callNext', h.tokens['kiosk-1']!, { params: { windowId: '1' } })).status,
    403,
    'a kiosk cannot call',
  )

  const bad = await h.call('issueTicket', h.tokens['kiosk-1']!, { body: { queueId: 'market', extra: 1 } })
  t.equal(bad.status, 400)
  t.equal(bad.body.code, 'VALIDATION')

  const wrongPin = await h.call('signIn', h.tokens['counter-1']!, { body: { staffNo: '1001', pin: '0000' } })
  t.equal(wrongPin.status, 401)
  t.equal(wrongPin.body.message, '工号或密码不正确')

  const clerk = await h.signIn('counter-1', '1001')
  t.equal(
    (await h.call('callNext', clerk, { params: { windowId: '2' } })).body.code,
    'FORBIDDEN',
    'only own window',
  )

  const called = await h.call('callNext', clerk, { params: { windowId: '1' } })
  t.equal(called.status, 200)
  t.equal(called.body.call.text, '请 A001 号到 1 号窗口办理')

  const services = await h.call('searchServices', clerk, { query: { q: '低保' } })
  t.ok(services.body.length > 0, 'the catalog is searchable')
  const item = services.body[0]

  const started = await h.call('startCase', clerk, {
    params: { windowId: '1' },
    body: { serviceItemId: item.id },
  })
  t.equal(started.status, 201)
  const finished = await h.call('finishCase', clerk, {
    params: { caseId: started.body.id },
    body: {
      serviceItemId: item.id,
      caseType: 'immediate',
      outcome: 'supplement',
      missingMaterials: [{ name: '户口簿原件', note: null }],
      print: false,
    },
  })
  t.equal(finished.status, 200, JSON.stringify(finished.body))
  t.equal(finished.body.case.outcome, 'supplement')

  t.equal(
    (
      await h.call('submitRating', h.tokens['pad-2']!, {
        params: { caseId: started.body.id },
        body: { level: 'satisfied' },
      })
    ).body.code,
    'RATING_WRONG_WINDOW',
  )
  const rated = await h.call('submitRating', h.tokens['pad-1']!, {
    params: { caseId: started.body.id },
    body: { level: 'very_dissatisfied', reasons: ['slow'] },
  })
  t.equal(rated.status, 201)
  const again = await h.call('submitRating', h.tokens['pad-1']!, {
    params: { caseId: started.body.id },
    body: { level: 'satisfied' },
  })
  t.equal(again.status, 404, 'one rating per case')

  const manager = await h.signIn('wall-1', '9001')
  const followUps = await h.call('listFollowUps', manager)
  t.equal(followUps.body.length, 1)
  const verified = await h.call('verifyFollowUp', manager, {
    params: { followUpId: followUps.body[0].id },
    body: { finding: '当天人多，窗口办理慢', reasonable: true },
  })
  t.equal(verified.body.status, 'verified')
  const closed = await h.call('closeFollowUp', manager, {
    params: { followUpId: followUps.body[0].id },
    body: { resolution: '增加高峰时段窗口，已电话回访' },
  })
  t.equal(closed.body.status, 'rectified')

  const audit = await h.call('listAudit', manager)
  t.ok(
    audit.body.some(
      (a: { action: string; outcome: string }) => a.action === 'signIn' && a.outcome === 'refused',
    ),
  )
  t.ok(audit.body.some((a: { actor: string }) => a.actor === 'staff:1001@counter-1'))

  const openapi = await h.app.inject({ url: '/openapi.json' })
  const ops = Object.values(JSON.parse(openapi.body).paths).flatMap((p: Json) =>
    Object.values(p).map((o: Json) => o.operationId),
  )
  for (const op of [
    'issueTicket',
    'callNext',
    'recall',
    'skipTicket',
    'transferTicket',
    'callTicket',
    'pauseWindow',
    'resumeWindow',
    'startCase',
    'finishCase',
    'submitRating',
    'listQueues',
    'getHallSnapshot',
  ]) {
    t.ok(ops.includes(op), `openapi has ${op}`)
  }
})

t.test(
  'a number recalled the most times is passed over by the next call, and the answer says so',
  async (t) => {
    const h = await testHall()
    t.teardown(() => h.close())
    const kiosk = h.tokens['kiosk-1']!
    for (let i = 0; i < 2; i++)
      await h.call('issueTicket', kiosk, { body: { queueId: 'market', print: false } })
    const clerk = await h.signIn('counter-1', '1001')
    const window = { params: { windowId: '1' } }
    t.equal((await h.call('callNext', clerk, window)).body.passedOver, undefined)
    t.equal((await h.call('recall', clerk, window)).body.call.recall, 1)
    t.equal((await h.call('recall', clerk, window)).body.call.recall, 2)
    const limit = await h.call('recall', clerk, window)
    t.equal(limit.body.code, 'RECALL_LIMIT')
    const next = await h.call('callNext', clerk, window)
    t.equal(next.body.call.code, 'A002')
    t.match(next.body.passedOver, { code: 'A001', status: 'no_show', recallCount: 2 })
  },
)

t.test('the waiting trend replays today from the log, for the wall and managers', async (t) => {
  const h = await testHall()
  t.teardown(() => h.close())
  const kiosk = h.tokens['kiosk-1']!
  for (const queueId of ['market', 'market', 'public']) {
    await h.call('issueTicket', kiosk, { body: { queueId, print: false } })
    h.clock.now += 4 * 60_000
  }
  const clerk = await h.signIn('counter-1', '1001')
  await h.call('callNext', clerk, { params: { windowId: '1' } })
  h.clock.now += 60_000
  t.equal((await h.call('getWaitingTrend', kiosk)).status, 403, 'not for a kiosk')
  const trend = await h.call('getWaitingTrend', h.tokens['wall-1']!)
  t.equal(trend.status, 200)
  t.equal(trend.body.stepMinutes, 5)
  t.equal(trend.body.times.at(-1), h.clock.now, 'the last sample is now')
  const counts = Object.fromEntries(
    trend.body.queues.map((q: { queueId: string; counts: number[] }) => [q.queueId, q.counts]),
  )
  t.same(counts.market, [1, 2, 2, 1], '09:00, 09:05, 09:10, and now after A001 was called')
  t.same(counts.public, [0, 0, 1, 1])
})

t.test('a manager exports the case ledger with ratings and follow-ups as CSV', async (t) => {
  const h = await testHall()
  t.teardown(() => h.close())
  const clerk = await h.signIn('counter-1', '1001')
  const item = (await h.call('searchServices', clerk, { query: { q: '低保' } })).body[0]
  const serve = async (body: Json, level: string | null) => {
    await h.call('issueTicket', h.tokens['kiosk-1']!, { body: { queueId: 'market', print: false } })
    await h.call('callNext', clerk, { params: { windowId: '1' } })
    const opened = await h.call('startCase', clerk, { params: { windowId: '1' }, body: {} })
    await h.call('finishCase', clerk, {
      params: { caseId: opened.body.id },
      body: { serviceItemId: item.id, print: false, ...body },
    })
    if (level) {
      await h.call('submitRating', h.tokens['pad-1']!, {
        params: { caseId: opened.body.id },
        body: {
          level,
          ...(level === 'dissatisfied' ? { reasons: ['wait', 'other'], comment: '人太多' } : {}),
        },
      })
    }
  }
  await serve({ caseType: 'immediate', outcome: 'accepted' }, 'very_satisfied')
  await serve(
    {
      caseType: 'promised',
      outcome: 'supplement',
      missingMaterials: [
        { name: '户口簿', note: '原件' },
        { name: '收入证明', note: null },
      ],
    },
    'dissatisfied',
  )
  // A reason typed like a spreadsheet formula must reach the ledger as text.
  await serve(
    { caseType: 'immediate', outcome: 'rejected', refusalReason: '@SUM(1+1)不属于本中心受理范围' },
    null,
  )

  const manager = await h.signIn('wall-1', '9001')
  const range = { query: { from: '2026-11-23', to: '2026-11-23' } }
  t.equal((await h.call('exportCases', clerk, range)).status, 403, 'managers only')
  const bad = await h.call('exportCases', manager, { query: { from: '2026-11-30', to: '2026-11-01' } })
  t.same([bad.status, bad.body.message], [400, '开始日期晚于结束日期'])

  const response = await h.app.inject({
    url: '/api/reports/cases.csv?from=2026-11-23&to=2026-11-23',
    headers: { authorization: `Bearer ${manager}` },
  })
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-type'], /^text\/csv; charset=utf-8/)
  t.equal(response.headers['cache-control'], 'no-store')
  const text = response.body
  t.ok(text.startsWith('\uFEFF办件编号,受理时间,窗口,工号,工作人员,号码,办理事项'), 'BOM and the header')
  const lines = text.trim().split('\r\n')
  t.equal(lines.length, 4, 'the header and three cases')
  t.match(lines[1], /,2026-11-23 09:00,1号窗口,1001,张晓梅,A001,.*,即办件,受理,SL\d+,/)
  t.match(lines[1], /,非常满意,,,评价器,,,$/)
  t.match(lines[2], /,承诺件,补齐补正,,,户口簿（原件）；收入证明,\d{4}-\d{2}-\d{2},/)
  t.match(lines[2], /,不满意,排队等候太久；其他,人太多,评价器,待核实,,$/)
  t.match(lines[3], /,不予受理,,,,,'@SUM\(1\+1\)不属于本中心受理范围,/, 'a formula-like cell as text')
  t.match(lines[3], /,待评价,,,,,,$/, 'not yet rated')

  h.clock.now += 30 * 60_000
  await h.hall.service.execute({ type: 'tick' }, { id: 'system' }, null)
  const later = await h.app.inject({
    url: '/api/reports/cases.csv?from=2026-11-23&to=2026-11-23',
    headers: { authorization: `Bearer ${manager}` },
  })
  t.equal(later.statusCode, 200, 'a rating that timed out does not break the export')
  t.match(later.body.trim().split('\r\n')[3], /,未评价,,,,,,$/, 'not rated in time: no level, no channel')
  const empty = await h.app.inject({
    url: '/api/reports/cases.csv?from=2026-10-01&to=2026-10-31',
    headers: { authorization: `Bearer ${manager}` },
  })
  t.equal(empty.body.trim().split('\r\n').length, 1, 'a month without cases: the header alone')
})
