// A window's terminal end to end: the agent follows the hall state and drives the LED screen and
// the evaluator button box; a press on the box rates the window's finished case; the receipt of
// the case is printed at the counter.
import type { CaseView, RatingView } from '@hall/protocol'
import t from 'tap'
import { SimulatedTerminal } from '../../src/agent/index.js'
import { stopAllPtyPairs } from '../../src/simulators/index.js'
import { startTestHall, until } from './hall-fixture.js'

t.teardown(stopAllPtyPairs)

t.test('window screen, evaluator box and receipt at counter 1', async (t) => {
  const hall = await startTestHall()
  t.teardown(() => hall.close())
  const terminal = await SimulatedTerminal.start({
    serverUrl: hall.url,
    token: hall.tokens['agent-counter-1']!,
    terminal: 'counter-1',
    devices: ['idcard', 'printer', 'evaluator', 'led'],
    fast: true,
  })
  t.teardown(() => terminal.stop())
  await terminal.ready()
  const agent = terminal.agent
  await until(() => agent.windowId === '1', 'the agent learns its window')
  const led =
    (...lines: string[]) =>
    () =>
      JSON.stringify(terminal.ledLines) === JSON.stringify(lines)
  await until(led('1号窗口', '未开放'), 'the screen names the window; nobody signed in yet')
  t.equal(terminal.evaluatorState, 'idle')

  const clerk = await hall.signIn('counter-1', '1001')
  await until(() => terminal.ledLines[1] === '欢迎办理', 'open after sign-in')
  const issued = await hall.api('kiosk-1')('issueTicket', { body: { queueId: 'market', print: false } })
  await clerk('callNext', { params: { windowId: '1' } })
  await until(led('1号窗口', `请 ${issued.ticket.code} 号办理`), 'the called number on the LED screen')

  const paused = await clerk('pauseWindow', { params: { windowId: '1' }, body: { reason: '临时离开' } })
  t.equal(paused.status, 'paused')
  await until(led('1号窗口', '暂停服务'), '暂停服务 while paused')
  await clerk('resumeWindow', { params: { windowId: '1' } })
  await until(() => terminal.ledText.includes(issued.ticket.code), 'the number again after resuming')

  const [item] = await clerk('searchServices', { query: { q: '低保' } })
  t.ok(item, 'a service item to record the case under')
  const opened = await clerk('startCase', { params: { windowId: '1' }, body: { serviceItemId: item!.id } })
  await until(() => terminal.ledText.includes('正在办理'), 'serving')
  const screen = await hall.screen('counter-1')
  const finished = await clerk('finishCase', {
    params: { caseId: opened.id },
    body: { serviceItemId: item!.id, caseType: 'immediate', outcome: 'accepted', print: true },
  })
  t.equal(finished.print.status, 'queued', 'the receipt goes to this counter’s printer')
  const receipt = await terminal.printer!.waitForJob(1)
  t.match(receipt.text, opened.id, 'the printed receipt names the case')

  await until(() => terminal.evaluatorState === 'prompting', 'the box asks for a rating')
  t.ok(terminal.evaluatorPrompt?.caseRef, 'with a reference the box can show')
  await until(led('1号窗口', '欢迎办理'), 'the ticket is done')

  const rated = screen.waitDelta((d) =>
    d.changes.some((c) => c.kind === 'rating' && (c as { rating: RatingView }).rating.caseId === opened.id),
  )
  t.equal(await terminal.pressRating(5, [1, 3]), true, 'the agent ACKs the presses')
  const delta = await rated
  const rating = delta.changes.find((c) => c.kind === 'rating') as unknown as { rating: RatingView }
  t.equal(rating.rating.level, 'very_dissatisfied')
  t.equal(rating.rating.channel, 'button_box')
  t.same(rating.rating.reasons, ['wait', 'unskilled'], 'box reasons mapped to the contract')
  t.equal(rating.rating.comment, null)
  const ratedCase = delta.changes.find((c) => c.kind === 'case') as unknown as { case: CaseView } | undefined
  t.equal(ratedCase?.case.rating, 'very_dissatisfied', 'the case of this window carries the rating')
  await until(() => terminal.evaluatorState !== 'prompting', 'the box thanks and idles')
  t.not(terminal.evaluatorState, 'prompting')
  t.equal(agent.health().dropped, 0, 'nothing was refused')
})
