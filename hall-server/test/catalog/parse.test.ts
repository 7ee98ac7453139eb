import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import t from 'tap'
import {
  DEMO_CATALOG_FILE,
  decodeCatalogBytes,
  detectFormat,
  parseCatalog,
  readCatalogFile,
} from '../../src/catalog/index.js'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/catalog/${name}`, import.meta.url))

t.test('CSV: quoted fields with commas, quotes, tabs and line breaks', async (t) => {
  const parsed = await readCatalogFile(fixture('quoted.csv'))
  t.equal(parsed.format, 'csv')
  t.equal(parsed.items.length, 3)
  const [first, second, fourth] = parsed.items
  t.equal(first?.name, '《独生子女服务光荣证》办理')
  t.equal(first?.conditions, '夫妻双方, 只生育一个子女')
  t.equal(first?.process, '申请→受理\n→审核→办结', 'CRLF inside a quoted field comes back as LF')
  t.equal(first?.consultation, '电话：0533-0000000（示例）, 现场：1号窗口')
  t.strictSame(first?.materials, [
    { name: '居民身份证', required: true, copies: '原件', note: null },
    { name: '户口簿', required: true, copies: '原件', note: null },
    { name: '结婚证', required: false, copies: '原件', note: null },
  ])
  t.equal(second?.name, '职业介绍"登记"', 'doubled quotes are one quote')
  t.equal(second?.conditions, '含\t制表符')
  t.equal(second?.process, null, 'empty cells are null')
  t.strictSame(second?.materials, [])
  t.equal(fourth?.seq, 4, 'every field quoted')
  t.equal(fourth?.queueId, 'relief')
  t.strictSame(
    parsed.errors,
    [{ line: 6, message: '第6行：事项类型为空，该行已跳过' }],
    'line counted across the multi-line record',
  )
})

t.test('TSV with quoted fields as spreadsheets export them', async (t) => {
  const text = '序号\t类别\t事项名称\t事项类型\t办理流程\n7\t信访\t"来信\t来访"\t公共服务\t"申请\n办结"\n'
  const parsed = parseCatalog(text)
  t.equal(parsed.format, 'tsv')
  t.strictSame(parsed.errors, [])
  t.equal(parsed.items[0]?.name, '来信\t来访')
  t.equal(parsed.items[0]?.process, '申请\n办结')
})

t.test('GB18030 bytes (Excel CSV on a Chinese Windows) parse the same as UTF-8', async (t) => {
  const utf8 = await readFile(fixture('quoted.csv'))
  const gbk = iconv.encode(utf8.toString('utf8'), 'gb18030')
  t.not(Buffer.compare(gbk, utf8), 0)
  const fromUtf8 = parseCatalog(utf8, { fileName: 'quoted.csv' })
  const fromGbk = parseCatalog(gbk, { fileName: 'quoted.csv' })
  t.equal(fromUtf8.encoding, 'utf-8')
  t.equal(fromGbk.encoding, 'gb18030')
  t.strictSame(fromGbk.items, fromUtf8.items)
  t.strictSame(fromGbk.errors, fromUtf8.errors)

  const demo = await readFile(DEMO_CATALOG_FILE, 'utf8')
  const demoGbk = parseCatalog(iconv.encode(demo, 'gb18030'))
  t.equal(demoGbk.encoding, 'gb18030')
  t.strictSame(demoGbk.items, parseCatalog(demo).items, 'all 152 demo items survive GB18030')

  const dir = await mkdtemp(join(tmpdir(), 'catalog-gbk-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const file = join(dir, '事项目录.csv')
  await writeFile(file, gbk)
  const fromFile = await readCatalogFile(file)
  t.equal(fromFile.format, 'csv')
  t.strictSame(fromFile.items, fromUtf8.items)
})

t.test('BOMs decide the encoding: UTF-8, UTF-16LE (Excel “Unicode 文本”), UTF-16BE', async (t) => {
  const text = '序号\t类别\t事项名称\t事项类型\n1\t信访\t群众来信来访\t公共服务\n'
  const expected = parseCatalog(text).items
  const utf8Bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
  const utf16be = Buffer.from(utf16le)
  utf16be.swap16()
  for (const [bytes, encoding] of [
    [utf8Bom, 'utf-8'],
    [utf16le, 'utf-16le'],
    [utf16be, 'utf-16be'],
  ] as const) {
    const parsed = parseCatalog(bytes)
    t.equal(parsed.encoding, encoding)
    t.strictSame(parsed.items, expected, encoding)
  }
  t.equal(decodeCatalogBytes(Buffer.from('序号')).text, '序号')
})

t.test('bad lines are reported by line number in Chinese; good lines survive', async (t) => {
  const parsed = await readCatalogFile(fixture('bad-lines.tsv'))
  t.strictSame(
    parsed.errors.map((error) => error.line),
    [3, 4, 6, 7, 9],
  )
  for (const error of parsed.errors) {
    t.ok(error.message.startsWith(`第${error.line}行：`), error.message)
  }
  const byLine = new Map(parsed.errors.map((error) => [error.line, error.message]))
  t.match(byLine.get(3), /事项名称为空/)
  t.match(byLine.get(4), /序号 1 与第2行重复/)
  t.match(byLine.get(6), /法定办结时限“五个半工作日”无法识别.*已按空值导入/)
  t.match(byLine.get(7), /序号“x”不是正整数/)
  t.match(byLine.get(9), /多于表头/)

  t.strictSame(
    parsed.items.map((item) => item.seq),
    [1, 3, 4, 6],
  )
  const [first, third, fourth, sixth] = parsed.items
  t.equal(first?.name, '生育服务证办理', 'the first of two lines with the same 序号 wins')
  t.equal(first?.legalDays, 5)
  t.equal(first?.promisedDays, 0)
  t.equal(third?.legalDays, null, 'a bad time limit is dropped, the item kept')
  t.equal(third?.promisedDays, 3)
  t.equal(fourth?.materials.length, 2)
  t.equal(sixth?.legalDays, 15, '十五个工作日')
  t.equal(sixth?.promisedDays, 10, '十')
})

t.test('a missing required column stops the file with a clear error', async (t) => {
  const parsed = await readCatalogFile(fixture('missing-column.csv'))
  t.strictSame(parsed.items, [])
  t.strictSame(parsed.errors, [
    { line: 1, message: '第1行（表头）：缺少必需的列：事项类型，整个文件无法导入' },
  ])

  const two = parseCatalog('事项名称\t所需材料\n生育服务证办理\t居民身份证\n')
  t.match(two.errors[0]?.message, /缺少必需的列：序号、类别、事项类型/)
})

t.test('header spellings: aliases, spaces, colons, unknown and repeated columns', async (t) => {
  const text =
    '编号\t 事项 类别 \t事项名称：\t事项类型\t实施机关\t申请材料\t备注\t事项名称\n' +
    '12\t残障服务\t残疾人自强助学\t公共服务\t镇残疾人联合会\t居民身份证（原件）\t随便\t另一个名称\n'
  const parsed = parseCatalog(text)
  t.equal(parsed.items[0]?.seq, 12)
  t.equal(parsed.items[0]?.category, '残障服务')
  t.equal(parsed.items[0]?.name, '残疾人自强助学', 'the first of two name columns is read')
  t.equal(parsed.items[0]?.department, '镇残疾人联合会')
  t.equal(parsed.items[0]?.materials[0]?.name, '居民身份证')
  t.strictSame(
    parsed.errors.map((error) => error.line),
    [1],
  )
  t.match(parsed.errors[0]?.message, /“事项名称”列出现了不止一次/)
})

t.test('empty files, blank lines, full-width 序号 and an unclosed quote', async (t) => {
  t.strictSame(parseCatalog('').errors, [{ line: 1, message: '第1行：文件为空，没有表头行' }])
  t.strictSame(parseCatalog('\n\n  \n').errors[0]?.line, 1)

  const blankLines = parseCatalog(
    '\n序号\t类别\t事项名称\t事项类型\n\n１２\t信访\t群众来信来访\t公共服务\n\n',
  )
  t.strictSame(blankLines.errors, [])
  t.equal(blankLines.items[0]?.seq, 12, 'full-width digits are read')

  const unclosed = parseCatalog(
    '序号,类别,事项名称,事项类型\n1,信访,来访,公共服务\n2,信访,"来信,公共服务\n3,信访,x,公共服务\n',
  )
  t.strictSame(
    unclosed.items.map((item) => item.seq),
    [1],
  )
  t.strictSame(unclosed.errors, [
    { line: 3, message: '第3行：引号没有闭合，从此行到文件末尾的内容都无法读取' },
  ])

  const short = parseCatalog('序号\t类别\t事项名称\t事项类型\n5\t信访\n')
  t.match(
    short.errors[0]?.message,
    /^第2行：事项名称为空；事项类型为空（本行只有 2 列，表头有 4 列），该行已跳过$/,
  )
})

t.test('the format comes from the extension, else from the header line', async (t) => {
  t.equal(detectFormat('a\tb', 'x.CSV'), 'csv')
  t.equal(detectFormat('a,b', 'x.tsv'), 'tsv')
  t.equal(detectFormat('a,b', 'x.tab'), 'tsv')
  t.equal(detectFormat('序号,类别'), 'csv')
  t.equal(detectFormat('序号\t类别,x'), 'tsv')
  t.equal(detectFormat('\n\n序号,类别'), 'csv')
  t.equal(detectFormat('序号'), 'tsv')
  const forced = parseCatalog('序号,类别,事项名称,事项类型\n1,信访,来访,公共服务\n', { format: 'tsv' })
  t.match(forced.errors[0]?.message, /缺少必需的列/)
})

t.test('queue options route items while parsing', async (t) => {
  const text =
    '序号\t类别\t事项名称\t事项类型\n1\t信访\t来访\t公共服务\n2\t计生服务\t咨询\t公共服务\n3\t新类别\t新事项\t公共服务\n'
  const parsed = parseCatalog(text, {
    queueRules: [{ queueId: 'B', categories: ['计生服务'] }],
    fallbackQueueId: null,
  })
  t.strictSame(
    parsed.items.map((item) => item.queueId),
    [null, 'B', null],
  )
  t.strictSame(
    parseCatalog(text).items.map((item) => item.queueId),
    ['general', 'public', 'general'],
  )
})
