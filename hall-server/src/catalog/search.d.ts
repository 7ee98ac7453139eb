import type { ServiceSummary } from '@hall/protocol'
/**
 * Search over the catalog for the kiosk and the counter: a Chinese substring of the name or the
 * category, pinyin initials (dsz → 独生子女…), or the 序号. Ranked
 *   exact name or 序号 > name prefix > initials prefix > name or initials substring > category,
 * then by where the match starts, shorter names, 序号. A linear scan over pre-normalised strings:
 * microseconds for the 152 items of a town hall, well under a millisecond for 5,000.
 */
export declare const MATCH_KINDS: readonly ['exact', 'namePrefix', 'initialsPrefix', 'substring', 'category']
export type MatchKind = (typeof MATCH_KINDS)[number]
export interface SearchOptions {
  /** Only this category (exact). */
  category?: string | null
  /** Only items served by this queue. */
  queueId?: string | null
  /** At most this many results; default 50. */
  limit?: number
}
export interface SearchHit<T extends ServiceSummary = ServiceSummary> {
  item: T
  /** How the item matched; null when the query was empty and everything is listed. */
  match: MatchKind | null
}
/** NFKC folds full-width letters and brackets; spaces never matter in a query. */
export declare const normalizeQuery: (text: string) => string
export declare class CatalogIndex<T extends ServiceSummary = ServiceSummary> {
  private readonly entries
  constructor(items: readonly T[])
  get size(): number
  /** The items matching `query`, best first. An empty query lists the items in catalog order. */
  search(query: string, options?: SearchOptions): T[]
  searchHits(query: string, options?: SearchOptions): SearchHit<T>[]
}
