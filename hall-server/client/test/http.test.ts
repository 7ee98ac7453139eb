import { ERRORS } from '@hall/protocol'
import t from 'tap'
import { ApiCallError, errorCode, errorText, hallApi } from '../src/index.js'
import { startRealHall } from './real-hall.js'

/** HTTP calls against a real hall server: refusals become typed errors with the server's words. */

t.test('a refusal is an ApiCallError with the server’s code and Chinese message', async (t) => {
  const hall = await startRealHall()
  t.teardown(() => hall.close())
  const kiosk = hallApi({ baseUrl: hall.url, token: () => hall.tokens['kiosk-1']! })
  const body = { queueId: 'no-such-queue', print: false }
  const raw = await fetch(`${hall.url}/api/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${hall.tokens['kiosk-1']}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const sent = (await raw.json()) as { code: string; message: string }

  const error = await kiosk('issueTicket', { body }).catch((e: unknown) => e)
  t.ok(error instanceof ApiCallError)
  t.equal(errorCode(error), 'QUEUE_NOT_FOUND')
  t.equal(errorCode(error), sent.code)
  t.equal((error as ApiCallError).status, raw.status)
  t.equal(errorText(error), sent.message, 'the message the server sent')
  t.match(errorText(error), /[\u4e00-\u9fff]/, 'in Chinese')

  const stranger = hallApi({ baseUrl: hall.url, token: () => 'not-a-token' })
  const refused = await stranger('whoAmI').catch((e: unknown) => e)
  t.equal(errorCode(refused), 'UNAUTHORIZED')
  t.equal(errorText(refused), ERRORS.UNAUTHORIZED.message)
})

t.test('validation details are shown with the message, or left out where asked', async (t) => {
  const hall = await startRealHall()
  t.teardown(() => hall.close())
  const kiosk = hallApi({ baseUrl: hall.url, token: () => hall.tokens['kiosk-1']! })
  const bad = { queueId: 'x'.repeat(100) }
  const error = await kiosk('issueTicket', { body: bad }).catch((e: unknown) => e)
  t.equal(errorCode(error), 'VALIDATION')
  const details = (error as ApiCallError).details
  t.match(details, [/queueId/], 'the server said what was wrong')
  t.equal(errorText(error), `${ERRORS.VALIDATION.message}（${details.join('；')}）`)
  t.equal(errorText(error, { details: false }), ERRORS.VALIDATION.message)
})

t.test('an unreachable server is OFFLINE; anything else is the fallback sentence', async (t) => {
  const hall = await startRealHall()
  const api = hallApi({ baseUrl: hall.url, token: () => hall.tokens['kiosk-1']! })
  t.ok(await api('whoAmI'))
  await hall.close()
  const error = await api('whoAmI').catch((e: unknown) => e)
  t.equal(errorCode(error), 'OFFLINE')
  t.equal(errorText(error), ERRORS.OFFLINE.message)

  t.equal(errorCode(new Error('bug')), null)
  t.equal(errorText(new Error('bug')), ERRORS.INTERNAL.message)
  t.equal(errorText(new Error('bug'), { fallback: '请稍后再试' }), '请稍后再试')
})
