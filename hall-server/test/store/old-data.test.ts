import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { Db } from '../../src/store/db.js'
import { createEventCodec, eventCodec, type StoredEvent } from '../../src/store/event-codec.js'
import { playFirstPart, playSecondPart, whatTheHallShows } from '../fixtures/hall-data/scenario.js'
import { type Json, MONDAY_9AM, openTestHall, prepareDataDir, type TestHall } from '../helper.js'

/**
 * Data directories written by earlier builds (test/fixtures/hall-data/<name>/, made by make.ts and
 * never remade) must open with today's code and show the hall as it was.
 */

const FIXTURES = join(import.meta.dirname, '../fixtures/hall-data')
const fixtures = (await readdir(FIXTURES, { withFileTypes: true })).filter((e) => e.isDirectory())

async function copyOf(name: string) {
  const dir = await mkdtemp(join(tmpdir(), `hall-fixture-${name}-`))
  await cp(join(FIXTURES, name, 'data'), dir, { recursive: true })
  const tokens = JSON.parse(await readFile(join(FIXTURES, name, 'tokens.json'), 'utf8'))
  const expected = JSON.parse(await readFile(join(FIXTURES, name, 'expected.json'), 'utf8'))
  return { dir, tokens, expected: expected as { now: number; shows: Json } }
}

async function storedEvents(db: Db): Promise<StoredEvent[]> {
  return db.all<StoredEvent>('SELECT seq, type, v, data FROM events ORDER BY seq')
}

/** The key paths of a JSON value, each with its type where it is not null (arrays: their items). */
function shape(value: unknown, path: string, into: Map<string, Set<string>>): void {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
  const kinds = into.get(path) ?? new Set<string>()
  kinds.add(kind)
  into.set(path, kinds)
  if (Array.isArray(value)) for (const item of value) shape(item, `${path}[]`, into)
  else if (kind === 'object') {
    for (const [key, v] of Object.entries(value as object)) shape(v, `${path}.${key}`, into)
  }
}

function shapesByType(events: { type: string; event: unknown }[]): Map<string, Map<string, Set<string>>> {
  const out = new Map<string, Map<string, Set<string>>>()
  for (const { type, event } of events) {
    const paths = out.get(type) ?? new Map<string, Set<string>>()
    shape(event, '', paths)
    out.set(type, paths)
  }
  return out
}

t.ok(fixtures.length > 0, 'there is at least one fixture data directory')

for (const { name } of fixtures) {
  t.test(`the data directory of ${name} opens and shows the hall as it was`, async (t) => {
    const { dir, tokens, expected } = await copyOf(name)
    const h = await openTestHall(dir, tokens, { now: expected.now })
    t.teardown(() => h.close())
    t.match(await whatTheHallShows(h), expected.shows)
    t.equal(h.hall.service.snapshot().seq, expected.shows.snapshot.seq, 'every stored event was read')
  })

  t.test(`${name}: a snapshot of another shape is passed over and the whole log replayed`, async (t) => {
    const { dir, tokens, expected } = await copyOf(name)
    const db = await Db.open(join(dir, 'hall.sqlite'))
    const snapshots = await db.all<{ v: number }>('SELECT v FROM snapshots')
    t.ok(snapshots.length > 0, 'the fixture holds a snapshot, with events after it')
    await db.run(
      `UPDATE snapshots SET v = 0, state = '{"written":"by a build whose state looked otherwise"}'`,
    )
    await db.close()
    const h = await openTestHall(dir, tokens, { now: expected.now })
    t.teardown(() => h.close())
    t.match(await whatTheHallShows(h), expected.shows)
  })

  t.test(`${name}: its events, read today, have the shapes today's code writes`, async (t) => {
    const { dir, expected } = await copyOf(name)
    t.teardown(() => rm(dir, { recursive: true, force: true }))
    const old = await Db.open(join(dir, 'hall.sqlite'))
    const before = shapesByType(
      (await storedEvents(old)).map((row) => ({ type: row.type, event: eventCodec.decode(row) })),
    )
    await old.close()

    // The same two days played on today's code.
    const fresh = await prepareDataDir()
    const h: TestHall = await openTestHall(fresh.dir, fresh.tokens, { now: MONDAY_9AM })
    t.teardown(() => h.close())
    await playSecondPart(h, await playFirstPart(h))
    await h.hall.service.drained()
    const now = shapesByType(
      (await storedEvents(h.hall.db)).map((row) => ({ type: row.type, event: eventCodec.decode(row) })),
    )
    t.ok(expected.now > 0)
    for (const [type, paths] of before) {
      const today = now.get(type)
      if (!t.ok(today, `today's code still writes ${type}`) || !today) continue
      t.same([...paths.keys()].sort(), [...today.keys()].sort(), `${type}: the same fields`)
      for (const [path, kinds] of paths) {
        const known = today.get(path) ?? new Set()
        for (const kind of kinds) {
          if (kind === 'null' || known.has(kind) || [...known].every((k) => k === 'null')) continue
          t.fail(`${type}${path} was ${kind}, today it is ${[...known].join('|')}: add an upcaster`)
        }
      }
    }
  })
}

