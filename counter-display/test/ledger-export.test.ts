import { errorCode, errorText } from '@hall/client'
import { ApiCallError, type ApiClient } from '@hall/protocol'
import t from 'tap'
import { createLedgerExport, monthRange } from '../src/store/ledger-export.js'

t.test('this month so far, or the whole of last month', async (t) => {
  t.same(monthRange('2026-11-22', 'this'), { from: '2026-11-01', to: '2026-11-22' })
  t.same(monthRange('2026-11-22', 'last'), { from: '2026-10-01', to: '2026-10-31' })
  t.same(monthRange('2026-01-05', 'last'), { from: '2025-12-01', to: '2025-12-31' })
  t.same(monthRange('2028-03-31', 'last'), { from: '2028-02-01', to: '2028-02-29' })
})

t.test(
  'downloads the CSV under a dated name; a refusal is shown, an expired sign-in goes back',
  async (t) => {
    const saved: string[] = []
    const expired: string[] = []
    let answer: Uint8Array | Error = new TextEncoder().encode('\uFEFF办件编号\r\n')
    const asked: unknown[] = []
    const api = (async (_op: string, input: unknown) => {
      asked.push(input)
      if (answer instanceof Error) throw answer
      return answer
    }) as unknown as ApiClient
    const ledger = createLedgerExport({
      api,
      errorText,
      errorCode,
      onUnauthorized: (m) => expired.push(m),
      save: (_bytes, name) => saved.push(name),
    })
    t.equal(await ledger.download('last', '2026-11-22'), true)
    t.same(asked, [{ query: { from: '2026-10-01', to: '2026-10-31' } }])
    t.same(saved, ['办件台账-2026-10-01至2026-10-31.csv'])
    t.equal(ledger.saved.value, '办件台账-2026-10-01至2026-10-31.csv')
    answer = new ApiCallError('FORBIDDEN', '无权进行此操作', 403)
    t.equal(await ledger.download('this', '2026-11-22'), false)
    t.equal(ledger.error.value, '无权进行此操作')
    answer = new ApiCallError('UNAUTHORIZED', '登录已失效', 401)
    await ledger.download('this', '2026-11-22')
    t.same(expired, ['登录已失效，请重新登录'])
  },
)
