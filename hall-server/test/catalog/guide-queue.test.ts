import t from 'tap'
import {
  DEFAULT_FALLBACK_QUEUE_ID,
  DEFAULT_QUEUE_RULES,
  DEMO_CATALOG_FILE,
  initialsOf,
  queueForCategory,
  queueRoutingFromConfig,
  readCatalogFile,
  serviceId,
  summaryOf,
} from '../../src/catalog/index.js'
import { defaultHallConfig, demoHallConfig } from '../../src/templates.js'

t.test('pinyin initials of item names', async (t) => {
  // 独 生 子 女 服 务 光 荣 证 办 理: eleven characters, eleven letters.
  t.equal(initialsOf('《独生子女服务光荣证》办理'), 'dsznfwgrzbl')
  t.equal(initialsOf('“一卡通”账户信息更改'), 'yktzhxxgg', 'quotes are dropped')
  t.equal(initialsOf('中国银行代发'), 'zgyhdf', '银行 reads háng')
  t.equal(initialsOf('重度残疾人护理补贴初审上报'), 'zdcjrhlbtcssb', '重度 reads zhòng')
  t.equal(initialsOf('农村60岁以上老年人养老金资格认定'), 'nc60syslnryljzgrd', 'digits are kept')
  t.equal(initialsOf('受理新建或迁移农村机电提灌站（100千瓦以下）申请'), 'slxjhqyncjdtgz100qwyxsq')
  t.equal(initialsOf('Ｂ超检查'), 'bcjc', 'full-width letters fold to ASCII')
  t.equal(initialsOf('Wi-Fi 上网'), 'wifisw', 'ASCII words are kept whole')
  t.equal(initialsOf('   '), '')
  t.equal(initialsOf('《》、，'), '')
})

t.test('ids and summaries', async (t) => {
  t.equal(serviceId(4), 'svc-004')
  t.equal(serviceId(152), 'svc-152')
  t.equal(serviceId(1234), 'svc-1234')
  const { items } = await readCatalogFile(DEMO_CATALOG_FILE)
  const guide = items[3]
  t.ok(guide)
  if (!guide) return
  t.strictSame(summaryOf(guide), {
    id: 'svc-004',
    seq: 4,
    category: '计生服务',
    name: '《独生子女服务光荣证》办理',
    itemType: '公共服务',
    queueId: 'public',
    initials: 'dsznfwgrzbl',
  })
})

t.test('queue routing with the default rules', async (t) => {
  t.equal(queueForCategory('计生服务'), 'public')
  t.equal(queueForCategory('民政服务(复退军人服务)'), 'relief')
  t.equal(queueForCategory('民政服务（复退军人服务）'), 'relief', 'full-width brackets')
  t.equal(queueForCategory(' 残障 服务 '), 'relief', 'spaces')
  t.equal(queueForCategory('司法协助'), 'general')
  t.equal(queueForCategory('信访'), 'general')
  t.equal(queueForCategory('食品经营许可'), 'market', 'the longest rule category contained in it')
  t.equal(queueForCategory('个体工商户登记'), 'market')
  t.equal(queueForCategory('未知类别'), DEFAULT_FALLBACK_QUEUE_ID)
  t.equal(queueForCategory(''), DEFAULT_FALLBACK_QUEUE_ID)
  t.equal(queueForCategory('未知类别', DEFAULT_QUEUE_RULES, null), null)

  const rules = [
    { queueId: 'a', categories: ['民政服务'] },
    { queueId: 'b', categories: ['民政服务(复退军人服务)'] },
  ]
  t.equal(queueForCategory('民政服务(复退军人服务)', rules), 'b', 'an exact rule beats a contained one')
  t.equal(queueForCategory('民政服务其他', rules), 'a')
})

t.test('queue routing from hall configs', async (t) => {
  const { items } = await readCatalogFile(DEMO_CATALOG_FILE)
  const demo = demoHallConfig()
  const routing = queueRoutingFromConfig(demo.queues)
  t.equal(routing.fallbackQueueId, 'general')
  const ids = new Set(demo.queues.map((queue) => queue.id))
  for (const item of items) {
    const queueId = queueForCategory(item.category, routing.rules, routing.fallbackQueueId)
    t.ok(queueId !== null && ids.has(queueId), `${item.seq} ${item.category} → ${queueId}`)
  }
  t.equal(queueForCategory('移民', routing.rules, routing.fallbackQueueId), 'relief')
  t.equal(queueForCategory('安全监管', routing.rules, routing.fallbackQueueId), 'public')
  t.equal(queueForCategory('食品经营', routing.rules, routing.fallbackQueueId), 'market')

  const plain = queueRoutingFromConfig(defaultHallConfig('测试大厅').queues)
  t.equal(queueForCategory('信访', plain.rules, plain.fallbackQueueId), 'general')

  // A hall with its own queues and categories, and no `general` queue.
  const own = queueRoutingFromConfig([
    { id: 'jisheng', categories: ['计生服务', '卫生服务'] },
    { id: 'shebao', categories: ['劳动保障服务'] },
    { id: 'zonghe', categories: ['信访'] },
  ])
  t.equal(own.fallbackQueueId, 'zonghe', 'unmatched categories go to the last queue')
  t.equal(queueForCategory('计生服务', own.rules, own.fallbackQueueId), 'jisheng')
  t.equal(queueForCategory('劳动保障服务', own.rules, own.fallbackQueueId), 'shebao')
  t.equal(queueForCategory('残障服务', own.rules, own.fallbackQueueId), 'zonghe')

  // Queues that list no categories get the default rules for the queues the hall has.
  const bare = queueRoutingFromConfig([
    { id: 'public', categories: [] },
    { id: 'general', categories: [] },
  ])
  t.strictSame(
    bare.rules.map((rule) => rule.queueId),
    ['public', 'general'],
  )
  t.equal(queueForCategory('计生服务', bare.rules, bare.fallbackQueueId), 'public')
  t.equal(queueForCategory('残障服务', bare.rules, bare.fallbackQueueId), 'general')

  t.strictSame(queueRoutingFromConfig([]), { rules: [], fallbackQueueId: null })
})
