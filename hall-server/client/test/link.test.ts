import t from 'tap'
import { connectHall, type LinkChange, retryDelay } from '../src/index.js'
import { startRealHall } from './real-hall.js'

/** The link on its own: refused tokens are retried slowly, the backoff is capped and jittered. */

t.test('a refused token says unauthorized and is tried again later', async (t) => {
  const hall = await startRealHall()
  t.teardown(() => hall.close())
  const changes: LinkChange[] = []
  let refusals = 0
  const twice = new Promise<void>((resolve, reject) => {
    setTimeout(() => reject(new Error('no second try within 10 s')), 10_000).unref()
    const link = connectHall({
      url: hall.url,
      token: 'not-enrolled',
      reconnect: { unauthorizedDelayMs: 50 },
      onChange(change) {
        changes.push(change)
        if (change.status === 'unauthorized' && ++refusals === 2) {
          link.close()
          resolve()
        }
      },
    })
  })
  await twice
  t.same(
    changes.map((c) => c.status),
    ['connecting', 'unauthorized', 'unauthorized'],
    'refused, retried, refused again; never online',
  )
})

t.test('the retry delay doubles up to its cap, within ±30 %', async (t) => {
  t.equal(
    retryDelay(0, 500, 4000, () => 0.5),
    500,
  )
  t.equal(
    retryDelay(2, 500, 4000, () => 0.5),
    2000,
  )
  t.equal(
    retryDelay(10, 500, 4000, () => 0.5),
    4000,
    'capped',
  )
  t.equal(
    retryDelay(0, 1000, 15_000, () => 0),
    700,
  )
  t.equal(
    retryDelay(0, 1000, 15_000, () => 1),
    1300,
  )
})
