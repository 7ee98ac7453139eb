// Layout snapshots: exact bytes as a hex dump in test/fixtures/escpos/*.hex, and the readable
// printout in *.txt for review. Regenerate both with UPDATE_FIXTURES=1 after an intended change,
// then read the .txt diff. Properties are also asserted through the tokenizer, independently of
// the snapshots.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import fc from 'fast-check'
import t, { type Test } from 'tap'
import {
  guideLayout,
  hexDump,
  layoutTokens,
  noticeLayout,
  type PaperWidth,
  parseHexDump,
  receiptLayout,
  refusalLayout,
  renderPlainText,
  type TicketPrint,
  ticketLayout,
  toHex,
  tokenize,
} from '../../../src/codecs/escpos/index.js'
import { sampleGuide, sampleNotice, sampleReceipt, sampleRefusal, sampleTicket } from './samples.js'

const fixtures = new URL('../../fixtures/escpos/', import.meta.url)
const update = process.env['UPDATE_FIXTURES'] === '1'

function snapshot(t: Test, name: string, bytes: Uint8Array, paper: PaperWidth): void {
  const hexFile = new URL(`${name}.hex`, fixtures)
  const txtFile = new URL(`${name}.txt`, fixtures)
  const dump = hexDump(bytes)
  const text = `${renderPlainText(bytes, { paper })}\n`
  if (update) {
    mkdirSync(fixtures, { recursive: true })
    writeFileSync(hexFile, dump)
    writeFileSync(txtFile, text)
  }
  if (!existsSync(hexFile)) {
    t.fail(`missing fixture ${name}.hex: run with UPDATE_FIXTURES=1 and review it`)
    return
  }
  const expected = readFileSync(hexFile, 'utf8')
  t.equal(dump, expected, `${name}: bytes match the stored hex dump`)
  t.equal(toHex(parseHexDump(expected)), toHex(bytes), `${name}: hex dump parses back to the bytes`)
  t.equal(text, readFileSync(txtFile, 'utf8'), `${name}: readable printout matches`)
}

// Printed text with line breaks and indentation removed, so wrapped phrases can be searched.
const flat = (bytes: Uint8Array, paper: PaperWidth = '80mm'): string =>
  renderPlainText(bytes, { paper }).replace(/[\s\u3000]/g, '')

function checkWellFormed(t: Test, bytes: Uint8Array, paper: PaperWidth): void {
  const doc = layoutTokens(bytes, { paper })
  t.equal(doc.overflows, 0, 'no line is wider than the paper')
  t.same(doc.unknown, [], 'no unknown commands')
  t.same(Array.from(bytes.subarray(0, 4)), [0x1b, 0x40, 0x1c, 0x26], 'starts with ESC @ FS &')
  t.equal(toHex(bytes.subarray(-4)), '1d 56 42 00', 'ends with a partial cut')
  t.equal(doc.blocks.at(-1)?.kind, 'cut')
}

t.test('ticket', async (t) => {
  for (const paper of ['80mm', '58mm'] as const) {
    const bytes = ticketLayout(sampleTicket, { paper })
    snapshot(t, `ticket-${paper}`, bytes, paper)
    checkWellFormed(t, bytes, paper)
    const text = flat(bytes, paper)
    for (const s of [
      '杭州市西湖区政务服务中心',
      'A012',
      '综合受理',
      '【老年人优先】',
      '申请人：王*䶮',
      '您前面还有5人等候',
    ]) {
      t.ok(text.includes(s), `contains ${s}`)
    }
    for (const s of ['预计等候约15分钟', '取号时间：2026-11-2209:31', `[QR:${sampleTicket.qrContent}]`]) {
      t.ok(text.includes(s), `contains ${s}`)
    }
    t.ok(text.includes(sampleTicket.hint.replace(/\s/g, '')), 'contains the hint')
    const big = tokenize(bytes).find((tk) => tk.type === 'text' && tk.text === 'A012')
    t.match(
      big,
      { style: { width: 3, height: 3, bold: true, align: 'center', chinese: true } },
      'number at 3x3',
    )
  }
  const bare = ticketLayout({
    ...sampleTicket,
    priorityLabel: null,
    applicantName: null,
    estimatedWaitMinutes: null,
  })
  t.notOk(flat(bare).includes('预计'), 'no estimate line without an estimate')
  t.notOk(flat(bare).includes('申请人'))
  t.ok(flat(ticketLayout({ ...sampleTicket, estimatedWaitMinutes: 0 })).includes('预计很快就会叫到您'))
  const long = ticketLayout({ ...sampleTicket, code: 'VIP0000012' }, { paper: '58mm' })
  t.equal(layoutTokens(long, { paper: '58mm' }).overflows, 0, 'a long code drops to 2x on 58 mm')
  t.ok(
    toHex(ticketLayout({ ...sampleTicket, applicantName: '王𠀀' })).includes('cd f5 95 32 82 36'),
    '4-byte GB18030 name',
  )
})

