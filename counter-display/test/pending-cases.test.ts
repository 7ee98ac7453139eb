import { errorCode, errorText } from '@hall/client'
import { ApiCallError, type ApiClient, type CaseView } from '@hall/protocol'
import { signal } from '@preact/signals'
import t from 'tap'
import { createPendingCases } from '../src/store/pending-cases.js'
import { finishedCase, T0 } from './support/fixtures.js'

function setup(canRead?: () => boolean) {
  let stored: CaseView[] = [
    finishedCase('BJ1', '1', T0, { caseType: 'promised', promiseDeadline: '2026-11-30' }),
    finishedCase('BJ2', '2', T0, { caseType: 'reported', promiseDeadline: '2026-11-20' }),
  ]
  const calls: string[] = []
  let refuse: Error | null = null
  const deviceApi = (async (op: string) => {
    calls.push(op)
    return stored
  }) as unknown as ApiClient
  const staffApi = (async (op: string, input: { params: { caseId: string } }) => {
    calls.push(`${op}:${input.params.caseId}`)
    if (refuse) throw refuse
    stored = stored.filter((c) => c.id !== input.params.caseId)
    return {}
  }) as unknown as ApiClient
  const expired: string[] = []
  const finished = signal(0)
  const pending = createPendingCases({
    deviceApi,
    staffApi,
    errorText,
    errorCode,
    onUnauthorized: (m) => expired.push(m),
    finished,
    everyMs: 60_000,
    ...(canRead ? { canRead } : {}),
  })
  return { pending, calls, expired, finished, refuse: (e: Error | null) => (refuse = e) }
}

const settle = () => new Promise((r) => setTimeout(r, 0))

t.test('read at start and again when a case is finished in the hall', async (t) => {
  const { pending, calls, finished } = setup()
  const stop = pending.start()
  t.teardown(stop)
  await settle()
  t.same(
    pending.list.value?.map((c) => c.id),
    ['BJ1', 'BJ2'],
  )
  finished.value = 1
  await settle()
  t.same(calls, ['listPendingCases', 'listPendingCases'])
})

t.test('nothing is asked while nobody is signed in (the server would answer 401)', async (t) => {
  let signedIn = false
  const { pending, calls, finished } = setup(() => signedIn)
  const stop = pending.start()
  t.teardown(stop)
  await settle()
  finished.value = 1
  await settle()
  t.same(calls, [], 'no request before sign-in')
  t.equal(pending.list.value, null)
  signedIn = true
  finished.value = 2
  await settle()
  t.same(calls, ['listPendingCases'])
  t.equal(pending.list.value?.length, 2)
  signedIn = false
  await pending.refresh()
  t.equal(pending.list.value, null, 'signed out: the list is not shown')
  t.same(calls, ['listPendingCases'])
})

t.test('a manager marks one done; a refusal stays by the case; an expired sign-in goes back', async (t) => {
  const { pending, expired, refuse } = setup()
  await pending.refresh()
  t.equal(await pending.complete('BJ2'), true)
  await settle()
  t.same(
    pending.list.value?.map((c) => c.id),
    ['BJ1'],
  )
  refuse(new ApiCallError('CASE_STATE', '这个办件已经办结', 409))
  t.equal(await pending.complete('BJ1'), false)
  t.same(pending.error.value, { id: 'BJ1', text: '这个办件已经办结' })
  refuse(new ApiCallError('UNAUTHORIZED', '登录已失效', 401))
  await pending.complete('BJ1')
  t.same(expired, ['登录已失效，请重新登录'])
})
