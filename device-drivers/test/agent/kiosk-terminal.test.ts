// The kiosk terminal end to end: a real hall server in-process, a SimulatedTerminal (socat ptys and
// a TCP printer simulator) with a real Agent, and the kiosk screen's own socket.
import type { CardReadView, ScanView } from '@hall/protocol'
import t from 'tap'
import { memoryLogger } from '../../src/logger.js'
import { sampleResidentCard, stopAllPtyPairs } from '../../src/simulators/index.js'
import { kiosk, startTestHall, until } from './hall-fixture.js'

t.teardown(stopAllPtyPairs)

const hasAlarm =
  (kind: string, active = true) =>
  (delta: { changes: { kind: string }[] }) =>
    delta.changes.some(
      (c) =>
        c.kind === 'alarm' &&
        (c as unknown as { alarm: { kind: string; active: boolean } }).alarm.kind === kind &&
        (c as unknown as { alarm: { active: boolean } }).alarm.active === active,
    )

t.test('card, scan and ticket: the kiosk screen sees them, the printer prints', async (t) => {
  const hall = await startTestHall()
  t.teardown(() => hall.close())
  const logger = memoryLogger()
  const terminal = await kiosk(t, hall, logger)
  const screen = await hall.screen('kiosk-1')

  const card = sampleResidentCard(0, { birthDate: '1951-01-01' })
  const seen = screen.next('cardRead') as Promise<CardReadView>
  terminal.placeCard(card)
  const read = await seen
  t.equal(read.nameMasked, '测*甲', 'the screen gets the name masked')
  t.match(read.idMasked, /^110\*+\d{3}[\dX]$/)
  t.ok(read.elderly, 'a 75-year-old gets elderly priority')
  const logged = JSON.stringify(logger.entries)
  t.notOk(logged.includes(card.idNumber), 'the ID number is never logged')
  t.notOk(logged.includes(card.name), 'the name is never logged in clear')
  t.ok(
    logger.entries.some((e) => e.msg === 'card read' && e.fields?.['nameMasked'] === '测*甲'),
    'the log line says a card was read, masked',
  )

  const scanned = screen.next('scan') as Promise<ScanView>
  await terminal.scan('HALLAPPT:20261123-0042')
  t.equal((await scanned).code, 'HALLAPPT:20261123-0042')

  const outcome = screen.next('printOutcome')
  const issued = await hall.api('kiosk-1')('issueTicket', {
    body: { queueId: 'relief', cardReadId: read.readId },
  })
  t.equal(issued.print.status, 'queued', 'the server sent the ticket to the agent')
  t.equal(issued.ticket.priority, 'elderly')
  const job = await terminal.printer!.waitForJob(1)
  t.match(job.text, issued.ticket.code, 'the printed ticket carries the number')
  t.match(job.text, '测*甲', 'and the masked applicant')
  t.match(job.svg, /^<svg/)
  t.same(await outcome, { jobId: issued.print.jobId, ok: true, code: null, message: null })
})

t.test('printer unplugged, then paper out: refusals with reasons, alarms by heartbeat', async (t) => {
  const hall = await startTestHall()
  t.teardown(() => hall.close())
  const terminal = await kiosk(t, hall)
  const screen = await hall.screen('kiosk-1')
  const api = hall.api('kiosk-1')
  const printer = terminal.printer!

  // Unplugged: the agent notices the lost connection and reports it; the server raises its alarm.
  const offline = screen.waitDelta(hasAlarm('printer_error'))
  const outcomes: { ok: boolean; message: string | null }[] = []
  screen.socket.on('printOutcome', (o) => outcomes.push(o))
  await printer.stop()
  const issued = await api('issueTicket', { body: { queueId: 'market' } })
  await offline
  // Depending on whether the heartbeat beat the ticket, the server refuses at once or the agent
  // answers with its refusal: either way the failure comes with a reason.
  if (issued.print.status === 'queued') {
    await until(() => outcomes.length > 0, 'printOutcome')
    t.equal(outcomes[0]?.ok, false)
    t.match(outcomes[0]?.message, /打印机/)
  } else {
    t.equal(issued.print.status, 'failed')
    t.match(issued.print.message, /打印机/)
  }
  t.match(
    screen.state().alarms.find((a) => a.kind === 'printer_error')?.message,
    /agent-kiosk-1\/printer 未连接/,
  )
  const refused = await api('issueTicket', { body: { queueId: 'market' } })
  t.equal(refused.print.status, 'failed', 'no job is sent to a printer known to be offline')
  t.equal(refused.print.message, '打印机未连接')
  t.equal(terminal.jobs.length, 0)

  // Plugged in again, then out of paper.
  const back = screen.waitDelta(hasAlarm('printer_error', false))
  await printer.start()
  await back
  t.equal((await api('issueTicket', { body: { queueId: 'market' } })).print.status, 'queued')
  await printer.waitForJob(1)

  const paperOut = screen.waitDelta(hasAlarm('printer_paper_out'))
  printer.setState({ paper: 'out' })
  await paperOut
  t.equal(terminal.agent.health().devices.find((d) => d.kind === 'printer')?.printer?.paper, 'out')
  const noPaper = await api('issueTicket', { body: { queueId: 'market' } })
  t.equal(noPaper.print.status, 'failed')
  t.equal(noPaper.print.message, '打印机缺纸')
})

t.test('the hall server goes away: the agent reconnects and delivers what waited', async (t) => {
  const hall = await startTestHall()
  t.teardown(() => hall.close())
  const terminal = await kiosk(t, hall)
  const agent = terminal.agent

  const gone = new Promise<void>((resolve) => agent.once('disconnected', () => resolve()))
  await hall.stopServer()
  await gone
  t.equal(agent.connected, false)
  await terminal.scan('WHILE-AWAY-1')
  await terminal.scan('WHILE-AWAY-2')
  await until(() => agent.health().pending.length === 2, 'two scans queued')
  t.same(agent.health().pending, ['agent:scan', 'agent:scan'])

  await hall.restartServer()
  const screen = await hall.screen('kiosk-1')
  const codes: string[] = []
  screen.socket.on('scan', (s) => codes.push(s.code))
  await until(() => agent.connected, 'the agent reconnects by itself', 10_000)
  await until(() => agent.health().pending.length === 0, 'the queue drains')
  await until(() => codes.length === 2, 'both scans reach the screen')
  t.same(codes, ['WHILE-AWAY-1', 'WHILE-AWAY-2'], 'in the order they were made')
  t.ok(agent.health().reconnects >= 1)

  // And it works as before: the next card read goes straight through.
  const seen = screen.next('cardRead') as Promise<CardReadView>
  terminal.placeCard(sampleResidentCard(1))
  t.equal((await seen).nameMasked, '测*乙')
})