t.test('receipt', async (t) => {
  const bytes = receiptLayout(sampleReceipt)
  snapshot(t, 'receipt-80mm', bytes, '80mm')
  checkWellFormed(t, bytes, '80mm')
  const text = flat(bytes)
  for (const s of [
    '受理凭证',
    '凭证编号：SL202611220031',
    '办件编号：XH20261122000123',
    '事项名称：个体工商户设立登记（含名称自主申报、营业执照发放）',
    '申请人：张*三',
    '办件类型：承诺件',
    '受理时间：2026-11-2209:45',
    '承诺办结：2026-11-27',
    '受理窗口：3号窗口',
    '受理人员：李四（工号：0317）',
    `[QR:${sampleReceipt.qrContent}]`,
    '咨询电话：0571-12345',
  ]) {
    t.ok(text.includes(s), `contains ${s}`)
  }
  const instant = flat(
    receiptLayout({ ...sampleReceipt, caseTypeLabel: '即办件', promiseDeadline: null, consultPhone: null }),
  )
  t.notOk(instant.includes('承诺办结'))
  t.notOk(instant.includes('咨询电话'))
  checkWellFormed(t, receiptLayout(sampleReceipt, { paper: '58mm' }), '58mm')
})

t.test('notice (一次性告知单)', async (t) => {
  for (const paper of ['80mm', '58mm'] as const) {
    const bytes = noticeLayout(sampleNotice, { paper })
    snapshot(t, `notice-${paper}`, bytes, paper)
    checkWellFormed(t, bytes, paper)
    const text = flat(bytes, paper)
    t.ok(text.includes('一次性告知单'))
    t.ok(text.includes('补齐补正材料通知书'))
    sampleNotice.missingMaterials.forEach((m, i) => {
      t.ok(text.includes(`${i + 1}.${m.name}`), `material ${i + 1} numbered`)
      if (m.note) t.ok(text.includes(m.note), `note ${i + 1}`)
    })
    t.ok(text.includes('（共3项）'))
    t.ok(text.includes('本告知单为一次性书面告知'), 'one-time statement')
    t.ok(text.includes('行政许可法》第三十二条'))
    t.ok(text.includes('请于2026-12-06前补齐补正'))
    for (const s of [
      '经办人签字：____',
      '申请人签收：____',
      '签收日期：____',
      '经办人：李四（工号：0317）',
    ]) {
      t.ok(text.includes(s), `contains ${s}`)
    }
  }
  const many = {
    ...sampleNotice,
    missingMaterials: Array.from({ length: 12 }, (_, i) => ({ name: `材料${i + 1}号`, note: null })),
    supplementDeadline: null,
  }
  const text = flat(noticeLayout(many))
  for (let i = 1; i <= 12; i++) t.ok(text.includes(`${i}.材料${i}号`), `item ${i} of 12`)
  t.notOk(text.includes('请于'))
})

t.test('refusal (不予受理通知书)', async (t) => {
  const bytes = refusalLayout(sampleRefusal)
  snapshot(t, 'refusal-80mm', bytes, '80mm')
  checkWellFormed(t, bytes, '80mm')
  const text = flat(bytes)
  for (const s of [
    '不予受理通知书',
    '办件编号：XH20261122000125',
    '赵*𠀀：',
    '“食品经营许可（新办）”',
    sampleRefusal.reason,
    '六十日内依法申请行政复议',
    '六个月内依法向人民法院提起行政诉讼',
    '经办人：王五（工号：0521）',
    '申请人签收：',
  ]) {
    t.ok(text.includes(s), `contains ${s}`)
  }
})

