import { join } from 'node:path'
import t from 'tap'
import { REPO } from '../../../hall-server/test/harness/browser-hall.js'
import { byTestId, tap, waitForScreen } from '../support/kiosk.js'
import { modeHall } from '../support/mode-hall.js'

/**
 * The hall's mode on the start screen (HallInfo.mode), with real opening hours 09:00–17:00 and
 * appointments an hour either side (早晚弹性办, 淄川区镇村便民服务标准化管理办法 §11).
 */

t.test('outside hours: 今日已停止取号; guides and progress still open', async (t) => {
  const hall = await modeHall('2026-11-23T20:30:00+08:00')
  t.teardown(() => hall.close())
  const page = await hall.open()
  const mode = byTestId(page, 'mode')
  await mode.waitFor()
  t.equal(await mode.getAttribute('data-mode'), 'closed')
  t.match(await mode.textContent(), '今日已停止取号')
  t.equal(await byTestId(page, 'take-number').count(), 0, 'no take-number button')
  t.equal(await byTestId(page, 'check-in').count(), 0, 'no check-in either')
  t.equal(await byTestId(page, 'guides').count(), 1)
  t.equal(await byTestId(page, 'progress').count(), 1)
  await page.screenshot({ path: join(REPO, 'test-artifacts', 'kiosk-ui', 'mode-closed.png') })
})

t.test('早晚弹性办: only appointments check in', async (t) => {
  const hall = await modeHall('2026-11-23T08:30:00+08:00')
  t.teardown(() => hall.close())
  const page = await hall.open()
  const mode = byTestId(page, 'mode')
  await mode.waitFor()
  t.equal(await mode.getAttribute('data-mode'), 'appointment_only')
  t.match(await mode.textContent(), '仅限预约办理')
  t.equal(await byTestId(page, 'take-number').count(), 0)
  await tap(page, 'check-in')
  await waitForScreen(page, 'checkIn')
  await page.screenshot({ path: join(REPO, 'test-artifacts', 'kiosk-ui', 'mode-appointment-only.png') })
})
