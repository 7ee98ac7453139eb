import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { basename, dirname, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import {
  DEMO_CATALOG_FILE,
  formatCatalog,
  GUIDE_TEXT_FIELDS,
  parseCatalog,
  readCatalogFile,
  serviceId,
} from '../../src/catalog/index.js'

/**
 * The demo catalog shipped in data/: the district's 152 items, each with every 办事指南 element of
 * §30 filled in, in the canonical form the formatter writes.
 */

const SOURCE = fileURLToPath(new URL('../fixtures/catalog/renhe-service-catalog.tsv', import.meta.url))
const SERVER_ROOT = fileURLToPath(new URL('../../', import.meta.url))

t.test('DEMO_CATALOG_FILE is data/demo-catalog.tsv inside hall-server', async (t) => {
  t.equal(basename(DEMO_CATALOG_FILE), 'demo-catalog.tsv')
  t.equal(relative(SERVER_ROOT, dirname(DEMO_CATALOG_FILE)), 'data')
  t.ok((await readFile(DEMO_CATALOG_FILE)).length > 0)
})

t.test('the demo catalog parses to 152 items without errors', async (t) => {
  const parsed = await readCatalogFile(DEMO_CATALOG_FILE)
  t.strictSame(parsed.errors, [])
  t.equal(parsed.format, 'tsv')
  t.equal(parsed.encoding, 'utf-8')
  t.equal(parsed.items.length, 152)
  t.strictSame(
    parsed.items.map((item) => item.id),
    Array.from({ length: 152 }, (_, index) => serviceId(index + 1)),
  )
})

t.test('the items are the source catalog, unchanged', async (t) => {
  const source = parseCatalog(await readFile(SOURCE))
  const demo = await readCatalogFile(DEMO_CATALOG_FILE)
  t.equal(source.items.length, 152)
  const key = (item: { seq: number; category: string; name: string; itemType: string }) =>
    [item.seq, item.category, item.name, item.itemType].join('|')
  t.strictSame(demo.items.map(key), source.items.map(key))
})

t.test('every guide element is filled for every item', async (t) => {
  const { items } = await readCatalogFile(DEMO_CATALOG_FILE)
  for (const item of items) {
    const empty = GUIDE_TEXT_FIELDS.filter((field) => item[field] === null || item[field]?.trim() === '')
    t.strictSame(empty, [], `${item.seq} ${item.name}: text elements`)
    t.ok(item.legalDays !== null && item.promisedDays !== null, `${item.seq}: time limits`)
    t.ok((item.promisedDays ?? 0) <= (item.legalDays ?? 0), `${item.seq}: 承诺 ≤ 法定`)
    t.ok(item.materials.length > 0, `${item.seq}: materials`)
    t.ok(item.queueId !== null, `${item.seq}: queue`)
  }
})

t.test('the demo content is honest about what it is', async (t) => {
  const { items } = await readCatalogFile(DEMO_CATALOG_FILE)
  const text = await readFile(DEMO_CATALOG_FILE, 'utf8')
  const phones = text.match(/0\d{2,3}-\d{7,8}/g) ?? []
  t.ok(phones.length > 0)
  t.strictSame([...new Set(phones)], ['0533-0000000'], 'only the fake example number')
  t.notOk(/0533-0000000(?!（示例）)/.test(text), 'every number is marked 示例')
  for (const item of items) {
    t.ok(
      item.basis === '以上级部门公布的办事指南为准' || item.basis?.includes('《'),
      `${item.seq}: 设定依据 names a law or defers to the official guide`,
    )
  }
})

t.test('the abolished levy is described as a levy, not as a fee or a service', async (t) => {
  const { items } = await readCatalogFile(DEMO_CATALOG_FILE)
  const levy = items.find((item) => item.name === '社会抚养费征收')
  t.ok(levy)
  t.match(levy?.fees, /行政征收/)
  t.match(levy?.fees, /不属于服务收费/)
  t.match(levy?.feeBasis, /社会抚养费征收管理办法/)
  t.match(levy?.basis, /2021/)
  t.match(levy?.conditions, /取消/)
  const free = items.filter((item) => item.fees === '不收费')
  t.ok(free.length > 140, 'most items are free')
  for (const item of items.filter((item) => item.fees !== '不收费')) {
    t.not(item.feeBasis, '不涉及收费', `${item.seq}: a fee has a basis`)
  }
})

t.test('the file is exactly what the formatter writes, one line per item', async (t) => {
  const text = await readFile(DEMO_CATALOG_FILE, 'utf8')
  const { items } = parseCatalog(text)
  t.equal(formatCatalog(items, 'tsv'), text)
  t.equal(text.split('\n').length, 152 + 2, 'header, 152 items and the final newline')
  t.notOk(text.includes('"'), 'no quoted fields')
  t.notOk(text.includes('\r'))
})

t.test('the demo items route to the demo hall queues', async (t) => {
  const { items } = await readCatalogFile(DEMO_CATALOG_FILE)
  const byQueue = new Map<string | null, number>()
  for (const item of items) byQueue.set(item.queueId, (byQueue.get(item.queueId) ?? 0) + 1)
  t.strictSame([...byQueue.keys()].sort(), ['general', 'public', 'relief'])
  t.equal(items.find((item) => item.name === '群众来信来访')?.queueId, 'general')
  t.equal(items.find((item) => item.name === '法律援助')?.queueId, 'general')
  t.equal(items.find((item) => item.name === '退伍军人登记')?.queueId, 'relief')
  t.equal(items.find((item) => item.name === '生育服务证办理')?.queueId, 'public')
})

t.test('the file is up to date with scripts/build-demo-catalog.ts', async (t) => {
  // A subprocess: the script is outside the project's tsconfig, so the test does not import it.
  const script = fileURLToPath(new URL('../../scripts/build-demo-catalog.ts', import.meta.url))
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, SOURCE, '--check'], {
    cwd: SERVER_ROOT,
    encoding: 'utf8',
  })
  t.equal(run.status, 0, run.stderr)
})
