// The write path: prepared statements in one transaction per group commit, answers built from each
// command's own committed result, and a failed commit that rejects its batch and changes nothing.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHall, emptyState, evolve, windowView } from '@hall/domain'
import sqlite3 from 'sqlite3'
import t from 'tap'
import { Db } from '../../src/store/db.js'
import { CommitFailed, Journal } from '../../src/store/journal.js'
import { eventsAfter } from '../../src/store/repos.js'
import { type Json, type TestHall, testHall } from '../helper.js'

function sqliteError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code })
}

async function countOf(h: TestHall, sql: string): Promise<number> {
  return ((await h.hall.db.get<{ n: number }>(sql))?.n as number) ?? 0
}

t.test('a group commit runs prepared statements, prepared once and reused', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'hall-db-'))
  const db = await Db.open(join(dir, 'x.sqlite'))
  t.teardown(() => db.close())
  await db.exec('CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT)')
  const committed: number[][] = []
  const journal = new Journal<number>(db, { onCommitted: (p) => committed.push(p), onFailed: () => {} })
  // Text a script would choke on or that would be code if pasted into SQL: quotes, NUL, semicolons.
  const tricky = ["it's", 'a\u0000b', "'); DROP TABLE t; --", '?', '']
  await Promise.all(
    tricky.map((b, i) =>
      journal.commit({ writes: [{ sql: 'INSERT INTO t (a, b) VALUES (?, ?)', params: [i, b] }], payload: i }),
    ),
  )
  const rows = await db.all<{ a: number; b: string }>('SELECT a, b FROM t ORDER BY a')
  t.same(
    rows.map((r) => r.b),
    tricky,
    'every value stored as given',
  )
  t.same(committed, [[0, 1, 2, 3, 4]], 'one transaction for the whole group')
  t.equal(db.preparedCount, 1, 'one statement prepared for five writes')
  await journal.commit({
    writes: [{ sql: 'INSERT INTO t (a, b) VALUES (?, ?)', params: [9, 'z'] }],
    payload: 9,
  })
  t.equal(db.preparedCount, 1, 'and reused by the next group')
  const bad = journal.commit({
    writes: [{ sql: 'INSERT INTO t (a, b) VALUES (?, ?)', params: [9, 'again'] }],
    payload: 10,
  })
  await t.rejects(bad, CommitFailed, 'a failing statement rejects its entry with CommitFailed')
  t.equal((await db.all('SELECT a FROM t')).length, 6, 'and stores nothing of it')
})

t.test('a failed transaction stores none of its writes', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'hall-db-'))
  const db = await Db.open(join(dir, 'x.sqlite'))
  t.teardown(() => db.close())
  await db.exec('CREATE TABLE t (a INTEGER PRIMARY KEY)')
  await t.rejects(
    db.runBatch([
      { sql: 'INSERT INTO t (a) VALUES (?)', params: [1] },
      { sql: 'INSERT INTO t (a) VALUES (?)', params: [1] },
    ]),
    /UNIQUE/,
  )
  t.same(await db.all('SELECT a FROM t'), [], 'the first insert was rolled back with the second')
  await db.runBatch([{ sql: 'INSERT INTO t (a) VALUES (?)', params: [2] }])
  t.same(await db.all('SELECT a FROM t'), [{ a: 2 }], 'and the connection is usable again')
})

/**
 * Replays the stored log event by event and notes, right after each event, what an answer to it
 * should have said: a ticket's people ahead when it was issued, a window's status when paused or
 * resumed.
 */
async function committedAnswers(h: TestHall) {
  const hall = createHall(emptyState('2026-11-23'))
  const ctx = { now: h.clock.now, config: h.hall.service.env.config, calendar: h.hall.service.env.calendar }
  const peopleAhead = new Map<string, number>()
  const windowStatus: string[] = []
  for await (const { event } of eventsAfter(h.hall.db, 0)) {
    evolve(hall, event)
    if (event.type === 'ticket.issued') {
      const ticket = hall.state.tickets[event.ticket.id]
      if (ticket) peopleAhead.set(ticket.id, hall.index.peopleAhead(ticket))
    }
    if (event.type === 'window.paused' || event.type === 'window.resumed') {
      windowStatus.push(windowView(hall, ctx, event.windowId)?.status ?? 'missing')
    }
  }
  return { peopleAhead, windowStatus }
}

