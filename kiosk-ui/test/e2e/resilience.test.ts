import t from 'tap'
import { allowAnswer, allowRefused } from '../../../hall-server/test/harness/browser-hall.js'
import { CARDS } from '../support/fake-agent.js'
import { byTestId, type KioskHall, kioskHall, openKiosk, tap, waitForScreen } from '../support/kiosk.js'

/**
 * What a hall expects of an unattended kiosk: it survives a server restart by itself, forgets a
 * half-finished visit, remembers care mode, explains a missing token, stays locked down, and lets
 * the technician in with the key combination and PIN.
 */

let k: KioskHall
t.before(async () => {
  k = await kioskHall('kiosk-ui')
})
t.teardown(() => k.close())

t.test('server restart: the kiosk says it is offline, then recovers by itself', async (t) => {
  // The server is stopped on purpose a moment after the page loads: the screens it was still
  // preloading get 503 while it closes or are refused, as are its socket's reconnect attempts.
  // The visit must outlast the stop and the restart, which take longer than the kiosk's 60 s idle
  // timeout on a loaded machine (it then went home and the confirm button was gone): idle 10 min.
  const page = await openKiosk(k, {
    idleSeconds: 600,
    allow: [allowAnswer(503, '/kiosk/assets/'), allowRefused('/kiosk/assets/'), allowRefused('/socket.io/')],
  })
  t.teardown(() => page.context().close())
  await tap(page, 'take-number')
  await tap(page, 'queue-public')
  await waitForScreen(page, 'confirm')
  await k.h.server.close()
  await byTestId(page, 'offline').waitFor({ timeout: 15_000 })
  t.match(await byTestId(page, 'offline').textContent(), '暂时连不上大厅服务器')
  t.ok(await byTestId(page, 'confirm-issue').isDisabled(), 'no number can be asked for')
  await k.h.screenshot(page, 'offline')
  await k.h.restart()
  await page.locator('.kiosk[data-link="online"]').waitFor({ timeout: 20_000 })
  t.equal(await byTestId(page, 'offline').count(), 0, 'the banner goes away')
  await byTestId(page, 'confirm-issue').click()
  await waitForScreen(page, 'ticket')
  t.match(await byTestId(page, 'ticket-code').textContent(), /^B\d{3}$/, 'a ticket from the restarted server')
  const queues = await k.api(k.h.tokens['kiosk-1'] as string)('listQueues')
  t.ok((queues.find((q) => q.id === 'public')?.waiting ?? 0) >= 1)
})

t.test('an unanswered request never shows a number', async (t) => {
  // The ticket request is aborted on purpose below; Chromium logs that as a console error.
  const page = await openKiosk(k, { allow: [allowRefused('/api/tickets')] })
  t.teardown(() => page.context().close())
  await tap(page, 'take-number')
  await tap(page, 'queue-market')
  await page.route('**/api/tickets', (route) => route.abort('connectionrefused'))
  await tap(page, 'confirm-issue')
  await byTestId(page, 'error').waitFor()
  t.equal(await byTestId(page, 'error').textContent(), '暂时连不上大厅服务器，请稍候')
  t.equal(await byTestId(page, 'ticket').count(), 0)
  t.equal(await page.locator('.kiosk').getAttribute('data-screen'), 'confirm')
})

t.test('back to the start after the idle timeout; the card read is forgotten', async (t) => {
  const page = await openKiosk(k, { idleSeconds: 3 })
  t.teardown(() => page.context().close())
  await k.agent.cardRead(CARDS.elderly)
  await waitForScreen(page, 'card')
  await tap(page, 'card-take-number')
  await waitForScreen(page, 'categories')
  t.equal(await byTestId(page, 'greeting').count(), 1)
  const started = Date.now()
  await waitForScreen(page, 'home')
  const waited = Date.now() - started
  t.ok(waited > 1500 && waited < 6000, `reset after about 3 s (${waited} ms)`)
  await tap(page, 'take-number')
  await waitForScreen(page, 'categories')
  t.equal(await byTestId(page, 'greeting').count(), 0, 'the card is gone')
  await page.waitForTimeout(1500)
  await page.mouse.click(5, 400)
  await page.waitForTimeout(2000)
  t.equal(await page.locator('.kiosk').getAttribute('data-screen'), 'categories', 'a touch restarts the wait')
})

