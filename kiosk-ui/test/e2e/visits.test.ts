import t from 'tap'
import { allowAnswer } from '../../../hall-server/test/harness/browser-hall.js'
import { CARDS } from '../support/fake-agent.js'
import {
  byTestId,
  type KioskHall,
  kioskHall,
  openKiosk,
  tap,
  until,
  waitForScreen,
} from '../support/kiosk.js'

/** Appointment check-in, service guides with printing, and case progress, in Chromium. */

let k: KioskHall
let today: string
t.before(async () => {
  k = await kioskHall('kiosk-ui')
  today = k.h.server.hall.service.state.businessDate
})
t.teardown(() => k.close())

t.test('appointment check-in by scanning the code: appointment priority', async (t) => {
  const clerk = await k.clerk()
  const booked = await clerk('createAppointment', {
    body: { date: today, slot: '09:00-09:30', queueId: 'public', name: '李小四' },
  })
  // The second scan of the same code is refused on purpose (409, 已经取过号).
  const page = await openKiosk(k, { allow: [allowAnswer(409, '/api/appointments/check-in')] })
  t.teardown(() => page.context().close())
  await tap(page, 'check-in')
  await waitForScreen(page, 'checkIn')
  await k.h.screenshot(page, 'check-in')
  await k.agent.scan(`HALLAPPT:${booked.code}`)
  await waitForScreen(page, 'ticket')
  t.match(await byTestId(page, 'ticket').textContent(), '预约签到成功')
  t.equal(await byTestId(page, 'ticket-priority').textContent(), '预约优先')
  await k.h.screenshot(page, 'ticket-appointment')
  await tap(page, 'home')
  await k.agent.scan(booked.code)
  await byTestId(page, 'error').waitFor()
  t.equal(await byTestId(page, 'error').textContent(), '这个预约已经取过号了', 'a code checks in once')
})

t.test('appointment check-in by typing the code on the keyboard', async (t) => {
  const clerk = await k.clerk()
  const booked = await clerk('createAppointment', { body: { date: today, queueId: 'market', name: '周五' } })
  const page = await openKiosk(k)
  t.teardown(() => page.context().close())
  await tap(page, 'check-in')
  for (const key of booked.code) await page.click(`.key[data-key="${key}"]`)
  t.equal(await byTestId(page, 'code-box').textContent(), booked.code)
  await tap(page, 'check-in-code')
  await waitForScreen(page, 'ticket')
  t.match(await byTestId(page, 'ticket-code').textContent(), /^A\d{3}$/)
})

t.test('appointment check-in by swiping the ID card it was booked with', async (t) => {
  const clerk = await k.clerk()
  await clerk('createAppointment', {
    body: { date: today, queueId: 'relief', name: CARDS.younger.name, idNumber: CARDS.younger.idNumber },
  })
  // The second card has no appointment today: refused on purpose (404, 没有找到今天的预约).
  const page = await openKiosk(k, { allow: [allowAnswer(404, '/api/appointments/check-in')] })
  t.teardown(() => page.context().close())
  await k.agent.cardRead(CARDS.younger)
  await waitForScreen(page, 'card')
  await tap(page, 'card-check-in')
  await waitForScreen(page, 'ticket')
  t.equal(await byTestId(page, 'ticket-priority').textContent(), '预约优先')
  t.match(await byTestId(page, 'ticket-queue').textContent(), '保障救助')
  await tap(page, 'home')
  await tap(page, 'check-in')
  await k.agent.cardRead(CARDS.elderly)
  await byTestId(page, 'error').waitFor()
  t.equal(await byTestId(page, 'error').textContent(), '没有找到今天的预约')
})

t.test('service guide: every element of §30, printed whole or as a material list', async (t) => {
  const page = await openKiosk(k)
  t.teardown(() => page.context().close())
  await tap(page, 'guides')
  await waitForScreen(page, 'guides')
  await byTestId(page, 'service-tile').first().waitFor()
  for (const key of 'SYFW') await page.click(`.key[data-key="${key}"]`)
  await page.locator('[data-testid="service-tile"]', { hasText: '生育服务证办理' }).click()
  await waitForScreen(page, 'guide')
  const text = await byTestId(page, 'guide').textContent()
  const elements = [
    '生育服务证办理',
    '事项类型',
    '设定依据',
    '实施主体',
    '受理条件',
    '法定办结时限',
    '承诺办结时限',
    '结果名称',
    '收费标准',
    '收费依据',
    '所需材料',
    '办理流程',
    '审查标准',
    '预约办理',
    '咨询方式',
    '监督投诉方式',
  ]
  for (const element of elements) t.match(text, element, `shows ${element}`)
  t.ok((await page.locator('[data-testid="materials"] li').count()) > 0, 'the materials are listed')
  await k.h.screenshot(page, 'guide')
  const jobs = k.agent.jobs.length
  await tap(page, 'print-guide')
  await page.locator('[data-testid="print-status"][data-status="printed"]').waitFor()
  await tap(page, 'print-materials')
  await until(() => k.agent.jobs.length >= jobs + 2)
  await page.locator('[data-testid="print-status"][data-status="printed"]').waitFor()
  const printed = k.agent.jobs.slice(jobs).map((j) => (j.kind === 'guide' ? j.data.materialsOnly : null))
  t.same(printed, [false, true], 'the whole guide, then only its materials')
  await tap(page, 'guide-take-number')
  await waitForScreen(page, 'confirm')
  t.match(await byTestId(page, 'confirm').textContent(), '生育服务证办理')
})

