import t from 'tap'
import { type CaseFormValues, defaultCaseType, finishBody } from '../src/store/case-form.js'

const base: CaseFormValues = {
  serviceItemId: 'S1',
  caseType: 'immediate',
  outcome: 'accepted',
  missing: [],
  refusalReason: '',
  promiseDays: '',
  supplementDays: '',
  continueService: false,
  guidePromisedDays: null,
  promiseDayUnit: 'working',
}

t.test('受理: the body the server expects', async (t) => {
  t.same(finishBody(base), {
    body: { serviceItemId: 'S1', caseType: 'immediate', outcome: 'accepted' },
    problems: [],
  })
  t.same(finishBody({ ...base, serviceItemId: null }).problems, ['请选择办理事项'])
})

t.test('承诺件 needs promised days, from the form or the guide', async (t) => {
  t.same(finishBody({ ...base, caseType: 'promised' }).problems, ['承诺件须填写承诺办结时限'])
  t.same(finishBody({ ...base, caseType: 'promised', guidePromisedDays: 5 }).body, {
    serviceItemId: 'S1',
    caseType: 'promised',
    outcome: 'accepted',
  })
  t.equal(finishBody({ ...base, caseType: 'promised', promiseDays: ' 7 ' }).body?.promiseDays, 7)
  t.same(finishBody({ ...base, caseType: 'promised', promiseDays: '7天' }).problems, [
    '承诺时限应为 0 到 365 之间的整数',
  ])
  t.same(
    finishBody({ ...base, caseType: 'promised', promiseDays: '30', promiseDayUnit: 'day' }).body,
    {
      serviceItemId: 'S1',
      caseType: 'promised',
      outcome: 'accepted',
      promiseDays: 30,
      promiseDayUnit: 'day',
    },
    "days typed next to the guide's 日 are sent as 日",
  )
})

t.test('补齐补正 lists every missing material once (一次性告知)', async (t) => {
  t.same(finishBody({ ...base, outcome: 'supplement' }).problems, ['补齐补正须勾选或填写需要补充的材料'])
  const { body } = finishBody({
    ...base,
    outcome: 'supplement',
    missing: [
      { name: '居民身份证', note: '原件' },
      { name: '  ', note: null },
      { name: ' 村委会证明 ', note: ' ' },
    ],
    supplementDays: '10',
  })
  t.same(body?.missingMaterials, [
    { name: '居民身份证', note: '原件' },
    { name: '村委会证明', note: null },
  ])
  t.equal(body?.supplementDays, 10)
  t.same(
    finishBody({ ...base, outcome: 'supplement', missing: [{ name: 'x', note: null }], supplementDays: '0' })
      .problems,
    ['补正期限应为 1 到 90 个工作日'],
  )
})

t.test('不予受理 needs the reason', async (t) => {
  t.same(finishBody({ ...base, outcome: 'rejected', refusalReason: '  ' }).problems, ['不予受理须填写理由'])
  const { body } = finishBody({
    ...base,
    outcome: 'rejected',
    refusalReason: ' 不属于本中心受理范围 ',
    continueService: true,
  })
  t.equal(body?.refusalReason, '不属于本中心受理范围')
  t.equal(body?.continueService, true)
  t.equal(body?.missingMaterials, undefined, 'no materials on a refusal')
})

t.test('the usual case type of a service item', async (t) => {
  t.equal(defaultCaseType({ promisedDays: 5 }), 'promised')
  t.equal(defaultCaseType({ promisedDays: 0 }), 'immediate')
  t.equal(defaultCaseType({ promisedDays: null }), 'immediate')
})
