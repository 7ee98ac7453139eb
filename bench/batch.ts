import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import sqlite3 from 'sqlite3'
import { planBatch, type SqlValue } from '../hall-server/src/store/db.js'

/**
 * One group commit's write path alone, without HTTP or the domain: a batch of N ticket commands
 * (an event row and a 20-column ticket upsert each) run in BEGIN IMMEDIATE … COMMIT three ways, each
 * statement awaited before the next:
 *
 * - one-by-one: every write its own prepared statement run (the write path of 8c7363c);
 * - json_each: the writes merged by `planBatch`, one statement per table with the rows as one JSON
 *   parameter (the write path now);
 * - multi-row VALUES: one `INSERT … VALUES (?, …), (?, …) …` per table, prepared per row count.
 *
 * Reported per batch size: batches per second, rows per second, and the main thread's CPU time per
 * batch (event-loop active time: what the hall server's requests compete with). synchronous=OFF by default, so the fsync
 * (the same for all three) does not drown the difference.
 *
 *   node --import tsx bench/batch.ts [--sizes 1,10,100,500] [--seconds 3] [--synchronous OFF|NORMAL|FULL]
 */

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,10,100,500' },
    seconds: { type: 'string', default: '3' },
    synchronous: { type: 'string', default: 'OFF' },
  },
})
const sizes = values.sizes.split(',').map(Number)
const seconds = Number(values.seconds)
const synchronous = ['OFF', 'NORMAL', 'FULL'].includes(values.synchronous) ? values.synchronous : 'OFF'

const EVENT_SQL = 'INSERT INTO events (seq, at, type, actor, v, data) VALUES (?, ?, ?, ?, ?, ?)'
const TICKET_COLUMNS = Array.from({ length: 20 }, (_, i) => `c${i}`)
const TICKET_SQL = `INSERT INTO tickets (id, ${TICKET_COLUMNS.slice(1).join(', ')}) VALUES (${TICKET_COLUMNS.map(() => '?').join(', ')})
  ON CONFLICT (id) DO UPDATE SET ${TICKET_COLUMNS.slice(1)
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')}`

interface Write {
  sql: string
  params: SqlValue[]
}

let seq = 0
function commands(n: number): Write[] {
  const writes: Write[] = []
  for (let i = 0; i < n; i++) {
    seq++
    const id = `t-${seq}`
    writes.push({
      sql: EVENT_SQL,
      params: [
        seq,
        Date.now(),
        'ticket.issued',
        'kiosk-1',
        1,
        JSON.stringify({
          ticket: { id, queueId: 'public', number: seq, code: `A${seq}`, status: 'waiting' },
        }),
      ],
    })
    writes.push({
      sql: TICKET_SQL,
      params: [
        id,
        ...TICKET_COLUMNS.slice(1).map((c, j) =>
          j % 3 === 0 ? null : j % 3 === 1 ? seq + j : `${c}-${seq}`,
        ),
      ],
    })
  }
  return writes
}

/** Multi-row VALUES: one statement per table and row count (the rows of a table in order). */
function multiRow(writes: Write[]): Write[] {
  const byText = new Map<string, SqlValue[][]>()
  for (const w of writes) {
    const rows = byText.get(w.sql) ?? []
    byText.set(w.sql, rows)
    rows.push(w.params)
  }
  return [...byText].map(([sql, rows]) => {
    const match = /^(.*?VALUES\s*)(\([^)]*\))(.*)$/s.exec(sql) as RegExpExecArray
    return {
      sql: `${match[1]}${Array.from({ length: rows.length }, () => match[2]).join(', ')}${match[3]}`,
      params: rows.flat(),
    }
  })
}

const dir = await mkdtemp(join(tmpdir(), 'hall-batch-'))
const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
  const db = new sqlite3.Database(join(dir, 'x.sqlite'), (err) => (err ? reject(err) : resolve(db)))
})
const exec = (sql: string) =>
  new Promise<void>((resolve, reject) => raw.exec(sql, (err) => (err ? reject(err) : resolve())))
const statements = new Map<string, Promise<sqlite3.Statement>>()
const prepared = (sql: string) => {
  let s = statements.get(sql)
  if (!s) {
    s = new Promise((resolve, reject) => {
      const st = raw.prepare(sql, (err) => (err ? reject(err) : resolve(st)))
    })
    statements.set(sql, s)
  }
  return s
}
const run = async (w: Write) => {
  const st = await prepared(w.sql)
  await new Promise<void>((resolve, reject) =>
    st.run(w.params, (err: Error | null) => (err ? reject(err) : resolve())),
  )
}

try {
  await exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${synchronous};
    CREATE TABLE events (seq INTEGER PRIMARY KEY, at INTEGER, type TEXT, actor TEXT, v INTEGER, data TEXT);
    CREATE TABLE tickets (id TEXT PRIMARY KEY, ${TICKET_COLUMNS.slice(1).join(', ')})`)
  const ways: [string, (w: Write[]) => Write[]][] = [
    ['one-by-one', (w) => w],
    ['json_each', (w) => planBatch(w)],
    ['multi-row VALUES', multiRow],
  ]
  process.stdout.write(
    `one group commit of N ticket commands (2 writes each), synchronous=${synchronous}, ${seconds} s per cell, node ${process.version}\n`,
  )
  for (const size of sizes) {
    for (const [name, plan] of ways) {
      // Warm-up: statements prepared, JIT.
      for (let i = 0; i < 20; i++) {
        await exec('BEGIN IMMEDIATE')
        for (const w of plan(commands(size))) await run(w)
        await exec('COMMIT')
      }
      let batches = 0
      const loop = performance.eventLoopUtilization()
      const start = performance.now()
      while (performance.now() - start < seconds * 1000) {
        await exec('BEGIN IMMEDIATE')
        for (const w of plan(commands(size))) await run(w)
        await exec('COMMIT')
        batches++
      }
      const elapsed = (performance.now() - start) / 1000
      const busy = performance.eventLoopUtilization(loop).active
      process.stdout.write(
        `N=${String(size).padEnd(5)} ${name.padEnd(17)} ${(batches / elapsed).toFixed(0).padStart(6)} batches/s ${((batches * size) / elapsed).toFixed(0).padStart(8)} commands/s  main thread busy ${((busy / batches) * 1000).toFixed(0).padStart(6)} µs/batch\n`,
      )
    }
  }
} finally {
  for (const s of statements.values())
    await new Promise<void>((resolve) => s.then((st) => st.finalize(() => resolve())))
  await new Promise<void>((resolve) => raw.close(() => resolve()))
  await rm(dir, { recursive: true, force: true })
}
