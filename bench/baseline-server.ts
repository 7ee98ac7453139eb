import Fastify from 'fastify'
import { Db } from '../hall-server/src/store/db.js'

/**
 * The baseline for bench/tickets.ts: a bare Fastify route that inserts one row into SQLite (WAL,
 * the same synchronous setting) per request and answers after the insert. No domain, no auth, no
 * validation, no batching.
 */

const [file, synchronous] = process.argv.slice(2) as [string, 'FULL' | 'NORMAL']
const db = await Db.open(file, { synchronous })
await db.exec(
  'CREATE TABLE IF NOT EXISTS tickets (id INTEGER PRIMARY KEY, queue TEXT NOT NULL, at INTEGER NOT NULL)',
)
const app = Fastify()
app.post('/tickets', async (request) => {
  const body = request.body as { queueId: string }
  const { lastID } = await db.run('INSERT INTO tickets (queue, at) VALUES (?, ?)', [body.queueId, Date.now()])
  return { id: lastID }
})
const url = await app.listen({ host: '127.0.0.1', port: 0 })
process.stdout.write(`READY ${url}\n`)