t.test('upcasters bring each stored version to today shape, one step at a time', async (t) => {
  const codec = createEventCodec({
    'window.paused': [(d) => ({ ...d, reason: `原因：${d['reason']}` }), (d) => ({ ...d, note: null })],
  })
  t.equal(codec.version('window.paused'), 3)
  t.equal(codec.version('window.resumed'), 1, 'a type without upcasters is at version 1')
  const stored = {
    seq: 7,
    type: 'window.paused',
    data: '{"type":"window.paused","windowId":"1","reason":"午休","at":1}',
  }
  t.same(codec.decode({ ...stored, v: 1 }), {
    type: 'window.paused',
    windowId: '1',
    reason: '原因：午休',
    at: 1,
    note: null,
  })
  t.same(codec.decode({ ...stored, v: 2 }), {
    type: 'window.paused',
    windowId: '1',
    reason: '午休',
    at: 1,
    note: null,
  })
  t.same(codec.decode({ ...stored, v: 3 }), { type: 'window.paused', windowId: '1', reason: '午休', at: 1 })
  t.same(
    codec.encode({ type: 'window.paused', windowId: '1', reason: '午休', at: 1 }).v,
    3,
    'new events are written at the current version',
  )
  t.throws(() => codec.decode({ ...stored, v: 4 }), { code: 'DATA_TOO_NEW' })
  t.throws(() => codec.decode({ ...stored, v: 4 }), {
    message: /第 7 条事件（window\.paused）是第 4 版.*请安装/,
  })
  t.throws(() => codec.decode({ ...stored, v: 0 }), { code: 'DATA_TOO_NEW' })
})

t.test(
  'a hall opened with a newer event shape upcasts the old log, and an older build refuses it',
  async (t) => {
    const name = fixtures[0]?.name as string
    const { dir, tokens, expected } = await copyOf(name)
    // A build in which device.status gained a shape: its attached devices are named differently.
    const newer = createEventCodec({
      'device.status': [
        (d) => ({
          ...d,
          attached: (d['attached'] as Json[]).map((a) => ({ ...a, name: `${a.name}（升级后）` })),
        }),
      ],
    })
    const h = await openTestHall(dir, tokens, { now: expected.now, codec: newer })
    const kiosk = h.hall.service.snapshot().devices.find((d) => d.id === 'agent-kiosk-1')
    t.match(
      kiosk?.attached,
      [{ name: '取号机热敏打印机（升级后）' }],
      'the stored v1 event was upcast on read',
    )
    await h.hall.service.execute(
      { type: 'deviceStatus', deviceId: 'agent-kiosk-1', online: true, attached: [] },
      { id: 'system' },
      null,
    )
    const last = await h.hall.db.get<{ v: number }>(
      "SELECT v FROM events WHERE type = 'device.status' ORDER BY seq DESC LIMIT 1",
    )
    t.equal(last?.v, 2, 'a new event is stored at the newer version')
    await h.app.close()
    await h.hall.service.drained()
    await h.hall.db.close()

    await t.rejects(
      openTestHall(dir, tokens, { now: expected.now }),
      { code: 'DATA_TOO_NEW' },
      'today’s build will not read it',
    )
    await t.rejects(openTestHall(dir, tokens, { now: expected.now }), { message: /数据目录由更新的版本写入/ })
  },
)