t.test('care mode: larger type, remembered across a reload; spoken prompts optional', async (t) => {
  const page = await openKiosk(k)
  t.teardown(() => page.context().close())
  const size = () =>
    page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize))
  const normal = await size()
  await tap(page, 'care-toggle')
  t.ok(await page.evaluate(() => document.documentElement.classList.contains('care')))
  t.ok((await size()) > normal * 1.2, 'type grows')
  const prompts: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/api/audio/prompt')) prompts.push(new URL(r.url()).searchParams.get('key') ?? '')
  })
  await tap(page, 'voice-toggle')
  await tap(page, 'take-number')
  await waitForScreen(page, 'categories')
  await page.waitForTimeout(300)
  t.same(prompts, ['choose'], 'the prompt is fetched with the token (it plays if the PC has audio)')
  await k.h.screenshot(page, 'care-categories')
  await tap(page, 'home')
  await k.h.screenshot(page, 'care-home')
  await page.reload()
  await page.locator('.kiosk[data-link="online"]').waitFor()
  t.ok(await page.evaluate(() => document.documentElement.classList.contains('care')), 'remembered')
  const small = await page.evaluate(() => {
    const sizes = [...document.querySelectorAll('button')].map((b) => b.getBoundingClientRect().height)
    return Math.min(...sizes)
  })
  t.ok(small >= 60, `every button is at least 60 px high (${small.toFixed(0)} px)`)
  await tap(page, 'care-toggle')
  await tap(page, 'voice-toggle')
})

t.test('touch targets are at least 60 px on every screen of a visit', async (t) => {
  const page = await openKiosk(k)
  t.teardown(() => page.context().close())
  const smallest = () =>
    page.evaluate(() => {
      const rects = [...document.querySelectorAll('button')].map((b) => b.getBoundingClientRect())
      return Math.min(...rects.filter((r) => r.width > 0).map((r) => Math.min(r.height, r.width)))
    })
  t.ok((await smallest()) >= 60, 'home')
  await tap(page, 'take-number')
  t.ok((await smallest()) >= 60, 'categories')
  await tap(page, 'find-service')
  t.ok((await smallest()) >= 60, 'search with keyboard')
  await tap(page, 'home')
  await tap(page, 'check-in')
  t.ok((await smallest()) >= 60, 'check-in')
})

t.test('without a token: a clear setup message; a rejected token says so', async (t) => {
  const fresh = await openKiosk(k, { token: null })
  t.teardown(() => fresh.context().close())
  await byTestId(fresh, 'setup').waitFor()
  t.equal(await byTestId(fresh, 'setup').getAttribute('data-reason'), 'missing')
  t.match(await fresh.locator('h1').textContent(), '取号机尚未登记')
  await k.h.screenshot(fresh, 'setup-missing')
  const wrong = await k.h.open('/kiosk/?token=not-a-token', { width: 1080, height: 1920 })
  t.teardown(() => wrong.context().close())
  await byTestId(wrong, 'setup').waitFor({ timeout: 10_000 })
  t.equal(await byTestId(wrong, 'setup').getAttribute('data-reason'), 'rejected')
})

t.test('locked down: no context menu or selection; the technician’s combination and PIN', async (t) => {
  const page = await openKiosk(k)
  t.teardown(() => page.context().close())
  // No named helpers inside evaluate: tsx would wrap them in a __name() the page does not have.
  const prevented = await page.evaluate(() =>
    ['contextmenu', 'selectstart', 'dragstart'].map((type) => {
      const event = new Event(type, { bubbles: true, cancelable: true })
      document.querySelector('.welcome')?.dispatchEvent(event)
      return event.defaultPrevented
    }),
  )
  t.same(prevented, [true, true, true], 'contextmenu, selectstart and dragstart are prevented')
  t.equal(await page.evaluate(() => getComputedStyle(document.body).userSelect), 'none')
  const viewport = await page.locator('meta[name="viewport"]').getAttribute('content')
  t.match(viewport, 'user-scalable=no')

  await page.keyboard.down('Control')
  await page.keyboard.down('Alt')
  await page.keyboard.down('Shift')
  await page.keyboard.down('T')
  await page.waitForTimeout(800)
  t.equal(await byTestId(page, 'tech-panel').count(), 0, 'a short press does nothing')
  await byTestId(page, 'tech-panel').waitFor({ timeout: 5000 })
  for (const key of ['T', 'Shift', 'Alt', 'Control']) await page.keyboard.up(key)
  for (const d of '1111') await page.click(`[data-pin="${d}"]`)
  t.match(await byTestId(page, 'tech-panel').textContent(), '密码不正确')
  for (const d of '2580') await page.click(`[data-pin="${d}"]`)
  await byTestId(page, 'tech-status').waitFor()
  const status = await byTestId(page, 'tech-status').textContent()
  t.match(status, 'kiosk-1')
  t.match(status, '已连接')
  t.match(status, '热敏打印机')
  await k.h.screenshot(page, 'technician')
  await tap(page, 'tech-close')
  t.equal(await byTestId(page, 'tech-panel').count(), 0)
})
