import { applyDelta, type CardReadView, createApiClient, type HallSnapshot } from '@hall/protocol'
import { io, type Socket } from 'socket.io-client'
import t from 'tap'
import { loadConfig } from '../../src/config.js'
import { type HallServer, startHallServer } from '../../src/index.js'
import { prepareDataDir } from '../helper.js'

/** Real sockets on a real port: snapshot on connect, chained deltas, rooms, agent events. */

async function start() {
  const { dir, paths, tokens } = await prepareDataDir()
  const config = await loadConfig(paths.configFile)
  const server = await startHallServer({ config, paths, host: '127.0.0.1', port: 0, tickMs: 200 })
  return { dir, server, tokens }
}

function connect(server: HallServer, token: string): Socket {
  return io(server.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true })
}

function next<T>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs)
    socket.once(event, (value: T) => {
      clearTimeout(timer)
      resolve(value)
    })
  })
}

t.test('snapshot, then deltas that chain; unenrolled sockets are refused', async (t) => {
  const { server, tokens } = await start()
  t.teardown(() => server.close())

  const stranger = io(server.url, { auth: { token: 'nope' }, transports: ['websocket'], reconnection: false })
  const refused = await next<Error>(stranger, 'connect_error')
  t.equal(refused.message, 'UNAUTHORIZED')
  stranger.close()

  const display = connect(server, tokens['display-1']!)
  t.teardown(() => display.close())
  let state = await next<HallSnapshot>(display, 'snapshot')
  t.equal(state.hall.name, '演示镇便民服务中心')
  t.equal(state.queues.length, 5)

  const kiosk = createApiClient({ baseUrl: server.url, token: () => tokens['kiosk-1']! })
  const ticketDeltas: number[] = []
  let gaps = 0
  const done = new Promise<void>((resolve) => {
    display.on('delta', (delta) => {
      const result = applyDelta(state, delta)
      if (result.kind === 'gap') gaps++
      if (result.kind === 'applied') {
        state = result.state
        if (delta.changes.some((c: { kind: string }) => c.kind === 'ticket')) ticketDeltas.push(delta.seq)
        if (state.tickets.length === 5) resolve()
      }
    })
  })
  const issued = await Promise.all(
    Array.from({ length: 5 }, () => kiosk('issueTicket', { body: { queueId: 'public', print: false } })),
  )
  await done
  t.same(issued.map((i) => i.ticket.code).sort(), ['B001', 'B002', 'B003', 'B004', 'B005'])
  t.equal(state.queues.find((q) => q.id === 'public')?.waiting, 5, 'the display state matches the hall')
  t.equal(ticketDeltas.length, 5, 'one delta per acknowledged ticket')
  t.equal(gaps, 0, 'every delta chained to the one before')

  const resynced = await display.timeout(5000).emitWithAck('resync')
  t.equal(resynced.seq, state.seq)
  t.same(
    resynced.tickets.map((x: { code: string }) => x.code).sort(),
    state.tickets.map((x) => x.code).sort(),
  )
})

t.test(
  'an agent reads an ID card: the kiosk screen sees it masked, the ticket gets elderly priority',
  async (t) => {
    const { server, tokens } = await start()
    t.teardown(() => server.close())
    const screen = connect(server, tokens['kiosk-1']!)
    const agent = connect(server, tokens['agent-kiosk-1']!)
    const other = connect(server, tokens['pad-1']!)
    t.teardown(() => {
      screen.close()
      agent.close()
      other.close()
    })
    await Promise.all([next(screen, 'snapshot'), next(agent, 'snapshot'), next(other, 'snapshot')])
    let otherSawCard = false
    other.on('cardRead', () => {
      otherSawCard = true
    })
    const seen = next<CardReadView>(screen, 'cardRead')
    const ack = await agent.timeout(5000).emitWithAck('agent:cardRead', {
      cardType: 'resident',
      name: '王秀英',
      idNumber: '370302195001011234',
      gender: '女',
      birthDate: '1950-01-01',
    })
    t.same(ack, { ok: true, data: null })
    const card = await seen
    t.equal(card.nameMasked, '王*英')
    t.equal(card.idMasked, '370***********1234')
    t.ok(card.elderly)
    t.notOk(JSON.stringify(card).includes('195001011234'), 'the full ID number never reaches a screen')

    const bad = await agent.timeout(5000).emitWithAck('agent:cardRead', { name: 'x' })
    t.equal(bad.ok, false)
    t.equal(bad.code, 'VALIDATION')
    const notAgent = await screen.timeout(5000).emitWithAck('agent:scan', { code: 'X' })
    t.equal(notAgent.code, 'FORBIDDEN')

    const kiosk = createApiClient({ baseUrl: server.url, token: () => tokens['kiosk-1']! })
    const issued = await kiosk('issueTicket', {
      body: { queueId: 'relief', cardReadId: card.readId, print: false },
    })
    t.equal(issued.ticket.priority, 'elderly')
    t.equal(issued.ticket.applicantName, '王*英')
    t.notOk(otherSawCard, 'card reads go only to the terminal they came from')

    const row = await server.hall.db.get<{ sealed: string; id_masked: string }>(
      'SELECT sealed, id_masked FROM applicants',
    )
    t.ok(row)
    t.notOk(row!.sealed.includes('370302'), 'the ID number is stored encrypted')
    t.equal(server.hall.sealer.open(row!.sealed).includes('370302195001011234'), true)
  },
)

