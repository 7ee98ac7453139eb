import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ServiceGuide } from '@hall/protocol'
import t, { type Test } from 'tap'
import {
  DEMO_CATALOG_FILE,
  queueRoutingFromConfig,
  readCatalogFile,
  ServiceCatalog,
} from '../../src/catalog/index.js'
import {
  CatalogItemInvalid,
  countCatalog,
  getService,
  loadCatalog,
  replaceCatalog,
  upsertCatalog,
} from '../../src/store/catalog-repo.js'
import { Db } from '../../src/store/db.js'
import { migrate } from '../../src/store/migrations.js'

/** The catalog on a real SQLite file in a temp directory. */

const BAD_LINES = fileURLToPath(new URL('../fixtures/catalog/bad-lines.tsv', import.meta.url))
const { items: demo } = await readCatalogFile(DEMO_CATALOG_FILE)

interface TempDb {
  db: Db
  file: string
  /** Closes the database before the test ends (teardown then leaves it alone). */
  close(): Promise<void>
}

async function openDb(t: Test): Promise<TempDb> {
  const dir = await mkdtemp(join(tmpdir(), 'catalog-store-'))
  const file = join(dir, 'hall.db')
  const db = await Db.open(file)
  await migrate(db)
  let open = true
  const close = async () => {
    if (open) await db.close()
    open = false
  }
  t.teardown(async () => {
    await close()
    await rm(dir, { recursive: true, force: true })
  })
  return { db, file, close }
}

t.test('repo: replace, load and get round-trip whole guides', async (t) => {
  const { db } = await openDb(t)
  t.equal(await countCatalog(db), 0)
  t.strictSame(await loadCatalog(db), [])

  await replaceCatalog(db, demo)
  t.equal(await countCatalog(db), 152)
  t.strictSame(await loadCatalog(db), demo)
  t.strictSame(await getService(db, 'svc-004'), demo[3])
  t.equal(await getService(db, 'svc-999'), null)

  const row = await db.get<{ name: string; item_type: string; queue_id: string; initials: string }>(
    'SELECT name, item_type, queue_id, initials FROM catalog WHERE id = ?',
    ['svc-050'],
  )
  t.strictSame(row, {
    name: demo[49]?.name,
    item_type: '公共服务',
    queue_id: 'relief',
    initials: demo[49]?.initials,
  })

  await replaceCatalog(db, demo.slice(0, 3))
  t.equal(await countCatalog(db), 3, 'replace leaves exactly the new items')
  t.equal(await getService(db, 'svc-004'), null)

  const changed = { ...(demo[0] as ServiceGuide), name: '改过的名称' }
  await upsertCatalog(db, [changed, demo[3] as ServiceGuide])
  t.equal(await countCatalog(db), 4, 'upsert adds new items and keeps the others')
  t.equal((await getService(db, 'svc-001'))?.name, '改过的名称')
  t.strictSame(
    (await loadCatalog(db)).map((item) => item.seq),
    [1, 2, 3, 4],
  )
})

t.test('repo: time limits keep their unit; guides stored before units read as working days', async (t) => {
  const { db } = await openDb(t)
  await replaceCatalog(db, demo)
  const petitions = demo.find((item) => item.name === '群众来信来访')!
  t.match(await getService(db, petitions.id), {
    legalDays: 60,
    legalDayUnit: 'day',
    promisedDayUnit: 'working',
  })
  const { legalDayUnit: _legal, promisedDayUnit: _promised, ...old } = petitions
  await db.run('UPDATE catalog SET guide = ? WHERE id = ?', [JSON.stringify(old), petitions.id])
  t.strictSame(await getService(db, petitions.id), {
    ...petitions,
    legalDayUnit: 'working',
    promisedDayUnit: 'working',
  })
})

t.test('repo: an invalid guide fails the whole replace and changes nothing', async (t) => {
  const { db } = await openDb(t)
  await replaceCatalog(db, demo)
  const bad = {
    ...(demo[1] as ServiceGuide),
    legalDays: -1,
    materials: [{ name: '', required: true, copies: null, note: null }],
  }
  const error = await replaceCatalog(db, [demo[0] as ServiceGuide, bad]).catch((e: unknown) => e)
  t.ok(error instanceof CatalogItemInvalid)
  if (error instanceof CatalogItemInvalid) {
    t.equal(error.code, 'VALIDATION')
    t.equal(error.itemId, 'svc-002')
    t.match(error.message, /^事项 svc-002 的办事指南格式不正确：/)
    t.ok(error.problems.some((problem) => problem.includes('/legalDays')))
    t.ok(error.problems.some((problem) => problem.includes('/materials/0/name')))
  }
  t.equal(await countCatalog(db), 152)
  await t.rejects(upsertCatalog(db, [{ ...(demo[0] as ServiceGuide), seq: 1.5 }]), CatalogItemInvalid)
})

