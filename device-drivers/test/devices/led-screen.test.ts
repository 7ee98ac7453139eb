import t from 'tap'
import { LedScreen, type LedScreenOptions } from '../../src/devices/index.js'
import { LedScreenSimulator, type LedScreenSimulatorOptions } from '../../src/simulators/index.js'
import { MemoryTransport } from '../../src/transports/index.js'
import { rejectsWithCode, type Teardown, until } from './helpers.js'

async function setup(
  t: Teardown,
  options: Partial<LedScreenOptions> = {},
  simOptions: Partial<LedScreenSimulatorOptions> = {},
) {
  const [near, far] = MemoryTransport.pair('led')
  const simulator = new LedScreenSimulator({ transport: far, lines: 2, columns: 16, ...simOptions })
  await simulator.start()
  const screen = new LedScreen({ transport: near, reconnect: false, replyTimeoutMs: 100, ...options })
  await screen.start()
  t.teardown(async () => {
    await screen.stop()
    await simulator.stop()
  })
  return { screen, simulator }
}

t.test('reads the status on connect; shows, clears, sets brightness', async (t) => {
  const { screen, simulator } = await setup(t)
  await until(() => screen.health().status !== null, 'status on connect')
  t.match(screen.health().status, { lines: 2, columns: 16, firmware: '1.0' })
  await screen.show(['3号窗口', { text: '请A012到3号窗口', color: 'green', effect: 'scroll' }], {
    brightness: 12,
  })
  t.same(simulator.lines, ['3号窗口', '请A012到3号窗口'])
  t.match(simulator.detail[1], { color: 'green', effect: 'scroll' })
  t.equal(simulator.brightness, 12)
  await screen.show(['暂停服务'])
  t.same(simulator.lines, ['暂停服务', ''], 'lines beyond the new text are cleared')
  await screen.brightness(3)
  t.equal(simulator.brightness, 3)
  await screen.clear()
  t.equal(simulator.text, '\n')
  t.same(screen.health().shown, [])
})

t.test('NAKs become REFUSED with the clerk message', async (t) => {
  const { screen } = await setup(t, {}, { missingGlyphs: '䶮' })
  await t.rejects(screen.show(['这一行文字对于十六列的屏幕来说太长了']), {
    code: 'REFUSED',
    message: /文字超出屏幕显示长度/,
  })
  t.equal(screen.health().lastErrorCode, 'LED_NAK_TEXT_TOO_LONG')
  await t.rejects(screen.show(['王䶮']), { code: 'REFUSED', message: /字库缺少/ })
  await t.rejects(screen.clear(5), { code: 'REFUSED', message: /行号超出/ })
  await screen.show(['正常'])
  t.equal(screen.health().lastError, null)
})

t.test('faults in the status reply reach health', async (t) => {
  const { screen, simulator } = await setup(t)
  simulator.setFault({ pixelFault: true })
  const status = await screen.status()
  t.equal(status.pixelFault, true)
  t.equal(screen.health().lastErrorCode, 'LED_FAULT')
})

t.test('another address is ignored: TIMEOUT; broadcast expects no reply', async (t) => {
  const { simulator } = await setup(t)
  const [near, far] = MemoryTransport.pair('led2')
  const other = new LedScreenSimulator({ transport: far, address: 1 })
  await other.start()
  const wrong = new LedScreen({
    transport: near,
    address: 7,
    reconnect: false,
    replyTimeoutMs: 30,
    retries: 1,
  })
  await wrong.start()
  t.teardown(async () => {
    await wrong.stop()
    await other.stop()
  })
  t.equal(await rejectsWithCode(wrong.brightness(5)), 'TIMEOUT')
  const [n2, f2] = MemoryTransport.pair('led3')
  const all = new LedScreen({ transport: n2, address: 255, reconnect: false })
  const sim2 = new LedScreenSimulator({ transport: f2 })
  await sim2.start()
  await all.start()
  t.teardown(async () => {
    await all.stop()
    await sim2.stop()
  })
  await all.clear()
  await until(() => sim2.commands.length === 1, 'broadcast applied')
  t.equal(simulator.commands.length >= 1, true)
})
