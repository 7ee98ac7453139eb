import t from 'tap'
import { pathsFrom } from '../../src/config.js'
import { Db } from '../../src/store/db.js'
import { openTestHall, prepareDataDir } from '../helper.js'

/**
 * The store's own guard against a number issued twice: a ticket the hall issues is a plain INSERT
 * of its id (date-queue-number), so when the hall's counter comes back wrong after a restart (here:
 * a snapshot whose counter is behind its tickets), the second A002 is a primary-key violation. The
 * issue is refused with a clear error, nothing of it is stored, and the first A002 keeps its row.
 * Verified to fail: with the issue written as `INSERT … ON CONFLICT (id) DO UPDATE` again (the old
 * upsert), the second A002 was answered 201 (expected 503) and its ticket.issued event was stored
 * (events 2 → 3): a second A002 handed to a person while the row still showed the first one.
 */

t.test('a ticket id issued twice is refused by the store, the first ticket is kept', async (t) => {
  const { dir, tokens } = await prepareDataDir()
  let h = await openTestHall(dir, tokens)
  const kiosk = tokens['kiosk-1'] as string
  const issue = () => h.call('issueTicket', kiosk, { body: { queueId: 'market', print: false } })
  const first = await issue()
  const second = await issue()
  t.equal(second.body.ticket.code, 'A002')
  const firstIssuedAt = second.body.ticket.issuedAt
  // A clean stop writes a snapshot; put its market counter one behind, as a broken restore would.
  await h.app.close()
  await h.hall.service.drained()
  await h.hall.service.writeSnapshot()
  await h.hall.db.close()
  const db = await Db.open(pathsFrom({}, dir).dbFile)
  const row = await db.get<{ seq: number; state: string }>(
    'SELECT seq, state FROM snapshots ORDER BY seq DESC LIMIT 1',
  )
  t.ok(row, 'the clean stop stored a snapshot')
  const state = JSON.parse(row!.state)
  t.equal(state.counters.market, 2)
  state.counters.market = 1
  await db.run('UPDATE snapshots SET state = ? WHERE seq = ?', [JSON.stringify(state), row!.seq])
  await db.close()

  h = await openTestHall(dir, tokens, { now: h.clock.now + 60_000 })
  t.teardown(() => h.close())
  const events = async () => (await h.hall.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM events'))?.n ?? -1
  const eventsBefore = await events()
  const again = await issue()
  t.equal(again.status, 503, 'the second A002 is refused')
  t.equal(again.body.code, 'STORAGE_FAILED')
  t.match(again.body.message, /号码重复.*没有保存/, 'in words: a number already stored, nothing was saved')
  t.equal(await events(), eventsBefore, 'no event of the refused issue is stored')
  const stored = await h.hall.db.all<{ id: string; issued_at: number; code: string }>(
    "SELECT id, issued_at, code FROM tickets WHERE queue_id = 'market' ORDER BY number",
  )
  t.same(
    stored,
    [
      { id: first.body.ticket.id, issued_at: first.body.ticket.issuedAt, code: 'A001' },
      { id: second.body.ticket.id, issued_at: firstIssuedAt, code: 'A002' },
    ],
    'the tickets as first issued, A002 not overwritten',
  )
  // Updates of a ticket stay updates: calling A001 changes its row in place.
  const clerk = await h.signIn('counter-1', '1001')
  const called = await h.call('callNext', clerk, { params: { windowId: '1' } })
  t.equal(called.status, 200)
  t.equal(called.body.ticket.code, 'A001')
  const a001 = await h.hall.db.get<{ status: string; called_at: number; issued_at: number }>(
    'SELECT status, called_at, issued_at FROM tickets WHERE id = ?',
    [first.body.ticket.id],
  )
  t.same(
    a001,
    { status: 'called', called_at: called.body.call.at, issued_at: first.body.ticket.issuedAt },
    'a call updates the ticket row',
  )
})
