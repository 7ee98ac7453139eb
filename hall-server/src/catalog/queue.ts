/**
 * Which queue (取号队列) serves a catalog category. Rules come from the hall config (each queue
 * lists its categories); a category no rule names goes to the fallback queue.
 */

export interface QueueRule {
  queueId: string
  categories: readonly string[]
}

export const DEFAULT_FALLBACK_QUEUE_ID = 'general'

/**
 * The 4+X hall of the demo: 市场准入, 公共服务, 保障救助 and 综合业务. 信访 goes to 综合业务 with
 * everything no rule names.
 */
export const DEFAULT_QUEUE_RULES: readonly QueueRule[] = [
  {
    queueId: 'market',
    categories: [
      '市场准入',
      '市场监管',
      '个体工商户',
      '食品经营',
      '食品生产',
      '商事登记',
      '企业登记',
      '工商登记',
      '营业执照',
      '药品经营',
    ],
  },
  {
    queueId: 'public',
    categories: [
      '计生服务',
      '劳动保障服务',
      '卫生服务',
      '文化服务',
      '农牧服务',
      '林业服务',
      '土地资源管理服务',
      '房管建设服务',
      '其他社会服务',
      '海事服务',
      '安全监管',
    ],
  },
  {
    queueId: 'relief',
    categories: [
      '民政服务(复退军人服务)',
      '民政服务',
      '退役军人服务',
      '残障服务',
      '残疾人服务',
      '社会救助',
      '移民',
    ],
  },
  { queueId: 'general', categories: ['司法协助', '信访'] },
]

/** Full-width brackets and spaces are common in spreadsheets; compare without them. */
export const normalizeCategory = (category: string): string =>
  category.normalize('NFKC').replace(/\s+/g, '').toLowerCase()

/**
 * The queue for a category: a rule naming it exactly wins; otherwise the longest rule category
 * contained in it (so 食品经营许可 goes with 食品经营); otherwise the fallback.
 */
export function queueForCategory(
  category: string,
  rules: readonly QueueRule[] = DEFAULT_QUEUE_RULES,
  fallback: string | null = DEFAULT_FALLBACK_QUEUE_ID,
): string | null {
  const wanted = normalizeCategory(category)
  if (wanted === '') return fallback
  let best: { queueId: string; length: number } | null = null
  for (const rule of rules) {
    for (const raw of rule.categories) {
      const known = normalizeCategory(raw)
      if (known === '') continue
      if (known === wanted) return rule.queueId
      if (wanted.includes(known) && (best === null || known.length > best.length)) {
        best = { queueId: rule.queueId, length: known.length }
      }
    }
  }
  return best?.queueId ?? fallback
}

export interface QueueRouting {
  rules: QueueRule[]
  fallbackQueueId: string | null
}

/**
 * Routing from the hall config's queues (each lists its catalog categories). A hall whose queues
 * list no categories at all gets the default rules for the queues it has. Unmatched categories go
 * to `general` when the hall has it, else to its last queue.
 */
export function queueRoutingFromConfig(
  queues: readonly { id: string; categories: readonly string[] }[],
): QueueRouting {
  const ids = new Set(queues.map((queue) => queue.id))
  const configured = queues.some((queue) => queue.categories.length > 0)
  const rules = configured
    ? queues.map((queue) => ({ queueId: queue.id, categories: [...queue.categories] }))
    : DEFAULT_QUEUE_RULES.filter((rule) => ids.has(rule.queueId)).map((rule) => ({
        queueId: rule.queueId,
        categories: [...rule.categories],
      }))
  const fallbackQueueId = ids.has(DEFAULT_FALLBACK_QUEUE_ID)
    ? DEFAULT_FALLBACK_QUEUE_ID
    : (queues[queues.length - 1]?.id ?? null)
  return { rules, fallbackQueueId }
}
