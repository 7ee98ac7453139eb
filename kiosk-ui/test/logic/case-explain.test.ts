import type { CaseView } from '@hall/protocol'
import t from 'tap'
import { explainCase } from '../../src/logic/case-explain.js'

const base: CaseView = {
  id: 'c1',
  ticketId: null,
  ticketCode: 'A001',
  windowId: '1',
  staffNo: '1001',
  status: 'finished',
  serviceItemId: 's1',
  serviceName: '个体工商户设立登记',
  caseType: 'promised',
  outcome: 'accepted',
  receiptNo: 'SL202611230001',
  missingMaterials: [],
  refusalReason: null,
  promiseDays: 5,
  promiseDeadline: '2026-11-30',
  supplementDeadline: null,
  applicantName: '赵*',
  openedAt: 0,
  finishedAt: 0,
  rating: null,
  ratingDeadline: null,
}

t.test('受理 with the promised deadline', async (t) => {
  const e = explainCase(base)
  t.equal(e.title, '已受理')
  t.match(e.lines.join(''), '承诺在 2026年11月30日 前办结')
})

t.test('即办件 accepted is 办结', async (t) => {
  t.equal(explainCase({ ...base, caseType: 'immediate', promiseDeadline: null }).title, '已办结')
})

t.test('补齐补正 lists what to bring', async (t) => {
  const e = explainCase({
    ...base,
    outcome: 'supplement',
    receiptNo: null,
    missingMaterials: [{ name: '户口簿（原件）', note: '全家成员页' }],
  })
  t.equal(e.title, '需要补齐材料')
  t.equal(e.tone, 'action')
  t.same(e.missing, [{ name: '户口簿（原件）', note: '全家成员页' }])
})

t.test('不予受理 with the reason', async (t) => {
  const e = explainCase({ ...base, outcome: 'rejected', refusalReason: '不属于本中心受理范围' })
  t.equal(e.title, '不予受理')
  t.match(e.lines[0], '不属于本中心受理范围')
})

t.test('an open case is being handled', async (t) => {
  t.equal(explainCase({ ...base, status: 'open', outcome: null }).title, '正在办理')
})

t.test('a promised case marked done (办结) says so', (t) => {
  const done = explainCase({ ...base, completedAt: Date.parse('2026-11-27T10:00:00+08:00') })
  t.equal(done.title, '已办结')
  t.match(done.lines[0], /2026/)
  t.end()
})
