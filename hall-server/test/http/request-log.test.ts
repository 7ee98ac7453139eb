import { Writable } from 'node:stream'
import t from 'tap'
import { buildApp } from '../../src/http/app.js'
import { testHall } from '../helper.js'

t.test('the request log: ordinary answers at debug, refusals at info, one line each, no query', async (t) => {
  const h = await testHall()
  t.teardown(() => h.close())
  const lines: { level: number; msg: string; url?: string; statusCode?: number }[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const text of String(chunk).split('\n')) if (text) lines.push(JSON.parse(text))
      done()
    },
  })
  const app = await buildApp(h.hall, { logger: { level: 'debug', stream } })
  t.teardown(() => app.close())
  const kiosk = { authorization: `Bearer ${h.tokens['kiosk-1']}` }
  t.equal((await app.inject({ method: 'GET', url: '/api/queues', headers: kiosk })).statusCode, 200)
  t.equal((await app.inject({ method: 'GET', url: '/api/queues?token=secret' })).statusCode, 401)
  const requests = lines.filter((l) => l.msg === 'request')
  t.same(
    requests.map((l) => [l.level, l.url, l.statusCode]),
    [
      [20, '/api/queues', 200],
      [30, '/api/queues', 401],
    ],
    'one line per request: a 200 at debug (20), a 401 at info (30), the path without its query',
  )
  t.notOk(
    lines.some((l) => JSON.stringify(l).includes('secret')),
    'the query string is not logged',
  )
  t.equal(lines.filter((l) => l.msg === 'incoming request' || l.msg === 'request completed').length, 0)
})