t.test('a print job goes to the terminal agent; its failure is reported and raises an alarm', async (t) => {
  const { server, tokens } = await start()
  t.teardown(() => server.close())
  const agent = connect(server, tokens['agent-kiosk-1']!)
  const screen = connect(server, tokens['kiosk-1']!)
  t.teardown(() => {
    agent.close()
    screen.close()
  })
  await Promise.all([next(agent, 'snapshot'), next(screen, 'snapshot')])
  const kiosk = createApiClient({ baseUrl: server.url, token: () => tokens['kiosk-1']! })

  const noPrinter = await kiosk('issueTicket', { body: { queueId: 'market' } })
  t.equal(noPrinter.print.status, 'no_printer', 'an agent without a printer cannot print')

  const healthy = {
    name: 'printer',
    kind: 'printer' as const,
    connected: true,
    lastError: null,
    printer: { online: true, paper: 'ok' as const, coverOpen: false, error: null },
  }
  t.same(
    await agent.timeout(5000).emitWithAck('agent:heartbeat', { agentVersion: '1', attached: [healthy] }),
    { ok: true, data: null },
  )
  const job = next<{ jobId: string; kind: string; data: { code: string } }>(agent, 'print')
  const issued = await kiosk('issueTicket', { body: { queueId: 'market' } })
  t.equal(issued.print.status, 'queued')
  const received = await job
  t.equal(received.kind, 'ticket')
  t.equal(received.data.code, issued.ticket.code)
  const outcome = next<{ jobId: string; ok: boolean }>(screen, 'printOutcome')
  await agent.timeout(5000).emitWithAck('agent:printResult', {
    jobId: received.jobId,
    ok: false,
    code: 'PAPER_OUT',
    message: '缺纸',
  })
  t.same(await outcome, { jobId: received.jobId, ok: false, code: 'PAPER_OUT', message: '缺纸' })

  // Another terminal's agent cannot report on this job (nor mark it printed).
  const stranger = connect(server, tokens['agent-counter-1']!)
  t.teardown(() => stranger.close())
  await next(stranger, 'snapshot')
  const foreign = await stranger.timeout(5000).emitWithAck('agent:printResult', {
    jobId: received.jobId,
    ok: true,
    code: null,
    message: null,
  })
  t.match(foreign, { ok: false, code: 'NOT_FOUND', message: '此终端没有这个打印任务' })
  const stored = await server.hall.db.get<{ status: string }>('SELECT status FROM print_jobs WHERE id = ?', [
    received.jobId,
  ])
  t.equal(stored?.status, 'failed', "the kiosk's own report stands")

  const alarm = new Promise<void>((resolve) =>
    screen.on('delta', (d) => {
      if (
        d.changes.some(
          (c: { kind: string; alarm?: { kind: string } }) =>
            c.kind === 'alarm' && c.alarm?.kind === 'printer_paper_out',
        )
      )
        resolve()
    }),
  )
  await agent.timeout(5000).emitWithAck('agent:heartbeat', {
    agentVersion: '1',
    attached: [{ ...healthy, printer: { ...healthy.printer, paper: 'out' } }],
  })
  await alarm
  const refused = await kiosk('issueTicket', { body: { queueId: 'market' } })
  t.equal(refused.print.status, 'failed', 'the ticket is issued even though it cannot print')
  t.equal(refused.print.message, '打印机缺纸')
  t.match(refused.ticket.code, /^A\d{3}$/)
})

