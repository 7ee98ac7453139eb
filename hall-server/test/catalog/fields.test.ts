import { DAY_UNITS, type DayUnit } from '@hall/protocol'
import t from 'tap'
import { chineseNumber } from '../../src/catalog/fields.js'
import {
  formatDays,
  formatMaterials,
  parseDays,
  parseMaterial,
  parseMaterials,
} from '../../src/catalog/index.js'

t.test('time limits as people write them, with the unit they are written in', async (t) => {
  const cases: [string, number | null, DayUnit][] = [
    ['5个工作日', 5, 'working'],
    ['5', 5, 'working'],
    [' 5 个 工作日 ', 5, 'working'],
    ['５个工作日', 5, 'working'],
    ['十五日', 15, 'day'],
    ['三十个工作日', 30, 'working'],
    ['20天内办结', 20, 'day'],
    ['60日', 60, 'day'],
    ['60个自然日', 60, 'natural'],
    ['一百二十天', 120, 'day'],
    ['20个工作日（不含公示时间）', 20, 'working'],
    ['20个工作日(不含公示时间)', 20, 'working'],
    ['即办', 0, 'working'],
    ['即办件', 0, 'working'],
    ['当场办结', 0, 'working'],
    ['当日', 0, 'working'],
    ['0', 0, 'working'],
    ['0日', 0, 'working'],
    ['', null, 'working'],
    ['无', null, 'working'],
    ['不适用', null, 'working'],
    ['—', null, 'working'],
    ['/', null, 'working'],
  ]
  for (const [text, days, unit] of cases) {
    t.strictSame(parseDays(text), { ok: true, days, unit }, JSON.stringify(text))
  }
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

t.test('time limits are written in their unit or as 即办, and read back', async (t) => {
  t.equal(formatDays(null, 'working'), '')
  t.equal(formatDays(0, 'working'), '即办')
  t.equal(formatDays(5, 'working'), '5个工作日')
  t.equal(formatDays(5, 'day'), '5日')
  t.equal(formatDays(60, 'natural'), '60个自然日')
  for (const days of [1, 5, 60, 365]) {
    for (const unit of DAY_UNITS) t.strictSame(parseDays(formatDays(days, unit)), { ok: true, days, unit })
  }
  for (const days of [null, 0]) {
    t.strictSame(parseDays(formatDays(days, 'working')), { ok: true, days, unit: 'working' })
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
  t.strictSame(parseDays('一百零五日'), { ok: true, days: 105, unit: 'day' })
})
