import t from 'tap'
import { CARDS } from '../support/fake-agent.js'
import { byTestId, type KioskHall, kioskHall, openKiosk, tap, waitForScreen } from '../support/kiosk.js'

/**
 * Taking a number in Chromium against a real hall server: by category, by searching a service with
 * the on-screen keyboard, with an ID card (elderly priority), and with a printer that cannot print.
 */

let k: KioskHall
t.before(async () => {
  k = await kioskHall('kiosk-ui')
})
t.teardown(() => k.close())

t.test('the kiosk loads without a failed request or a console error', async (t) => {
  const page = await openKiosk(k)
  t.teardown(() => page.context().close())
  const problems: string[] = []
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`)
  })
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  // A second load with the listeners attached from its first request (the favicon included).
  await page.reload()
  await page.locator('.kiosk[data-link="online"]').waitFor({ timeout: 15_000 })
  await page.waitForLoadState('load')
  await page.waitForTimeout(500) // let the browser ask for what it asks for after load
  t.same(problems, [], 'no 4xx/5xx answer, no console error')
})

t.test('choose a category, confirm, get a printed ticket', async (t) => {
  const page = await openKiosk(k)
  t.teardown(() => page.context().close())
  t.equal(page.url().includes('token='), false, 'the token is removed from the address')
  t.ok(await page.evaluate(() => localStorage.getItem('hall.kiosk.token')), 'and kept in localStorage')
  await k.h.screenshot(page, 'home')
  await tap(page, 'take-number')
  await waitForScreen(page, 'categories')
  const tiles = await page
    .locator('[data-testid^="queue-"]')
    .evaluateAll((els) => els.map((e) => e.dataset['testid']))
  t.same(tiles, ['queue-market', 'queue-public', 'queue-relief', 'queue-general', 'queue-agri'], '4+X')
  await k.h.screenshot(page, 'categories')
  await tap(page, 'queue-public')
  await waitForScreen(page, 'confirm')
  t.match(await byTestId(page, 'confirm').textContent(), '公共服务')
  await k.h.screenshot(page, 'confirm')
  const jobs = k.agent.jobs.length
  await tap(page, 'confirm-issue')
  await waitForScreen(page, 'ticket')
  const code = await byTestId(page, 'ticket-code').textContent()
  t.match(code, /^B\d{3}$/)
  await page.locator('[data-testid="print-status"][data-status="printed"]').waitFor()
  t.equal(k.agent.jobs.length, jobs + 1, 'the server sent the ticket to the terminal’s printer')
  const job = k.agent.jobs.at(-1)
  t.equal(job?.kind === 'ticket' && job.data.code, code, 'the printed number is the one shown')
  t.equal(await byTestId(page, 'ticket-qr').count(), 0, 'no QR needed when the paper printed')
  const queues = await k.api(k.h.tokens['kiosk-1'] as string)('listQueues')
  t.equal(queues.find((q) => q.id === 'public')?.waiting, 1, 'the server holds the ticket')
  await k.h.screenshot(page, 'ticket-printed')
  await tap(page, 'home')
  await waitForScreen(page, 'home')
})

t.test('search a service by pinyin initials on the on-screen keyboard', async (t) => {
  const page = await openKiosk(k)
  t.teardown(() => page.context().close())
  await tap(page, 'take-number')
  await tap(page, 'find-service')
  await waitForScreen(page, 'search')
  for (const key of 'SYFW') await page.click(`.key[data-key="${key}"]`)
  t.equal(await byTestId(page, 'search-box').textContent(), 'syfw')
  const tile = page.locator('[data-testid="service-tile"]', { hasText: '生育服务证办理' })
  await tile.waitFor()
  await k.h.screenshot(page, 'search-pinyin')
  await page.click('.key[data-key="back"]')
  t.equal(await byTestId(page, 'search-box').textContent(), 'syf')
  await page.click('.chip:has-text("低保")')
  await page.locator('[data-testid="service-tile"]', { hasText: '低保' }).first().waitFor()
  t.equal(await byTestId(page, 'search-box').textContent(), '低保', 'a phrase chip searches Chinese text')
  await page.click('.key[data-key="clear"]')
  for (const key of 'SYFW') await page.click(`.key[data-key="${key}"]`)
  await tile.click()
  await waitForScreen(page, 'confirm')
  t.match(await byTestId(page, 'confirm').textContent(), '事项：生育服务证办理')
  await tap(page, 'confirm-issue')
  await waitForScreen(page, 'ticket')
  t.match(await byTestId(page, 'ticket-queue').textContent(), '公共服务', 'the service’s queue')
})

t.test('search in a landscape kiosk keeps results and keyboard side by side', async (t) => {
  const page = await openKiosk(k, { width: 1280, height: 800 })
  t.teardown(() => page.context().close())
  await tap(page, 'take-number')
  await tap(page, 'find-service')
  for (const key of 'CJ') await page.click(`.key[data-key="${key}"]`)
  await byTestId(page, 'service-tile').first().waitFor()
  const board = await byTestId(page, 'keyboard').boundingBox()
  const results = await byTestId(page, 'results').boundingBox()
  t.ok(board && results && board.x > results.x + results.width - 1, 'keyboard to the right of the results')
  t.ok(board && board.y + board.height <= 800, 'the keyboard fits on the screen')
  await k.h.screenshot(page, 'search-landscape')
})

t.test('swipe an elderly person’s ID card: greeting, 老年人优先, ticket linked to them', async (t) => {
  const page = await openKiosk(k)
  t.teardown(() => page.context().close())
  await k.agent.cardRead(CARDS.elderly)
  await waitForScreen(page, 'card')
  t.match(await byTestId(page, 'greeting').textContent(), '王*兰，您好')
  t.equal(await byTestId(page, 'elderly-badge').textContent(), '老年人优先')
  await k.h.screenshot(page, 'card-elderly')
  await tap(page, 'card-take-number')
  await tap(page, 'queue-relief')
  await waitForScreen(page, 'confirm')
  t.match(await byTestId(page, 'confirm').textContent(), '老年人优先')
  await tap(page, 'confirm-issue')
  await waitForScreen(page, 'ticket')
  t.equal(await byTestId(page, 'ticket-priority').textContent(), '老年人优先')
  t.match(await byTestId(page, 'ticket').textContent(), '王*兰', 'the ticket names its (masked) applicant')
  await k.h.screenshot(page, 'ticket-elderly')
  const job = k.agent.jobs.at(-1)
  t.equal(job?.kind === 'ticket' && job.data.priorityLabel, '老年人优先')
})

t.test('a younger person’s card gives no priority', async (t) => {
  const page = await openKiosk(k)
  t.teardown(() => page.context().close())
  await tap(page, 'take-number')
  await k.agent.cardRead(CARDS.younger)
  await byTestId(page, 'greeting').waitFor()
  t.equal(await byTestId(page, 'elderly-badge').count(), 0)
  await tap(page, 'queue-market')
  await tap(page, 'confirm-issue')
  await waitForScreen(page, 'ticket')
  t.equal(await byTestId(page, 'ticket-priority').count(), 0)
})

t.test('printer out of paper: the number stays large with its QR code', async (t) => {
  const page = await openKiosk(k)
  t.teardown(() => page.context().close())
  await k.agent.heartbeat('paper_out')
  t.teardown(() => k.agent.heartbeat('ok'))
  await byTestId(page, 'printer-note').waitFor()
  t.match(await byTestId(page, 'printer-note').textContent(), '打印机缺纸')
  const jobs = k.agent.jobs.length
  await tap(page, 'take-number')
  await tap(page, 'queue-general')
  await tap(page, 'confirm-issue')
  await waitForScreen(page, 'ticket')
  const code = await byTestId(page, 'ticket-code').textContent()
  t.match(code, /^D\d{3}$/, 'the ticket is issued all the same')
  await byTestId(page, 'ticket-qr').waitFor()
  // The encoder loads with the first code shown; the symbol is drawn once it is there.
  await page.locator('svg.qr[data-qr] path').waitFor()
  const qr = await page.locator('svg.qr').getAttribute('data-qr')
  t.match(qr, /^HALLTICKET:/, 'the QR carries the ticket')
  t.match(await byTestId(page, 'note-number').textContent(), `请记下您的号码 ${code}`)
  t.match(await byTestId(page, 'print-status').textContent(), '打印机缺纸')
  t.equal(k.agent.jobs.length, jobs, 'nothing was sent to a printer without paper')
  const size = await byTestId(page, 'ticket-code').evaluate((el) =>
    Number.parseFloat(getComputedStyle(el).fontSize),
  )
  t.ok(size >= 120, `the number is large (${size}px)`)
  const snapshot = await k.api(k.h.tokens['kiosk-1'] as string)('getHallSnapshot')
  t.ok(
    snapshot.alarms.some((a) => a.active && a.kind === 'printer_paper_out'),
    'the hall server raised the device alarm',
  )
  await k.h.screenshot(page, 'ticket-paper-out')
})

t.test('a print the agent reports as failed turns into the on-screen copy', async (t) => {
  const page = await openKiosk(k)
  t.teardown(() => page.context().close())
  k.agent.behaviour = 'fail'
  t.teardown(() => {
    k.agent.behaviour = 'print'
  })
  await tap(page, 'take-number')
  await tap(page, 'queue-market')
  await tap(page, 'confirm-issue')
  await waitForScreen(page, 'ticket')
  await page.locator('[data-testid="print-status"][data-status="failed"]').waitFor()
  await byTestId(page, 'ticket-qr').waitFor()
  t.match(await byTestId(page, 'note-number').textContent(), '请记下您的号码')
})
