import t from 'tap'
import { chineseNumber } from '../../src/catalog/fields.js'
import {
  formatDays,
  formatMaterials,
  parseDays,
  parseMaterial,
  parseMaterials,
} from '../../src/catalog/index.js'

t.test('time limits as people write them', async (t) => {
  const cases: [string, number | null][] = [
    ['5个工作日', 5],
    ['5', 5],
    [' 5 个 工作日 ', 5],
    ['５个工作日', 5],
    ['十五日', 15],
    ['三十个工作日', 30],
    ['20天内办结', 20],
    ['60日', 60],
    ['一百二十天', 120],
    ['20个工作日（不含公示时间）', 20],
    ['20个工作日(不含公示时间)', 20],
    ['即办', 0],
    ['即办件', 0],
    ['当场办结', 0],
    ['当日', 0],
    ['0', 0],
    ['', null],
    ['无', null],
    ['不适用', null],
    ['—', null],
    ['/', null],
  ]
  for (const [text, days] of cases) t.strictSame(parseDays(text), { ok: true, days }, JSON.stringify(text))
  for (const text of ['五个半工作日', '1个月', 'abc', '5-10个工作日', '-3']) {
    t.strictSame(parseDays(text), { ok: false }, JSON.stringify(text))
  }
})

t.test('Chinese numbers', async (t) => {
  t.equal(chineseNumber('五'), 5)
  t.equal(chineseNumber('十'), 10)
  t.equal(chineseNumber('十五'), 15)
  t.equal(chineseNumber('二十'), 20)
  t.equal(chineseNumber('两百'), 200)
  t.equal(chineseNumber('一百零五'), 105)
  t.equal(chineseNumber('一百二十'), 120)
  t.equal(chineseNumber('42'), 42)
  t.equal(chineseNumber(''), null)
  t.equal(chineseNumber('十十'), null)
})

t.test('time limits are written as working days or 即办, and read back', async (t) => {
  t.equal(formatDays(null), '')
  t.equal(formatDays(0), '即办')
  t.equal(formatDays(5), '5个工作日')
  t.equal(formatDays(5, '日'), '5日')
  for (const days of [null, 0, 1, 5, 60, 365]) {
    t.strictSame(parseDays(formatDays(days)), { ok: true, days })
  }
})

t.test('one material: copies, optional marks, notes and numbering', async (t) => {
  t.strictSame(parseMaterial('居民身份证（原件1份）'), {
    name: '居民身份证',
    required: true,
    copies: '原件1份',
    note: null,
  })
  t.strictSame(parseMaterial('户口簿（原件及复印件）（如有）'), {
    name: '户口簿',
    required: false,
    copies: '原件及复印件',
    note: null,
  })
  t.strictSame(parseMaterial('1. 授权委托书（原件）（委托办理时提供）（可选）'), {
    name: '授权委托书',
    required: false,
    copies: '原件',
    note: '委托办理时提供',
  })
  t.strictSame(parseMaterial('（2）近期免冠照片（2张）'), {
    name: '近期免冠照片',
    required: true,
    copies: '2张',
    note: null,
  })
  t.strictSame(parseMaterial('①结婚证, 非必须'), {
    name: '结婚证',
    required: false,
    copies: null,
    note: null,
  })
  t.strictSame(parseMaterial('村（居）委会证明(村委会出具)'), {
    name: '村（居）委会证明',
    required: true,
    copies: null,
    note: '村委会出具',
  })
  t.strictSame(parseMaterial('（可选）'), { name: '（可选）', required: true, copies: null, note: null })
})

t.test('material lists split at semicolons and line breaks outside brackets', async (t) => {
  const materials = parseMaterials(
    '居民身份证（原件）；户口簿（首页及本人页；复印件亦可）;结婚证\n\n 1、出生医学证明（复印件） ',
  )
  t.strictSame(
    materials.map((material) => material.name),
    ['居民身份证', '户口簿', '结婚证', '出生医学证明'],
  )
  t.equal(materials[1]?.note, '首页及本人页；复印件亦可', 'a semicolon inside brackets does not split')
  t.strictSame(parseMaterials(''), [])
  t.strictSame(parseMaterials(' ；； '), [])
})

t.test('formatted materials read back to the same materials', async (t) => {
  const materials = [
    { name: '居民身份证', required: true, copies: '原件', note: null },
    { name: '授权委托书', required: false, copies: '原件', note: '委托办理时提供' },
    { name: '申请书', required: true, copies: null, note: '写明时间、地点和人数' },
    { name: '残疾人证', required: false, copies: null, note: null },
  ]
  const text = formatMaterials(materials)
  t.equal(
    text,
    '居民身份证（原件）；授权委托书（原件）（委托办理时提供）（可选）；申请书（写明时间、地点和人数）；残疾人证（可选）',
  )
  t.strictSame(parseMaterials(text), materials)
})

t.test('零 is only the filler after 百', async (t) => {
  t.equal(chineseNumber('一百零五'), 105)
  t.equal(chineseNumber('两百〇八'), 208)
  t.equal(chineseNumber('零'), 0)
  t.equal(chineseNumber('一百零'), null)
  t.equal(chineseNumber('一百零十'), null)
  t.equal(chineseNumber('零五'), null)
  t.equal(chineseNumber('二十零'), null)
  t.strictSame(parseDays('一百零五日'), { ok: true, days: 105 })
})