t.test('ServiceCatalog: open, import, search, get, reopen', async (t) => {
  const { db, file, close } = await openDb(t)
  const catalog = await ServiceCatalog.open(db)
  t.equal(catalog.size, 0)
  t.strictSame(catalog.search({ q: '低保' }), [])
  t.equal(await catalog.get('svc-050'), null)

  const result = await catalog.importFile(DEMO_CATALOG_FILE)
  t.equal(result.applied, true)
  t.strictSame(result.errors, [])
  t.equal(result.items.length, 152)
  t.equal(catalog.size, 152)
  t.strictSame(
    catalog.all().map((item) => item.seq),
    Array.from({ length: 152 }, (_, i) => i + 1),
  )

  const found = catalog.search({ q: '低保' })
  t.equal(found[0]?.id, 'svc-050')
  t.strictSame(Object.keys(found[0] ?? {}).sort(), [
    'category',
    'id',
    'initials',
    'itemType',
    'name',
    'queueId',
    'seq',
  ])
  t.strictSame(
    catalog.search({ q: 'dsz', limit: 2 }).map((item) => item.seq),
    [4, 2],
  )
  t.ok(catalog.search({ q: '补贴', queueId: 'relief' }).every((item) => item.queueId === 'relief'))
  t.ok(catalog.search({ q: '', category: '信访' }).length === 1)

  const guide = await catalog.get('svc-067')
  t.equal(guide?.name, '法律援助')
  t.match(guide?.basis, /法律援助法/)
  t.ok((guide?.materials.length ?? 0) > 0)

  await close()
  const again = await Db.open(file)
  t.teardown(() => again.close())
  await migrate(again)
  const reopened = await ServiceCatalog.open(again)
  t.equal(reopened.size, 152, 'the catalog is in the file, not just in memory')
  t.strictSame(await reopened.get('svc-067'), guide)
  t.strictSame(reopened.all(), catalog.all())
})

t.test('ServiceCatalog: a file with errors is not applied unless partial', async (t) => {
  const { db } = await openDb(t)
  const catalog = await ServiceCatalog.open(db)
  await catalog.importFile(DEMO_CATALOG_FILE)

  const refused = await catalog.importFile(BAD_LINES)
  t.equal(refused.applied, false)
  t.strictSame(
    refused.errors.map((error) => error.line),
    [3, 4, 6, 7, 9],
  )
  t.equal(catalog.size, 152, 'the catalog is unchanged')
  t.equal(await countCatalog(db), 152)

  const partial = await catalog.importFile(BAD_LINES, { partial: true })
  t.equal(partial.applied, true)
  t.equal(catalog.size, 4)
  t.strictSame(
    (await loadCatalog(db)).map((item) => item.seq),
    [1, 3, 4, 6],
  )

  const dir = await mkdtemp(join(tmpdir(), 'catalog-empty-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const headerOnly = join(dir, 'header-only.tsv')
  await writeFile(headerOnly, '序号\t类别\t事项名称\t事项类型\n')
  const empty = await catalog.importFile(headerOnly, { partial: true })
  t.equal(empty.applied, false, 'a file without items never empties the catalog')
  t.equal(catalog.size, 4)
})

t.test('ServiceCatalog: seedIfEmpty, routing and reroute', async (t) => {
  const { db } = await openDb(t)
  const catalog = await ServiceCatalog.open(db)
  const routing = queueRoutingFromConfig([
    { id: 'jisheng', categories: ['计生服务'] },
    { id: 'zonghe', categories: [] },
  ])
  const seeded = await catalog.seedIfEmpty(DEMO_CATALOG_FILE, { routing })
  t.equal(seeded?.applied, true)
  t.equal(await catalog.seedIfEmpty(DEMO_CATALOG_FILE), null, 'a second seed does nothing')
  t.equal((await catalog.get('svc-001'))?.queueId, 'jisheng')
  t.equal((await catalog.get('svc-152'))?.queueId, 'zonghe')

  await catalog.reroute(queueRoutingFromConfig([{ id: 'only', categories: [] }]))
  t.ok(catalog.all().every((item) => item.queueId === 'only'))
  t.ok(
    (await loadCatalog(db)).every((item) => item.queueId === 'only'),
    'rerouting is stored',
  )
  t.equal(catalog.search({ q: '', queueId: 'only', limit: 500 }).length, 152)
})