t.test('each answer is what was committed for that command, not what came after it', async (t) => {
  const h = await testHall()
  t.teardown(() => h.close())
  const clerk = await h.signIn('counter-1', '1001')
  const kiosk = h.tokens['kiosk-1'] as string
  // Slow every commit down, so commands pile up and are committed together in groups.
  h.hall.db.injectFaults((phase) => (phase === 'commit' ? 100 : null))
  await h.call('issueTicket', kiosk, { body: { queueId: 'market', print: false } })
  const issue = () => h.call('issueTicket', kiosk, { body: { queueId: 'market', print: false } })
  const answers: { status: number; body: Json }[] = []
  for (let round = 0; round < 3; round++) {
    answers.push(
      ...(await Promise.all([
        issue(),
        h.call('callNext', clerk, { params: { windowId: '1' } }),
        issue(),
        h.call('pauseWindow', clerk, { params: { windowId: '1' }, body: { reason: '临时离开' } }),
        issue(),
        h.call('resumeWindow', clerk, { params: { windowId: '1' }, body: {} }),
        issue(),
      ])),
    )
  }
  h.hall.db.injectFaults(null)
  t.ok(h.hall.service.journalStats.largestBatch >= 4, 'commands were committed in groups')
  const expected = await committedAnswers(h)
  const tickets = answers.filter((a) => a.status === 201)
  t.equal(tickets.length, 12)
  for (const a of tickets) {
    t.equal(a.body.ticket.status, 'waiting', `${a.body.ticket.code} is answered as issued`)
    t.equal(
      a.body.peopleAhead,
      expected.peopleAhead.get(a.body.ticket.id),
      `${a.body.ticket.code}: people ahead as committed with its issue`,
    )
  }
  const windows = answers.filter((a) => a.status === 200 && 'status' in a.body && 'id' in a.body)
  t.same(
    windows.map((a) => a.body.status),
    expected.windowStatus,
    'each pause and resume answers the window as it left it, whatever followed in its group',
  )
  t.ok(windows.length >= 4, 'pauses and resumes were answered')
})

const FAULTS: [string, () => Error | ((h: TestHall) => Promise<() => Promise<void>>)][] = [
  ['disk full (SQLITE_FULL)', () => sqliteError('SQLITE_FULL', 'database or disk is full')],
  ['I/O error (SQLITE_IOERR)', () => sqliteError('SQLITE_IOERR', 'disk I/O error')],
]

for (const [name, make] of FAULTS) {
  t.test(`a failed commit (${name}) rejects its batch, restores the state and emits nothing`, async (t) => {
    const h = await testHall()
    t.teardown(() => h.close())
    const kiosk = h.tokens['kiosk-1'] as string
    await h.call('issueTicket', kiosk, { body: { queueId: 'market', print: false } })
    const before = h.hall.service.snapshot()
    const eventsBefore = await countOf(h, 'SELECT COUNT(*) AS n FROM events')
    const deltas: unknown[] = []
    h.hall.service.onDelta((d) => deltas.push(d))
    const fault = make() as Error
    h.hall.db.injectFaults((phase) => (phase === 'commit' ? fault : null))
    const failed = await Promise.all([
      h.call('issueTicket', kiosk, { body: { queueId: 'market', print: false } }),
      h.call('issueTicket', kiosk, { body: { queueId: 'public', print: false } }),
      h.call('issueTicket', kiosk, { body: { queueId: 'market', print: false } }),
    ])
    for (const answer of failed) {
      t.equal(answer.status, 503, 'every command of the batch is refused')
      t.equal(answer.body.code, 'STORAGE_FAILED')
      t.match(answer.body.message, /没有保存/, 'in words: nothing was saved')
    }
    t.same(deltas, [], 'no socket event for what was not committed')
    t.equal(await countOf(h, 'SELECT COUNT(*) AS n FROM events'), eventsBefore, 'nothing stored')
    t.same(h.hall.service.snapshot().tickets, before.tickets, 'the committed state is as before')
    t.same(
      h.hall.service.state.counters,
      before.tickets.length ? h.hall.service.view.state.counters : {},
      'the working state too',
    )
    h.hall.db.injectFaults(null)
    const next = await h.call('issueTicket', kiosk, { body: { queueId: 'market', print: false } })
    t.equal(next.status, 201)
    t.equal(next.body.ticket.code, 'A002', 'the next number is the one after the last committed')
    t.equal(deltas.length, 1, 'and its delta goes out')
  })
}

