import t from 'tap'
import { formulaSafe } from '../../src/store/case-ledger.js'

t.test('ledger cells a spreadsheet would run as formulas get a leading apostrophe', async (t) => {
  for (const cell of ['=1+1', '+8613800000000', '-2+3', '@SUM(A1)', '\tcmd', '\r=1']) {
    t.equal(formulaSafe(cell), `'${cell}`, JSON.stringify(cell))
  }
  for (const cell of ['', '张晓梅', 'A001', '2026-11-23 09:00', '1+1', "'已是文本", ' =1']) {
    t.equal(formulaSafe(cell), cell, `${JSON.stringify(cell)} stays as it is`)
  }
})
