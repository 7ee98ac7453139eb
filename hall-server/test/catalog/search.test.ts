import t from 'tap'
import { CatalogIndex, DEMO_CATALOG_FILE, readCatalogFile } from '../../src/catalog/index.js'

const { items } = await readCatalogFile(DEMO_CATALOG_FILE)
const index = new CatalogIndex(items)
const seqs = (found: readonly { seq: number }[]) => found.map((item) => item.seq)

t.test('the index holds the catalog; an empty query lists it in 序号 order', async (t) => {
  t.equal(index.size, 152)
  t.strictSame(
    seqs(index.search('', { limit: 200 })),
    Array.from({ length: 152 }, (_, i) => i + 1),
  )
  t.equal(index.search('').length, 50, 'default limit')
  t.strictSame(
    index.searchHits('', { limit: 2 }).map((hit) => hit.match),
    [null, null],
  )
  const shuffled = new CatalogIndex([...items].reverse())
  t.strictSame(seqs(shuffled.search('', { limit: 3 })), [1, 2, 3])
})

t.test('“低保” finds the 低保 items first', async (t) => {
  const hits = index.searchHits('低保')
  t.ok(hits.length > 0)
  t.equal(hits[0]?.item.seq, 50)
  t.match(hits[0]?.item.name, /低保/)
  t.equal(hits[0]?.match, 'substring')
  const withName = hits.filter((hit) => hit.item.name.includes('低保'))
  t.strictSame(hits.slice(0, withName.length), withName, 'items named 低保 before any other')
})

t.test('name prefixes rank before substrings, earlier and shorter matches first', async (t) => {
  const hits = index.searchHits('受理')
  const kinds = hits.map((hit) => hit.match)
  const firstSubstring = kinds.indexOf('substring')
  t.ok(firstSubstring > 0)
  t.ok(kinds.slice(0, firstSubstring).every((kind) => kind === 'namePrefix'))
  t.ok(kinds.slice(firstSubstring).every((kind) => kind === 'substring'))
  for (const hit of hits.slice(0, firstSubstring)) t.ok(hit.item.name.startsWith('受理'))
  const prefixNames = hits.slice(0, firstSubstring).map((hit) => hit.item.name.length)
  t.strictSame(
    prefixNames,
    [...prefixNames].sort((a, b) => a - b),
    'shorter names first within a tier',
  )
  t.equal(index.search('法律援助')[0]?.seq, 67, 'an exact name comes first')
  t.equal(index.searchHits('法律援助')[0]?.match, 'exact')
  t.equal(index.search('法律援助')[1]?.seq, 112, 'then the name that contains it')
})

t.test('“dsz” finds the 独生子女 items by their initials', async (t) => {
  const hits = index.searchHits('dsz')
  t.strictSame(
    hits.slice(0, 2).map((hit) => hit.item.seq),
    [4, 2],
    'shorter name first',
  )
  for (const hit of hits.slice(0, 2)) {
    t.equal(hit.match, 'initialsPrefix')
    t.match(hit.item.name, /独生子女/)
  }
  t.strictSame(seqs(index.search('DSZ')), seqs(hits.map((hit) => hit.item)), 'case does not matter')
  t.strictSame(seqs(index.search('ｄｓｚ')), seqs(hits.map((hit) => hit.item)), 'nor full width')
  t.equal(index.search('yktzh')[0]?.seq, 95)
  t.equal(
    index.searchHits('ylbx').find((hit) => hit.item.seq === 32)?.match,
    'substring',
    'initials substring',
  )
})

t.test('a category search lists the category after names containing the words', async (t) => {
  const hits = index.searchHits('计生')
  t.equal(hits.length, 15)
  t.equal(hits[0]?.item.seq, 1, '人口计生法律… contains 计生 in its name')
  t.equal(hits[0]?.match, 'substring')
  t.ok(hits.slice(1).every((hit) => hit.match === 'category'))
  t.ok(hits.every((hit) => hit.item.category === '计生服务'))
  const rest = hits.slice(1).map((hit) => hit.item)
  t.strictSame(
    seqs(rest),
    seqs([...rest].sort((a, b) => a.name.length - b.name.length || a.seq - b.seq)),
    'category matches: shorter names first, then 序号',
  )
  t.strictSame(
    seqs(rest).sort((a, b) => a - b),
    Array.from({ length: 14 }, (_, i) => i + 2),
  )
  t.equal(index.search('残障').length, 13)
})

t.test('a 序号 finds its item first', async (t) => {
  t.equal(index.search('4')[0]?.seq, 4)
  t.equal(index.searchHits('4')[0]?.match, 'exact')
  t.strictSame(seqs(index.search('100')), [100, 98], '100 exactly, then the name with 100千瓦')
  t.equal(index.search('152')[0]?.name, '群众来信来访')
  t.strictSame(index.search('999'), [])
})

t.test('limit, queue and category filters', async (t) => {
  t.equal(index.search('补贴').length > 3, true)
  t.equal(index.search('补贴', { limit: 3 }).length, 3)
  t.strictSame(index.search('补贴', { limit: 0 }), [])
  t.strictSame(index.search('补贴', { limit: -1 }), [])

  const relief = index.search('补贴', { queueId: 'relief' })
  t.ok(relief.length > 0)
  t.ok(relief.every((item) => item.queueId === 'relief'))
  const all = index.search('补贴', { limit: 200 })
  t.ok(all.some((item) => item.queueId === 'public'))
  t.strictSame(
    seqs(relief),
    seqs(all.filter((item) => item.queueId === 'relief')),
    'the filter keeps the ranking',
  )
  t.equal(index.search('', { queueId: 'general', limit: 200 }).length, 5)
  t.strictSame(index.search('', { queueId: 'nosuchqueue' }), [])

  const farming = index.search('补贴', { category: '农牧服务' })
  t.ok(farming.length > 0 && farming.every((item) => item.category === '农牧服务'))
  t.strictSame(index.search('独生子女', { category: '残障服务' }), [])
})

t.test('spaces never matter and nothing matches nothing', async (t) => {
  t.strictSame(seqs(index.search(' 独生 子女 ')), seqs(index.search('独生子女')))
  t.equal(index.search('　').length, 50, 'a full-width space is an empty query')
  t.strictSame(index.search('不存在的事项'), [])
  t.strictSame(new CatalogIndex([]).search('低保'), [])
})