t.test(
  'after a server restart, socket.io clients reconnect by themselves and get a fresh snapshot',
  async (t) => {
    const { paths, tokens } = await prepareDataDir()
    const config = await loadConfig(paths.configFile)
    let server = await startHallServer({ config, paths, host: '127.0.0.1', port: 0, tickMs: 200 })
    const port = Number(new URL(server.url).port)
    t.teardown(() => server.close())
    const display = io(server.url, {
      auth: { token: tokens['display-1']! },
      transports: ['websocket'],
      reconnectionDelay: 100,
      reconnectionDelayMax: 300,
    })
    t.teardown(() => display.close())
    await next(display, 'snapshot')
    const kiosk = createApiClient({ baseUrl: server.url, token: () => tokens['kiosk-1']! })
    await kiosk('issueTicket', { body: { queueId: 'market', print: false } })
    await server.close()
    server = await startHallServer({ config, paths, host: '127.0.0.1', port, tickMs: 200 })
    const again = await next<HallSnapshot>(display, 'snapshot', 10_000)
    t.equal(again.tickets.length, 1, 'the ticket issued before the restart is there')
  },
)

t.test('an agent event sent again after a lost ack is acted on once', async (t) => {
  const { server, tokens } = await start()
  t.teardown(() => server.close())
  const screen = connect(server, tokens['kiosk-1']!)
  const agent = connect(server, tokens['agent-kiosk-1']!)
  const box = connect(server, tokens['agent-counter-1']!)
  t.teardown(() => {
    screen.close()
    agent.close()
    box.close()
  })
  await Promise.all([next(screen, 'snapshot'), next(agent, 'snapshot'), next(box, 'snapshot')])
  const scans: string[] = []
  screen.on('scan', (scan: { code: string }) => scans.push(scan.code))
  const send = (payload: object) => agent.timeout(5000).emitWithAck('agent:scan', payload)
  const acks = await Promise.all([
    send({ code: 'HALLAPPT:AAAA', eventId: 'e1' }),
    send({ code: 'HALLAPPT:AAAA', eventId: 'e1' }),
  ])
  t.same(await send({ code: 'HALLAPPT:AAAA', eventId: 'e1' }), { ok: true, data: null })
  t.same(acks, [
    { ok: true, data: null },
    { ok: true, data: null },
  ])
  await send({ code: 'HALLAPPT:BBBB', eventId: 'e2' })
  await send({ code: 'HALLAPPT:BBBB' })
  // The screen gets its events in order: once the last one is there, so is everything before it.
  const last = new Promise<void>((resolve) =>
    screen.on('scan', (scan: { code: string }) => scan.code === 'END' && resolve()),
  )
  await send({ code: 'END' })
  await last
  t.same(
    scans,
    ['HALLAPPT:AAAA', 'HALLAPPT:BBBB', 'HALLAPPT:BBBB', 'END'],
    'one scan per id; no id, no dedupe',
  )

  // Two unrated cases at window 1: a resent rating without a case id must not rate the second one.
  const kiosk = createApiClient({ baseUrl: server.url, token: () => tokens['kiosk-1']! })
  let session = tokens['counter-1']!
  const clerk = createApiClient({ baseUrl: server.url, token: () => session })
  session = (await clerk('signIn', { body: { staffNo: '1001', pin: '1001' } })).token
  const item = (await clerk('searchServices', { query: { q: '低保' } }))[0]!
  for (let i = 0; i < 2; i++) {
    await kiosk('issueTicket', { body: { queueId: 'market', print: false } })
    await clerk('callNext', { params: { windowId: '1' } })
    const opened = await clerk('startCase', { params: { windowId: '1' }, body: {} })
    await clerk('finishCase', {
      params: { caseId: opened.id },
      body: { serviceItemId: item.id, caseType: 'immediate', outcome: 'accepted', print: false },
    })
  }
  const rate = () => box.timeout(5000).emitWithAck('agent:rating', { level: 'satisfied', eventId: 'r1' })
  t.same(await rate(), { ok: true, data: null })
  t.same(await rate(), { ok: true, data: null }, 'the copy is acknowledged')
  const rated = await server.hall.db.all<{ case_id: string }>('SELECT case_id FROM ratings')
  t.equal(rated.length, 1, 'and only one case is rated')
})