t.test('guide and material list', async (t) => {
  const bytes = guideLayout(sampleGuide)
  snapshot(t, 'guide-80mm', bytes, '80mm')
  checkWellFormed(t, bytes, '80mm')
  const text = flat(bytes)
  for (const s of [
    '办事指南',
    '居民身份证换领',
    '法定办结时限',
    '60日',
    '15个工作日',
    '20元（工本费）',
    '【办理流程】',
  ]) {
    t.ok(text.includes(s), `contains ${s}`)
  }
  sampleGuide.materials.forEach((m, i) => {
    t.ok(text.includes(`${i + 1}.${m.name}（${m.required ? '必须' : '非必须'}）`), `material ${i + 1}`)
  })
  t.ok(text.includes('备注：可在窗口现场拍摄'))
  const list = guideLayout({ ...sampleGuide, materialsOnly: true }, { paper: '58mm' })
  snapshot(t, 'materials-58mm', list, '58mm')
  checkWellFormed(t, list, '58mm')
  const lt = flat(list, '58mm')
  t.ok(lt.includes('申请材料清单'))
  t.notOk(lt.includes('办理流程'))
  t.notOk(lt.includes('实施部门'))
  t.ok(lt.includes('3.符合标准的数码照片回执（非必须）'))
  t.ok(flat(guideLayout({ ...sampleGuide, promisedDays: 0 })).includes('即办（当场办结）'))
  t.ok(flat(guideLayout({ ...sampleGuide, materials: [] })).includes('本事项无需提交申请材料'))
})

const cjk = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)),
    fc.integer({ min: 0x20000, max: 0x2a6df }).map((c) => String.fromCodePoint(c)),
    fc.constantFrom('A', '1', ' ', '（', '）', '，', '-', '*'),
  ),
  minLength: 1,
  maxLength: 40,
})

t.test('property: random tickets are well formed on both papers', async (t) => {
  const ticket: fc.Arbitrary<TicketPrint> = fc.record({
    hallName: cjk,
    code: fc.stringMatching(/^[A-Z]\d{3,4}$/),
    queueName: cjk,
    peopleAhead: fc.nat(500),
    estimatedWaitMinutes: fc.option(fc.nat(600)),
    issuedAt: fc.constant('2026-11-22 09:31'),
    priorityLabel: fc.option(cjk),
    applicantName: fc.option(cjk),
    qrContent: fc.webUrl(),
    hint: cjk,
  })
  fc.assert(
    fc.property(ticket, fc.constantFrom<PaperWidth>('80mm', '58mm'), (tk, paper) => {
      const bytes = ticketLayout(tk, { paper })
      const doc = layoutTokens(bytes, { paper })
      const text = flat(bytes, paper)
      return (
        doc.overflows === 0 &&
        doc.unknown.length === 0 &&
        text.includes(tk.code) &&
        text.includes(tk.queueName.replace(/\s/g, '')) &&
        text.includes(`您前面还有${tk.peopleAhead}人等候`)
      )
    }),
    { numRuns: 150 },
  )
  t.pass('checked')
})

t.test('property: every missing material is printed, numbered, whatever its length', async (t) => {
  const materials = fc.array(fc.record({ name: cjk, note: fc.option(cjk) }), { minLength: 1, maxLength: 15 })
  fc.assert(
    fc.property(materials, fc.constantFrom<PaperWidth>('80mm', '58mm'), (missingMaterials, paper) => {
      const bytes = noticeLayout({ ...sampleNotice, missingMaterials }, { paper })
      const text = flat(bytes, paper)
      return (
        layoutTokens(bytes, { paper }).overflows === 0 &&
        missingMaterials.every((m, i) => text.includes(`${i + 1}.${m.name.replace(/\s/g, '')}`))
      )
    }),
    { numRuns: 100 },
  )
  t.pass('checked')
})
