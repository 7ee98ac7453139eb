import fc from 'fast-check'
import t from 'tap'
import {
  charWidth,
  fieldLines,
  labelValueLines,
  padToWidth,
  ruleLine,
  textWidth,
  truncateToWidth,
  wrapText,
} from '../../../src/codecs/escpos/index.js'

t.test('character widths', async (t) => {
  t.equal(charWidth('A'.codePointAt(0)!), 1)
  t.equal(charWidth(' '.codePointAt(0)!), 1)
  t.equal(charWidth('中'.codePointAt(0)!), 2)
  t.equal(charWidth('！'.codePointAt(0)!), 2, 'full-width form (F)')
  t.equal(charWidth('𠀀'.codePointAt(0)!), 2, 'extension B (W), one code point')
  t.equal(charWidth(0x1b), 0)
  t.equal(charWidth(0x7f), 0)
  // Ambiguous and narrow non-ASCII: two columns on the printer, one in strict Unicode.
  t.equal(charWidth('“'.codePointAt(0)!), 2)
  t.equal(charWidth('“'.codePointAt(0)!, 'unicode'), 1)
  t.equal(charWidth('ｱ'.codePointAt(0)!, 'unicode'), 1, 'half-width katakana (H)')
  t.equal(charWidth('中'.codePointAt(0)!, 'unicode'), 2)
  t.equal(charWidth('가'.codePointAt(0)!, 'unicode'), 2, 'Hangul (W)')
})

t.test('text widths', async (t) => {
  t.equal(textWidth(''), 0)
  t.equal(textWidth('中文AB'), 6)
  t.equal(textWidth('中文AB', { widthFactor: 2 }), 12)
  t.equal(textWidth('A012', { widthFactor: 3 }), 12)
  t.equal(textWidth('“你好”'), 8)
  t.equal(textWidth('“你好”', { profile: 'unicode' }), 6)
  t.equal(textWidth('王𠀀'), 4, 'surrogate pairs count once')
  t.equal(textWidth('您前面还有 5 人等候'), 2 * 8 + 3)
})

t.test('wrapping', async (t) => {
  t.same(wrapText('中华人民共和国', 6), ['中华人', '民共和', '国'])
  t.same(wrapText('Hello world 你好', 8), ['Hello', 'world 你', '好'])
  t.same(wrapText('abc defghij', 8), ['abc', 'defghij'], 'word kept whole')
  t.same(wrapText('abcdefghijkl', 5), ['abcde', 'fghij', 'kl'], 'word wider than a line is split')
  t.same(wrapText('你好，世界', 4), ['你', '好，', '世界'], 'no line starts with ，')
  t.same(wrapText('请看（附件）', 6), ['请看', '（附', '件）'], 'no line ends with （')
  t.same(wrapText('a\nb', 10), ['a', 'b'])
  t.same(wrapText('', 10), [''])
  t.same(wrapText('中华人民', 8, { widthFactor: 2 }), ['中华', '人民'])
  t.same(wrapText('办理时间09:00-17:00', 12), ['办理时间', '09:00-17:00'])
  t.same(wrapText('a   b', 2), ['a', 'b'], 'spaces at a break disappear')
  t.same(wrapText('中', 1), ['中'], 'a character wider than the line stands alone')
  t.same(wrapText('   中文', 4), ['中文'])
})

t.test('padding and rows', async (t) => {
  t.equal(padToWidth('中', 5), '中   ')
  t.equal(padToWidth('中', 5, 'right'), '   中')
  t.equal(padToWidth('中', 5, 'center'), ' 中  ')
  t.equal(padToWidth('中文字', 4), '中文字', 'never cuts')
  t.equal(truncateToWidth('中华人民共和国', 9), '中华人...')
  t.equal(truncateToWidth('中华', 9), '中华')
  const row = labelValueLines('承诺时限', '5 个工作日', 32)
  t.same(row, ['承诺时限 ............ 5 个工作日'])
  t.equal(textWidth(row[0]!), 32)
  t.same(labelValueLines('甲', '乙', 7), ['甲   乙'], 'short gap without dots')
  const long = labelValueLines('法定办结时限', '二十个工作日（不含公示时间）', 20)
  t.same(long, ['法定办结时限', '二十个工作日（不含公', '            示时间）'])
  t.same(fieldLines('事项名称：', '个体工商户设立登记', 20), ['事项名称：个体工商户', '          设立登记'])
  t.same(fieldLines('一个很长的标签名称：', '值', 16), ['一个很长的标签名', '称：', '  值'])
  t.equal(ruleLine(5), '-----')
  t.equal(ruleLine(5, '＝'), '＝＝')
})

// Mixed strings from a pool that exercises every path: CJK, extension B, ASCII words, spaces,
// Chinese and ASCII punctuation, ambiguous-width quotes.
const piece = fc.constantFrom(
  '中',
  '文',
  '号',
  '𠀀',
  '䶮',
  'A',
  'b',
  '7',
  ' ',
  '  ',
  '，',
  '。',
  '（',
  '）',
  '“',
  '”',
  '-',
  '.',
  '(',
  ')',
  'hello',
  'https://hall.example.cn/q/A012',
)
const mixed = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''))

t.test('property: wrapped lines never exceed the column count and lose nothing', async (t) => {
  fc.assert(
    fc.property(
      mixed,
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 0, max: 60 }),
      (text, factor, extra) => {
        const columns = 2 * factor + extra
        const lines = wrapText(text, columns, { widthFactor: factor })
        for (const l of lines) if (textWidth(l, { widthFactor: factor }) > columns) return false
        return lines.join('').replace(/ /g, '') === text.replace(/ /g, '')
      },
    ),
    { numRuns: 500 },
  )
  t.pass('checked')
})

t.test('property: ASCII words that fit are never split', async (t) => {
  const word = fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
    minLength: 1,
    maxLength: 12,
  })
  fc.assert(
    fc.property(
      fc.array(word, { minLength: 1, maxLength: 20 }),
      fc.integer({ min: 12, max: 48 }),
      (words, columns) => {
        const lines = wrapText(words.join(' '), columns)
        return lines.join(' ') === words.join(' ')
      },
    ),
  )
  t.pass('checked')
})
