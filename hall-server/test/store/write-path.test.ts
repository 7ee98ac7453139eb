// The write path: prepared statements in one transaction per group commit (a batch's single-row
// inserts merged into one statement per table), answers built from each command's own committed
// result, and a failed commit that rejects its batch and changes nothing.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHall, emptyState, evolve, windowView } from '@hall/domain'
import sqlite3 from 'sqlite3'
import t from 'tap'
import { Db, planBatch } from '../../src/store/db.js'
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

t.test('a batch of single-row inserts is merged into one statement per table', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'hall-db-'))
  const db = await Db.open(join(dir, 'x.sqlite'))
  t.teardown(() => db.close())
  await db.exec(`CREATE TABLE e (seq INTEGER PRIMARY KEY, data TEXT);
    CREATE TABLE k (id TEXT PRIMARY KEY, status TEXT, n INTEGER, r REAL, b BLOB);
    CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, what TEXT)`)
  const event = (seq: number) => ({
    sql: 'INSERT INTO e (seq, data) VALUES (?, ?)',
    params: [seq, `{"n":${seq}}`],
  })
  const upsert = (id: string, status: string, n: number | null = null) => ({
    sql: `INSERT INTO k (id, status, n) VALUES (?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, n = excluded.n`,
    params: [id, status, n],
  })
  const audit = (what: string) => ({ sql: 'INSERT INTO a (what) VALUES (?)', params: [what] })
  const update = { sql: "UPDATE k SET status = status || '+' WHERE id = ?", params: ['t1'] }
  const writes = [
    event(1),
    upsert('t1', 'waiting', 1),
    audit('issue'),
    event(2),
    upsert('t1', 'called', 2),
    audit('call'),
    update,
    event(3),
    upsert('t1', 'serving'),
    upsert('t2', "it's\u0000 ; --"),
    audit('serve'),
  ]
  const plan = planBatch(writes)
  t.same(
    plan.map((p) => p.sql.split(/\s+/).slice(0, 3).join(' ')),
    [
      'INSERT INTO e',
      'INSERT INTO k',
      'INSERT INTO a',
      'UPDATE k SET',
      'INSERT INTO e',
      'INSERT INTO k',
      'INSERT INTO a',
    ],
    'one statement per table on each side of the UPDATE, which stays in its place',
  )
  t.ok(
    plan.every((p) => p.sql === update.sql || p.sql.includes('json_each(?)')),
    'the merged inserts read their rows from one JSON parameter',
  )
  await db.runBatch(writes)
  t.same(
    await db.all('SELECT seq, data FROM e ORDER BY seq'),
    [1, 2, 3].map((seq) => event(seq).params).map(([seq, data]) => ({ seq, data })),
  )
  t.same(
    await db.all('SELECT id, status, n FROM k ORDER BY id'),
    [
      { id: 't1', status: 'serving', n: null },
      { id: 't2', status: "it's\u0000 ; --", n: null },
    ],
    'rows written twice end as their last write, after the UPDATE between them',
  )
  t.same(
    (await db.all<{ what: string }>('SELECT what FROM a ORDER BY id')).map((r) => r.what),
    ['issue', 'call', 'serve'],
    'rows of one table keep their order',
  )
  t.equal(db.preparedCount, 4, 'each SQL text prepared once, whether merged or not')

  // Values JSON would not carry exactly are bound as they are, in their place.
  const exact = [0.1, 5.819676666299967e175, -1.87042057498365e-143]
  const loose = planBatch([
    upsert('f1', 'x'),
    { sql: 'INSERT INTO k (id, r) VALUES (?, ?)', params: ['f2', exact[1] as number] },
    { sql: 'INSERT INTO k (id, b) VALUES (?, ?)', params: ['f3', Buffer.from([0, 255])] },
    { sql: 'INSERT INTO k (id, r) VALUES (?, ?)', params: ['f4', exact[2] as number] },
    { sql: 'INSERT INTO k (id, r) VALUES (?, ?)', params: ['f5', exact[0] as number] },
    { sql: 'INSERT INTO k (id, status) VALUES (?, ?)', params: ['f6', 'lone \ud800'] },
  ])
  t.equal(loose.filter((p) => p.sql.includes('json_each')).length, 1, 'only the plain row is merged')
  await db.runBatch([
    { sql: 'INSERT INTO k (id, r) VALUES (?, ?)', params: ['f2', exact[1] as number] },
    { sql: 'INSERT INTO k (id, b) VALUES (?, ?)', params: ['f3', Buffer.from([0, 255])] },
    { sql: 'INSERT INTO k (id, r) VALUES (?, ?)', params: ['f4', exact[2] as number] },
  ])
  const stored = await db.all<{ id: string; r: number | null; b: Buffer | null }>(
    "SELECT id, r, b FROM k WHERE id IN ('f2', 'f3', 'f4') ORDER BY id",
  )
  t.equal(stored[0]?.r, exact[1], 'a double stored to the last digit')
  t.same(stored[1]?.b, Buffer.from([0, 255]), 'a blob stored as bytes')
  t.equal(stored[2]?.r, exact[2])
})

t.test('a merged statement that fails fails its whole batch', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'hall-db-'))
  const db = await Db.open(join(dir, 'x.sqlite'))
  t.teardown(() => db.close())
  await db.exec(
    'CREATE TABLE r (case_id TEXT PRIMARY KEY, level INTEGER); CREATE TABLE e (seq INTEGER PRIMARY KEY)',
  )
  const rating = (id: string) => ({ sql: 'INSERT INTO r (case_id, level) VALUES (?, ?)', params: [id, 5] })
  await t.rejects(
    db.runBatch([
      { sql: 'INSERT INTO e (seq) VALUES (?)', params: [1] },
      rating('c1'),
      rating('c2'),
      rating('c1'),
    ]),
    /UNIQUE/,
    'a second rating of one case is refused inside the merged insert',
  )
  t.same(await db.all('SELECT * FROM r'), [], 'nothing of the batch stored')
  t.same(await db.all('SELECT * FROM e'), [])
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
