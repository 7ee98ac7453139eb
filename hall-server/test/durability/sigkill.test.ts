import { ApiCallError, type ApiClient, createApiClient } from '@hall/protocol'
import t from 'tap'
import { Db } from '../../src/store/db.js'
import { DEMO_STAFF } from '../../src/templates.js'
import { startServerProcess } from '../harness/server-process.js'
import { prepareDataDir } from '../helper.js'

/**
 * The durability promise: the server is killed with SIGKILL in the middle of concurrent ticket
 * issuing, calling, case work and rating; after a restart every acknowledged ticket, case and
 * rating is there, and no number was issued twice.
 */

t.test('SIGKILL during concurrent work loses nothing acknowledged', async (t) => {
  const { dir, tokens } = await prepareDataDir()
  let server = await startServerProcess(dir)
  t.teardown(() => server.kill())
  const client = (token: string): ApiClient =>
    createApiClient({ baseUrl: server.url, token: () => token, timeoutMs: 5000 })

  const sessions: Record<string, string> = {}
  for (const [device, staffNo] of [
    ['counter-1', '1001'],
    ['counter-2', '1002'],
  ] as const) {
    const pin = DEMO_STAFF.find((s) => s.staffNo === staffNo)!.pin
    sessions[device] = (await client(tokens[device]!)('signIn', { body: { staffNo, pin } })).token
  }
  const item = (await client(tokens['kiosk-1']!)('searchServices', { query: { q: '低保' } }))[0]!

  const acked = { tickets: new Map<string, string>(), cases: new Set<string>(), ratings: new Set<string>() }
  let running = true
  const ignoreRefusals = (error: unknown) => {
    if (!(error instanceof ApiCallError)) throw error
  }
  const issuer = async (queueId: string) => {
    const kiosk = client(tokens['kiosk-1']!)
    while (running) {
      try {
        const issued = await kiosk('issueTicket', { body: { queueId, print: false } })
        acked.tickets.set(issued.ticket.id, issued.ticket.code)
      } catch (error) {
        ignoreRefusals(error)
      }
    }
  }
  const clerk = async (device: 'counter-1' | 'counter-2', windowId: string, pad: string) => {
    const api = client(sessions[device]!)
    const rater = client(tokens[pad]!)
    while (running) {
      try {
        await api('callNext', { params: { windowId } })
        const opened = await api('startCase', { params: { windowId }, body: {} })
        const finished = await api('finishCase', {
          params: { caseId: opened.id },
          body: { serviceItemId: item.id, caseType: 'immediate', outcome: 'accepted', print: false },
        })
        acked.cases.add(finished.case.id)
        const rating = await rater('submitRating', {
          params: { caseId: opened.id },
          body: { level: 'very_satisfied' },
        })
        acked.ratings.add(rating.caseId)
      } catch (error) {
        ignoreRefusals(error)
        await new Promise((r) => setTimeout(r, 5))
      }
    }
  }
  const work = [
    issuer('market'),
    issuer('public'),
    issuer('relief'),
    issuer('public'),
    clerk('counter-1', '1', 'pad-1'),
    clerk('counter-2', '2', 'pad-2'),
  ].map((p) => p.catch(() => undefined))

  // Kill mid-work once there is enough to check (at least 2.5 s; longer on a slow machine).
  const enough = () => acked.tickets.size > 50 && acked.cases.size > 3 && acked.ratings.size > 3
  const started = Date.now()
  while (Date.now() - started < 2500 || (!enough() && Date.now() - started < 30_000)) {
    await new Promise((r) => setTimeout(r, 100))
  }
  await server.kill()
  running = false
  await Promise.all(work)
  t.ok(acked.tickets.size > 50, `${acked.tickets.size} tickets acknowledged before the kill`)
  t.ok(acked.cases.size > 3, `${acked.cases.size} cases acknowledged before the kill`)
  t.ok(acked.ratings.size > 3, `${acked.ratings.size} ratings acknowledged before the kill`)

  server = await startServerProcess(dir)
  const db = await Db.open(`${dir}/hall.sqlite`, { readonly: true })
  t.teardown(() => db.close())
  const tickets = new Set((await db.all<{ id: string }>('SELECT id FROM tickets')).map((r) => r.id))
  const missingTickets = [...acked.tickets.keys()].filter((id) => !tickets.has(id))
  t.same(missingTickets, [], 'every acknowledged ticket is stored')
  const cases = new Set(
    (await db.all<{ id: string }>("SELECT id FROM cases WHERE status = 'finished'")).map((r) => r.id),
  )
  t.same(
    [...acked.cases].filter((id) => !cases.has(id)),
    [],
    'every acknowledged case is stored',
  )
  const ratings = new Set(
    (await db.all<{ case_id: string }>('SELECT case_id FROM ratings')).map((r) => r.case_id),
  )
  t.same(
    [...acked.ratings].filter((id) => !ratings.has(id)),
    [],
    'every acknowledged rating is stored',
  )
  const twice = await db.all(
    'SELECT queue_id, number, COUNT(*) AS n FROM tickets GROUP BY business_date, queue_id, number HAVING n > 1',
  )
  t.same(twice, [], 'no number stored twice')

  // The restarted hall goes on from where it was: numbers continue, the windows are still staffed.
  const api = client(tokens['kiosk-1']!)
  const after = await api('issueTicket', { body: { queueId: 'market', print: false } })
  const highest = Math.max(
    ...(await db.all<{ number: number }>("SELECT number FROM tickets WHERE queue_id = 'market'")).map(
      (r) => r.number,
    ),
  )
  t.equal(after.ticket.number, highest, 'the next number follows the last one stored, none reused')
  const snapshot = await client(tokens['display-1']!)('getHallSnapshot')
  t.equal(
    snapshot.windows.find((w) => w.id === '1')?.status,
    'open',
    'window 1 is still open after the restart',
  )
  const waitingCodes = new Set(snapshot.tickets.map((x) => x.id))
  const storedWaiting = (
    await db.all<{ id: string }>(
      "SELECT id FROM tickets WHERE status IN ('waiting', 'called', 'serving', 'transferred')",
    )
  ).map((r) => r.id)
  t.same(
    storedWaiting.filter((id) => !waitingCodes.has(id)),
    [],
    'every open ticket is back in the hall',
  )
  await server.stop()
})
