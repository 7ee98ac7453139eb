// The demo hall's simulated devices and their control page, against a real hall server: what a
// person trying the demo clicks reaches the hall, and what the hall prints shows up on the page.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { CardReadView } from '@hall/protocol'
import t from 'tap'
import { demoCards, startSimulatedHall } from '../../src/agent/index.js'
import { stopAllPtyPairs } from '../../src/simulators/index.js'
import { tempDir } from '../devices/helpers.js'
import { startTestHall, until } from './hall-fixture.js'

t.teardown(stopAllPtyPairs)

t.test('sample cards are fictional and one is 75', async (t) => {
  const cards = demoCards(new Date('2026-11-23T10:00:00+08:00'))
  t.same(
    cards.map((c) => c.card.birthDate),
    ['1951-01-01', '1988-01-01', '2002-01-01'],
  )
  t.match(cards[0]?.label, '75岁')
  t.ok(cards.every((c) => c.card.name.startsWith('测试')))
  t.ok(cards.every((c) => c.card.idNumber.slice(6, 14) === c.card.birthDate.replaceAll('-', '')))
})

t.test('the control page drives the simulated terminals', async (t) => {
  const hall = await startTestHall()
  t.teardown(() => hall.close())
  const dir = tempDir()
  t.teardown(dir.cleanup)
  const sim = await startSimulatedHall({
    serverUrl: hall.url,
    devices: [
      { id: 'agent-kiosk-1', role: 'agent', windowId: null, terminal: 'kiosk-1' },
      { id: 'agent-counter-1', role: 'agent', windowId: '1', terminal: 'counter-1' },
      { id: 'agent-counter-9', role: 'agent', windowId: '9', terminal: 'counter-9' },
      { id: 'kiosk-1', role: 'kiosk', windowId: null, terminal: 'kiosk-1' },
    ],
    tokens: hall.tokens,
    printoutsDir: join(dir.path, 'printouts'),
    controlPort: 0,
    hallUrl: `${hall.url}/`,
  })
  t.teardown(() => sim.stop())
  t.same([...sim.terminals.keys()], ['kiosk-1', 'counter-1'], 'one per enrolled agent')
  t.same(sim.problems, [])
  const control = sim.control!.url
  await Promise.all([...sim.terminals.values()].map((x) => x.ready()))

  const page = await fetch(control)
  t.equal(page.status, 200)
  t.match(await page.text(), '设备模拟器控制台')
  const post = async (path: string, body: unknown) => {
    const res = await fetch(new URL(path, control), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as { ok: boolean; message?: string } }
  }

  const screen = await hall.screen('kiosk-1')
  const read = screen.next('cardRead') as Promise<CardReadView>
  t.same((await post('/api/terminals/kiosk-1/card', { card: 'elderly' })).body, { ok: true })
  t.ok((await read).elderly, 'the 75-year-old sample card')
  const scanned = screen.next('scan')
  t.same((await post('/api/terminals/kiosk-1/scan', { code: 'HALLAPPT:ABCD2345' })).body, { ok: true })
  t.match(await scanned, { code: 'HALLAPPT:ABCD2345' })

  t.same(await post('/api/terminals/counter-1/rating', { level: 1 }), {
    status: 409,
    body: { ok: false, message: '评价器当前没有待评价的办件' },
  })
  t.equal((await post('/api/terminals/counter-1/scan', { code: 'X' })).body.message, '此终端没有模拟扫码枪')
  t.equal((await post('/api/terminals/nowhere/card', { card: 'elderly' })).status, 404)
  t.equal((await post('/api/terminals/kiosk-1/card', { card: 'real-person' })).status, 400)

  await hall.api('kiosk-1')('issueTicket', { body: { queueId: 'market' } })
  type State = {
    terminals: { id: string; led: string[]; jobs: { svg: string; qr: string | null; title: string }[] }[]
  }
  let state: State = { terminals: [] }
  await until(() => {
    void fetch(new URL('/api/state', control))
      .then((r) => r.json())
      .then((s) => {
        state = s as State
      })
    return (state.terminals.find((x) => x.id === 'kiosk-1')?.jobs.length ?? 0) > 0
  }, 'the printout on the page')
  const job = state.terminals.find((x) => x.id === 'kiosk-1')!.jobs[0]!
  t.match(job, { title: /A001/, qr: /^HALLTICKET:/ })
  const svg = await fetch(new URL(job.svg, control))
  t.equal(svg.headers.get('content-type'), 'image/svg+xml')
  t.ok(existsSync(join(dir.path, 'printouts', 'kiosk-1', 'job-0001.txt')), 'written under printouts/')
  t.same(state.terminals.find((x) => x.id === 'counter-1')?.led, ['1号窗口', '未开放'])
})
