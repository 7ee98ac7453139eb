import { readFile } from 'node:fs/promises'
import { createApiClient } from '@hall/protocol'
import type { Page } from 'playwright-core'
import t from 'tap'
import { allowRefused, type BrowserHall, browserHall } from '../../hall-server/test/harness/browser-hall.js'
import { type FakeAgent, fakeAgent } from './support/agent.js'
import { ensureBuilt } from './support/build.js'
import { hook, press, tapDigits, textOf, waitHook, waitText } from './support/pages.js'

/**
 * A hall morning, end to end: a real hall server, the built screens in Chromium, tickets from the
 * kiosk API, a clerk at window 1, the display announcing, the window screen, a case printed through
 * the counter's agent, the pad rating it (one bad rating with reasons), the wall following up, and
 * the hall server killed with SIGKILL mid-morning and started again, every screen coming back.
 */

t.setTimeout(240_000)

let hall: BrowserHall
let agent: FakeAgent
const pages: Record<string, Page> = {}
const audioRequests: string[] = []
const pageErrors: string[] = []

const url = (page: string, device: string, extra = '') =>
  `/screens/${page}.html?token=${hall.tokens[device]}${extra}`

async function open(
  name: string,
  path: string,
  width: number,
  height: number,
  beforeLoad?: (page: Page) => void,
): Promise<Page> {
  const page = await hall.open(path, { width, height, ...(beforeLoad ? { beforeLoad } : {}) })
  page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`))
  pages[name] = page
  return page
}

t.before(async () => {
  ensureBuilt()
  hall = await browserHall('counter-display', { process: true })
  agent = fakeAgent(hall.url, hall.tokens['agent-counter-1'] as string)
  await agent.ready()
})

t.teardown(async () => {
  agent?.close()
  await hall?.close()
})

const kiosk = () => createApiClient({ baseUrl: hall.url, token: () => hall.tokens['kiosk-1'] as string })

t.test('without a token a screen shows only how to set it up', async (t) => {
  const page = await hall.open('/screens/display.html')
  await waitText(page, '.setup__lead', '此屏幕尚未设置')
  t.match(await textOf(page, '.setup'), /hallctl enroll/)
  t.equal(await page.locator('.hero').count(), 0, 'no hall data is shown')
  await hall.screenshot(page, 'setup-missing-token')
  const refused = await hall.open('/screens/pad.html?token=not-a-token')
  await waitText(refused, '.setup__lead', '登记令牌无效', 15_000)
  await hall.screenshot(refused, 'setup-refused-token')
  await page.context().close()
  await refused.context().close()
})

t.test('every screen opens with its device token, kept on the device and taken out of the URL', async (t) => {
  const display = await open('display', url('display', 'display-1'), 1920, 1080)
  display.on('request', (request) => {
    if (request.url().includes('/api/audio/call')) audioRequests.push(request.url())
  })
  await waitText(display, '.display__name', '演示镇便民服务中心')
  t.notMatch(display.url(), /token=/, 'the token left the address bar')
  t.ok(
    await display.evaluate(() => localStorage.getItem('hall.screens.display.token')),
    'the token is kept on the device',
  )
  await open('strip', url('display', 'display-1', '&layout=strip&sound=off'), 1280, 192)
  await open('window', url('window', 'window-screen-1'), 1280, 720)
  await open('counter', url('counter', 'counter-1'), 1280, 800)
  await open('pad', url('pad', 'pad-1'), 1280, 800)
  let trendAnswer: Promise<number> = Promise.resolve(0)
  await open('wall', url('wall', 'wall-1'), 1920, 1080, (page) => {
    trendAnswer = page
      .waitForResponse((response) => response.url().includes('/api/reports/waiting-trend'))
      .then((response) => response.status())
  })
  await waitText(pages['window'] as Page, '.win__state', '未开放')
  await waitText(pages['pad'] as Page, '.pad__closed', '未开放')
  await waitText(pages['counter'] as Page, '.sign-in__title', '工作人员签到')
  await waitText(pages['wall'] as Page, '.wall__header', '管理大屏')
  t.equal(await trendAnswer, 200, "the wall loads today's waiting trend from the server")
  await waitHook(pages['wall'] as Page, 'hall.trend().times.length >= 1')
  // The counter agent's printer, with the verdict its heartbeat carried (ok: counted, not listed).
  await waitText(pages['wall'] as Page, '.devices__item[data-status=ok]', '全部 1 台外设正常')
  await hall.screenshot(pages['window'] as Page, 'window-closed')
  await hall.screenshot(pages['counter'] as Page, 'counter-sign-in')
})

t.test('tickets from the kiosk; the clerk signs in with the keypad and calls the next one', async (t) => {
  const issued = []
  for (const queueId of ['market', 'market', 'general', 'public']) {
    issued.push((await kiosk()('issueTicket', { body: { queueId, print: false } })).ticket.code)
  }
  t.same(issued, ['A001', 'A002', 'D001', 'B001'])
  const counter = pages['counter'] as Page
  await tapDigits(counter, '1001')
  await counter.keyboard.press('Enter')
  await tapDigits(counter, '1001')
  await counter.keyboard.press('Enter')
  await waitText(counter, '.desk-header__staff', '张晓梅')
  await waitText(counter, '.waiting__table', 'D001')
  t.same(
    await counter
      .locator('.waiting__table tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code'))),
    ['A001', 'A002', 'D001'],
    'the waiting list holds what window 1 serves, in calling order',
  )
  await press(counter, 'F1')
  await waitText(counter, '.ticket-card__code', 'A001')
  await waitText(counter, '.flash__ok', '已呼叫 A001')
  await hall.screenshot(counter, 'counter-called')
})

t.test('the display shows the call, blinking, and announces it with the server audio', async (t) => {
  const display = pages['display'] as Page
  await waitText(display, '.hero.is-fresh .hero__code', 'A001')
  t.match(await textOf(display, '.hero__text'), '请 A001 号到 1 号窗口办理')
  await waitHook(
    display,
    "hall.audio.started >= 1 && hall.announcements().some(a => a.code === 'A001' && a.startedAt)",
  )
  t.ok(
    audioRequests.some((u) => u.includes('code=A001') && u.includes('window=1')),
    'the display fetched the call audio',
  )
  await hall.screenshot(display, 'display-tv-call')
  await waitHook(
    display,
    "hall.announcements().some(a => a.code === 'A001' && a.state === 'done' && a.plays === 2)",
    30_000,
  )
  t.pass('played announceRepeat (2) times, to the end')
  const strip = pages['strip'] as Page
  await waitText(strip, '.strip__hero', 'A001')
  await hall.screenshot(strip, 'display-strip')
  const window = pages['window'] as Page
  await waitText(window, '.win__code', 'A001')
  t.match(await textOf(window, '.staff-badge'), /张晓梅.*1001/)
  await hall.screenshot(window, 'window-calling')
})

t.test('a recall is shown and announced again', async (t) => {
  const counter = pages['counter'] as Page
  const display = pages['display'] as Page
  await press(counter, 'F2')
  await waitText(display, '.hero__recall', '第1次重呼')
  await waitHook(display, "hall.announcements().filter(a => a.code === 'A001').length === 2")
  t.equal(
    await hook<number>(
      display,
      "hall.announcements().filter(a => a.code === 'A001' && a.recall === 1).length",
    ),
    1,
  )
})

async function finishCase(counter: Page, outcome: 'accepted' | 'supplement', search: string) {
  await press(counter, 'F4')
  await counter.locator('#service-query').waitFor()
  await counter.locator('#service-query').fill(search)
  await counter.locator('.picker__result').first().click()
  await counter.locator('.picker__chosen').waitFor()
  await counter.locator(`input[name=outcome][value=${outcome}]`).check()
}

t.test('the clerk finishes a case; the 受理凭证 prints through the counter agent', async (t) => {
  const counter = pages['counter'] as Page
  await finishCase(counter, 'accepted', 'dszn')
  await hall.screenshot(counter, 'counter-case-form')
  await press(counter, 'F8')
  await waitText(counter, '.flash__print', '受理凭证已打印')
  const job = agent.jobs.at(-1)
  t.equal(job?.kind, 'receipt', 'the agent got the receipt')
  t.match(job?.data, { staffNo: '1001', windowName: '1号窗口' })
  await hall.screenshot(counter, 'counter-printed')
})

t.test('the pad asks for a rating, then thanks', async (t) => {
  const pad = pages['pad'] as Page
  await waitText(pad, '.rate__title', '请您对本次服务进行评价')
  await hall.screenshot(pad, 'pad-levels')
  await pad.locator('[data-level=very_satisfied]').click()
  await waitText(pad, '.pad__thanks-big', '感谢您的评价')
  await waitText(pad, '[data-screen=card] .staff-badge__name', '张晓梅', 15_000)
  await hall.screenshot(pad, 'pad-staff-card')
  t.pass()
})

t.test('the 承诺件 result is handed out: found by its receipt number and marked done', async (t) => {
  const counter = pages['counter'] as Page
  await counter.locator('[data-tab=pending]').click()
  await waitText(counter, '.pending-cases', '本窗口')
  const receipt = await textOf(counter, '.pending-cases tbody tr td')
  t.match(receipt, /^SL\d+$/)
  await counter.locator('input[name=pendingQuery]').fill(receipt.slice(-4))
  await hall.screenshot(counter, 'counter-pending')
  await counter.locator(`.pending-cases tr:has-text("${receipt}") [data-action=complete-case]`).click()
  await waitText(counter, '.pending-cases', '没有找到这个办件')
  await counter.locator('input[name=pendingQuery]').fill('')
  await waitText(counter, '.pending-cases', '没有待办结的承诺件')
  await counter.locator('[data-tab=waiting]').click()
  await counter.locator('.waiting__head h2', { hasText: '等候号码' }).waitFor()
})

t.test('a second case needs materials: the 一次性告知单; a bad rating needs reasons', async (t) => {
  const counter = pages['counter'] as Page
  await press(counter, 'F1')
  await waitText(counter, '.ticket-card__code', 'A002')
  await finishCase(counter, 'supplement', '健康证明')
  const boxes = counter.locator('.materials__list input[type=checkbox]')
  t.ok((await boxes.count()) >= 1, 'the guide lists its materials')
  await boxes.first().check()
  await counter.locator('input[name=extraMaterial]').fill('村委会证明')
  await counter.locator('input[name=extraMaterial]').press('Enter')
  await hall.screenshot(counter, 'counter-supplement')
  await press(counter, 'F8')
  await waitText(counter, '.flash__print', '一次性告知单已打印')
  const notice = agent.jobs.at(-1)
  t.equal(notice?.kind, 'notice')
  t.ok(
    notice?.kind === 'notice' && notice.data.missingMaterials.some((m) => m.name === '村委会证明'),
    'free entries are on the notice',
  )
  const pad = pages['pad'] as Page
  await waitText(pad, '.rate__title', '请您对本次服务进行评价')
  await pad.locator('[data-level=dissatisfied]').click()
  await waitText(pad, '.rate__title', '不满意')
  t.ok(await pad.locator('[data-action=submit]').isDisabled(), 'no submit without a reason')
  await pad.locator('[data-reason=wait]').click()
  await pad.locator('[data-reason=unclear]').click()
  await hall.screenshot(pad, 'pad-reasons')
  await pad.locator('[data-action=submit]').click()
  await waitText(pad, '.pad__thanks', '7 日内核实整改')
  await hall.screenshot(pad, 'pad-thanks')
})

t.test('the wall shows satisfaction and the follow-up; a manager verifies and closes it', async (t) => {
  const wall = pages['wall'] as Page
  await waitText(wall, '[data-share]', '50%')
  t.equal(await textOf(wall, '[data-level=dissatisfied] .satisfaction__count'), '1')
  await waitText(wall, '.follow-up', '排队等候太久')
  t.match(await textOf(wall, '[data-follow-up] .follow-up__due'), /还剩[67]天/, 'due in 7 days')
  await hall.screenshot(wall, 'wall-follow-up')
  await wall.locator('[data-action=manager-sign-in]').click()
  await tapDigits(wall, '9001')
  await wall.keyboard.press('Enter')
  await tapDigits(wall, '9001')
  await wall.keyboard.press('Enter')
  await waitText(wall, '.wall__manager', '陈主任')
  const download = wall.waitForEvent('download')
  await wall.locator('[data-action=export-this]').click()
  const ledger = await download
  t.match(ledger.suggestedFilename(), /^办件台账-\d{4}-\d{2}-01至\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = await readFile((await ledger.path()) as string, 'utf8')
  t.match(csv, /^\uFEFF办件编号,/)
  t.match(csv, /张晓梅.*不满意,排队等候太久/, "the morning's bad rating is in the ledger")
  await waitText(wall, '.wall__ledger', '已下载')
  await wall.locator('.follow-up input[name=finding]').fill('经核实，当日上午取号集中，等候约40分钟。')
  await wall.locator('[data-action=verify-founded]').click()
  await waitText(wall, '.follow-up', '已核实，待整改')
  await hall.screenshot(wall, 'wall-manager')
  await wall.locator('.follow-up input[name=resolution]').fill('高峰时段增开综合窗口，已电话回访致歉。')
  await wall.locator('[data-action=close]').click()
  await waitText(wall, '.card', '暂无待整改的差评')
})

t.test('a 承诺件 waits on the wall with its deadline until the manager marks it done', async (t) => {
  const wall = pages['wall'] as Page
  let token = hall.tokens['counter-2'] as string
  const window2 = createApiClient({ baseUrl: hall.url, token: () => token })
  token = (await window2('signIn', { body: { staffNo: '1002', pin: '1002' } })).token
  const [item] = await window2('searchServices', { query: { q: '低保' } })
  const opened = await window2('startCase', { params: { windowId: '2' }, body: {} })
  await window2('finishCase', {
    params: { caseId: opened.id },
    body: {
      serviceItemId: item?.id as string,
      caseType: 'promised',
      outcome: 'accepted',
      promiseDays: 5,
      print: false,
    },
  })
  await waitText(wall, `[data-case="${opened.id}"]`, '还剩')
  t.match(await textOf(wall, `[data-case="${opened.id}"]`), /2号窗口 · 李建国 工号 1002/)
  t.match(await textOf(wall, '[data-pending]'), /待办结 \d+ 件/)
  await hall.screenshot(wall, 'wall-pending')
  await wall.locator(`[data-case="${opened.id}"] [data-action=complete-case]`).click()
  await wall.locator(`[data-case="${opened.id}"]`).waitFor({ state: 'detached' })
  await window2('signOut')
})

t.test('pause with a reason shows 暂停服务 on the display and the window screen; resume', async (t) => {
  const counter = pages['counter'] as Page
  await press(counter, 'F9')
  await counter.locator('.panel .btn', { hasText: '午间休息' }).click()
  await waitText(pages['display'] as Page, '.paused', '午间休息')
  await waitText(pages['window'] as Page, '.win__state--paused', '午间休息')
  await waitText(counter, '.desk-header__reason', '午间休息')
  await hall.screenshot(pages['window'] as Page, 'window-paused')
  await hall.screenshot(pages['display'] as Page, 'display-tv-paused')
  await press(counter, 'F1')
  await waitText(counter, '.flash__error', '窗口暂停服务中')
  await press(counter, 'F10')
  await waitText(pages['window'] as Page, '.win__label', '欢迎办理')
  t.pass()
})

t.test('transfer to another queue, and call a specific number', async (t) => {
  await kiosk()('issueTicket', { body: { queueId: 'market', print: false } })
  const counter = pages['counter'] as Page
  await waitText(counter, '.waiting__table', 'A003')
  await press(counter, 'F1')
  await waitText(counter, '.ticket-card__code', 'D001')
  await press(counter, 'F5')
  await counter.locator('.panel .btn', { hasText: '公共服务' }).click()
  await waitText(counter, '.flash__ok', 'D001 已转移')
  t.equal(await counter.locator('.panel').count(), 0, 'the panel closed')
  await waitText(pages['wall'] as Page, '[data-queue=public] .strong', '2')
  await counter.locator('.ticket-card__code').waitFor({ state: 'detached' })
  await press(counter, 'F6')
  await counter.locator('.panel input[name=code]').fill('a003')
  await counter.keyboard.press('Enter')
  await waitText(pages['display'] as Page, '.hero__code', 'A003')
  // The clerk presses 过号 once the console shows the number (its state comes by socket).
  await waitText(counter, '.ticket-card__code', 'A003')
  await press(counter, 'F3')
  await waitText(counter, '.flash__ok', 'A003 已过号')
})

t.test(
  'the hall server is killed (SIGKILL) and started again: every screen shows the link is down, then the true state',
  async (t) => {
    const display = pages['display'] as Page
    // While the server is down on purpose, every screen's socket retries are refused, and so is the
    // display's fetch of the announcement it was about to play; once all are back they count again.
    await hall.allowing([allowRefused('/socket.io/'), allowRefused('/api/audio/call')], async () => {
      await hall.kill()
      await waitText(display, '.link-banner', '连接中断，正在重连')
      await hall.screenshot(display, 'display-reconnecting')
      await hall.restart()
      for (const name of ['display', 'window', 'counter', 'pad', 'wall']) {
        await (pages[name] as Page).locator('.link-banner').waitFor({ state: 'detached', timeout: 15_000 })
      }
    })
    await kiosk()('issueTicket', { body: { queueId: 'market', print: false } })
    await kiosk()('issueTicket', { body: { queueId: 'general', print: false } })
    const counter = pages['counter'] as Page
    await waitText(counter, '.waiting__table', 'D002', 15_000)
    await press(counter, 'F1')
    await waitText(display, '.hero__code', 'A004')
    await waitText(pages['window'] as Page, '.win__code', 'A004')
    await waitText(pages['strip'] as Page, '.strip__hero', 'A004')
    await waitText(pages['wall'] as Page, '[data-kpi=今日取号] .kpi__value', '7')
    // Announcements queue behind the ones still playing (each about 6 s, said twice).
    await waitHook(display, "hall.announcements().some(a => a.code === 'A004' && a.startedAt)", 60_000)
    for (const name of Object.keys(pages)) await hall.screenshot(pages[name] as Page, `after-restart-${name}`)
    t.same(pageErrors, [], 'no script errors on any screen')
    t.same(hall.problems(), [], 'no console error or failed answer on any screen (browser-hall)')
  },
)