t.test(
  'a real SQLITE_FULL (page limit) and a real SQLITE_BUSY (another connection holds the lock)',
  async (t) => {
    const h = await testHall()
    t.teardown(() => h.close())
    const kiosk = h.tokens['kiosk-1'] as string
    await h.call('issueTicket', kiosk, { body: { queueId: 'market', print: false } })
    const eventsBefore = await countOf(h, 'SELECT COUNT(*) AS n FROM events')

    const pages = await h.hall.db.get<{ page_count: number }>('PRAGMA page_count')
    await h.hall.db.exec(`PRAGMA max_page_count = ${pages?.page_count}`)
    const big = await Promise.all(
      Array.from({ length: 400 }, () =>
        h.call('issueTicket', kiosk, { body: { queueId: 'market', print: false } }),
      ),
    )
    t.ok(
      big.every((a) => a.status === 503 && a.body.code === 'STORAGE_FAILED'),
      'the whole batch is refused when the disk is full',
    )
    t.match(big[0]?.body.message, /磁盘空间已满/)
    t.equal(await countOf(h, 'SELECT COUNT(*) AS n FROM events'), eventsBefore, 'nothing of it stored')
    await h.hall.db.exec('PRAGMA max_page_count = 1073741823')

    // Another process writing to the same file (what the one-writer lock prevents) makes SQLite busy.
    const other = new sqlite3.Database(h.hall.paths.dbFile)
    await new Promise<void>((resolve, reject) =>
      other.exec('BEGIN IMMEDIATE', (e) => (e ? reject(e) : resolve())),
    )
    await h.hall.db.exec('PRAGMA busy_timeout = 50')
    const busy = await h.call('issueTicket', kiosk, { body: { queueId: 'market', print: false } })
    t.equal(busy.status, 503)
    t.match(busy.body.message, /占用/)
    await new Promise<void>((resolve) => other.exec('ROLLBACK', () => other.close(() => resolve())))
    await h.hall.db.exec('PRAGMA busy_timeout = 5000')
    const after = await h.call('issueTicket', kiosk, { body: { queueId: 'market', print: false } })
    t.equal(after.body.ticket.code, 'A002', 'after both faults the next number follows the last committed')
    t.equal(await countOf(h, "SELECT COUNT(*) AS n FROM tickets WHERE code = 'A002'"), 1)
  },
)

t.test('a delta listener that throws does not un-acknowledge a commit', async (t) => {
  const h = await testHall()
  t.teardown(() => h.close())
  const seen: unknown[] = []
  h.hall.service.onDelta(() => {
    throw new Error('a broken listener')
  })
  h.hall.service.onDelta((d) => seen.push(d))
  const issued = await h.call('issueTicket', h.tokens['kiosk-1'] as string, {
    body: { queueId: 'market', print: false },
  })
  t.equal(issued.status, 201, 'the ticket is answered: it is committed')
  t.equal(seen.length, 1, 'the other listeners still get the delta')
  const again = await h.call('issueTicket', h.tokens['kiosk-1'] as string, {
    body: { queueId: 'market', print: false },
  })
  t.equal(again.body.ticket.code, 'A002', 'and the journal keeps going')
})
