import { errorCode, errorText } from '@hall/client'
import { ApiCallError, type ApiClient, type HallSnapshot } from '@hall/protocol'
import { signal } from '@preact/signals'
import t from 'tap'
import { createPadFlow, pendingRating } from '../src/store/pad-flow.js'
import { finishedCase, snapshot, T0 } from './support/fixtures.js'

t.test('the case to rate: this window’s, finished, unrated, before its deadline, the latest', async (t) => {
  const cases = [
    finishedCase('old', '1', T0 - 30_000),
    finishedCase('new', '1', T0 - 10_000),
    finishedCase('other-window', '2', T0),
    finishedCase('rated', '1', T0, { rating: 'satisfied' }),
    finishedCase('expired', '1', T0 - 200_000),
    finishedCase('open', '1', T0, { status: 'open', finishedAt: null, ratingDeadline: null }),
  ]
  t.equal(pendingRating(snapshot({ cases }), '1', T0)?.id, 'new')
  t.equal(pendingRating(snapshot({ cases }), '3', T0), null)
  t.equal(pendingRating(null, '1', T0), null)
})

function setup(answer: (op: string, input: unknown) => Promise<unknown>) {
  const calls: { op: string; input: unknown }[] = []
  const api = (async (op: string, input: unknown) => {
    calls.push({ op, input })
    return answer(op, input)
  }) as unknown as ApiClient
  const snap = signal<HallSnapshot | null>(snapshot({ cases: [finishedCase('BJ1', '1', T0)] }))
  const now = signal(T0 + 1000)
  const flow = createPadFlow({
    api,
    snapshot: snap,
    now,
    windowId: () => '1',
    errorText,
    errorCode,
    thanksMs: 5000,
  })
  return { flow, calls, snap, now }
}

t.test('a good rating is sent at once, then thanks, then the staff card', async (t) => {
  const { flow, calls, now, snap } = setup(async () => ({}))
  t.equal(flow.screen.value.kind, 'levels')
  await flow.chooseLevel('very_satisfied')
  t.same(calls, [
    { op: 'submitRating', input: { params: { caseId: 'BJ1' }, body: { level: 'very_satisfied' } } },
  ])
  t.same(flow.screen.value, { kind: 'thanks', bad: false })
  now.value = T0 + 7000
  t.equal(flow.screen.value.kind, 'card', 'back to the card even before the delta removes the case')
  snap.value = snapshot({ cases: [] })
  t.equal(flow.screen.value.kind, 'card')
})

t.test('a bad rating needs at least one reason', async (t) => {
  const { flow, calls } = setup(async () => ({}))
  await flow.chooseLevel('very_dissatisfied')
  t.equal(flow.screen.value.kind, 'reasons')
  t.equal(calls.length, 0)
  await flow.submitReasons()
  t.equal(flow.error.value, '请至少选择一项不满意的原因')
  t.equal(calls.length, 0)
  flow.toggleReason('attitude')
  flow.toggleReason('wait')
  flow.toggleReason('attitude')
  flow.toggleReason('slow')
  await flow.submitReasons()
  t.same(calls[0]?.input, {
    params: { caseId: 'BJ1' },
    body: { level: 'very_dissatisfied', reasons: ['wait', 'slow'] },
  })
  t.same(flow.screen.value, { kind: 'thanks', bad: true })
})

t.test(
  'back to the levels; a refusal after which there is nothing to rate shows it, then the card',
  async (t) => {
    const { flow, now } = setup(async () => {
      throw new ApiCallError('RATING_EXPIRED', '评价时间已过', 409)
    })
    await flow.chooseLevel('dissatisfied')
    flow.back()
    t.equal(flow.screen.value.kind, 'levels')
    await flow.chooseLevel('satisfied')
    t.same(flow.screen.value, { kind: 'notice', text: '评价时间已过' })
    now.value = T0 + 10_000
    t.equal(flow.screen.value.kind, 'card')
  },
)

t.test('an unreachable server keeps the choice and says so', async (t) => {
  const { flow } = setup(async () => {
    throw new ApiCallError('OFFLINE', '暂时连不上大厅服务器，请稍候', 0)
  })
  await flow.chooseLevel('satisfied')
  t.equal(flow.screen.value.kind, 'levels')
  t.equal(flow.error.value, '暂时连不上大厅服务器，请稍候')
})

t.test('when the deadline passes, the pad returns to the card', async (t) => {
  const { flow, now } = setup(async () => ({}))
  t.equal(flow.screen.value.kind, 'levels')
  now.value = T0 + 121_000
  t.equal(flow.screen.value.kind, 'card')
})