t.test('time limits in the unit the guide gives: 信访 counts 60日, the promise working days', async (t) => {
  const page = await openKiosk(k)
  t.teardown(() => page.context().close())
  await tap(page, 'guides')
  await waitForScreen(page, 'guides')
  await byTestId(page, 'service-tile').first().waitFor()
  for (const key of 'QZLXLF') await page.click(`.key[data-key="${key}"]`)
  await page.locator('[data-testid="service-tile"]', { hasText: '群众来信来访' }).click()
  await waitForScreen(page, 'guide')
  const text = (await byTestId(page, 'guide').textContent()) ?? ''
  t.match(text, /法定办结时限\s*60日/)
  t.match(text, /承诺办结时限\s*30个工作日/)
})

t.test('case progress by receipt QR and by ID card, in plain words', async (t) => {
  const clerk = await k.clerk()
  const kiosk = k.api(k.h.tokens['kiosk-1'] as string)
  await kiosk('issueTicket', { body: { queueId: 'market', print: false } })
  await clerk('callNext', { params: { windowId: '1' } })
  const [item] = await clerk('searchServices', { query: { q: '生育服务证' } })
  const serviceItemId = item?.id as string
  const hold = () => k.h.server.hall.applicants.hold(CARDS.younger, 'counter-1', today, 70).readId
  const supplement = await clerk('startCase', { params: { windowId: '1' }, body: { cardReadId: hold() } })
  await clerk('finishCase', {
    params: { caseId: supplement.id },
    body: {
      serviceItemId,
      caseType: 'promised',
      outcome: 'supplement',
      missingMaterials: [{ name: '经营场所使用证明', note: '租赁合同或房产证复印件' }],
      continueService: true,
      print: false,
    },
  })
  const refused = await clerk('startCase', { params: { windowId: '1' }, body: { cardReadId: hold() } })
  await clerk('finishCase', {
    params: { caseId: refused.id },
    body: {
      serviceItemId,
      caseType: 'promised',
      outcome: 'rejected',
      refusalReason: '申请事项不属于本中心受理范围',
      continueService: true,
      print: false,
    },
  })
  const accepted = await clerk('startCase', { params: { windowId: '1' }, body: { cardReadId: hold() } })
  const done = await clerk('finishCase', {
    params: { caseId: accepted.id },
    body: { serviceItemId, caseType: 'promised', outcome: 'accepted', promiseDays: 5, print: false },
  })

  const page = await openKiosk(k)
  t.teardown(() => page.context().close())
  await tap(page, 'progress')
  await waitForScreen(page, 'progress')
  await k.h.screenshot(page, 'progress-start')
  await k.agent.scan(`HALLCASE:${accepted.id}`)
  await byTestId(page, 'case').first().waitFor()
  t.equal(await byTestId(page, 'case').count(), 1)
  const one = await byTestId(page, 'case').textContent()
  t.match(one, '已受理')
  t.match(one, done.case.receiptNo as string)
  t.match(one, /承诺在 \d{4}年\d{1,2}月\d{1,2}日 前办结/)

  await tap(page, 'home')
  await tap(page, 'progress')
  for (const key of done.case.receiptNo as string) await page.click(`.key[data-key="${key}"]`)
  await tap(page, 'lookup-receipt')
  await byTestId(page, 'case').first().waitFor()
  t.equal(await byTestId(page, 'case').count(), 1, 'the receipt number typed on the keyboard')

  await tap(page, 'home')
  await tap(page, 'progress')
  await k.agent.cardRead(CARDS.younger)
  await page.locator('[data-testid="case"]').nth(2).waitFor()
  const outcomes = await byTestId(page, 'case').evaluateAll((els) => els.map((e) => e.dataset['outcome']))
  t.same([...outcomes].sort(), ['accepted', 'rejected', 'supplement'])
  const all = await byTestId(page, 'cases').textContent()
  t.match(all, '需要补齐材料')
  t.match(all, '经营场所使用证明')
  t.match(all, '不予受理')
  t.match(all, '申请事项不属于本中心受理范围')
  await k.h.screenshot(page, 'progress-card')
})
