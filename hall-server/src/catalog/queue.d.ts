/**
 * Which queue (取号队列) serves a catalog category. Rules come from the hall config (each queue
 * lists its categories); a category no rule names goes to the fallback queue.
 */
export interface QueueRule {
  queueId: string
  categories: readonly string[]
}
export declare const DEFAULT_FALLBACK_QUEUE_ID = 'general'
/**
 * The 4+X hall of the demo: 市场准入, 公共服务, 保障救助 and 综合业务. 信访 goes to 综合业务 with
 * everything no rule names.
 */
export declare const DEFAULT_QUEUE_RULES: readonly QueueRule[]
/** Full-width brackets and spaces are common in spreadsheets; compare without them. */
export declare const normalizeCategory: (category: string) => string
/**
 * The queue for a category: a rule naming it exactly wins; otherwise the longest rule category
 * contained in it (so 食品经营许可 goes with 食品经营); otherwise the fallback.
 */
export declare function queueForCategory(
  category: string,
  rules?: readonly QueueRule[],
  fallback?: string | null,
): string | null
export interface QueueRouting {
  rules: QueueRule[]
  fallbackQueueId: string | null
}
/**
 * Routing from the hall config's queues (each lists its catalog categories). A hall whose queues
 * list no categories at all gets the default rules for the queues it has. Unmatched categories go
 * to `general` when the hall has it, else to its last queue.
 */
export declare function queueRoutingFromConfig(
  queues: readonly {
    id: string
    categories: readonly string[]
  }[],
): QueueRouting
