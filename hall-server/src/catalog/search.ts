import type { ServiceSummary } from '@hall/protocol'

/**
 * Search over the catalog for the kiosk and the counter: a Chinese substring of the name or the
 * category, pinyin initials (dsz → 独生子女…), or the 序号. Ranked
 *   exact name or 序号 > name prefix > initials prefix > name or initials substring > category,
 * then by where the match starts, shorter names, 序号. A linear scan over pre-normalised strings:
 * microseconds for the 152 items of a town hall, well under a millisecond for 5,000.
 */

export const MATCH_KINDS = ['exact', 'namePrefix', 'initialsPrefix', 'substring', 'category'] as const
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

interface Entry<T> {
  item: T
  name: string
  category: string
  initials: string
  seq: string
}

const DEFAULT_LIMIT = 50

/** NFKC folds full-width letters and brackets; spaces never matter in a query. */
export const normalizeQuery = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(/\s+/g, '')

export class CatalogIndex<T extends ServiceSummary = ServiceSummary> {
  private readonly entries: Entry<T>[]

  constructor(items: readonly T[]) {
    this.entries = [...items]
      .sort((a, b) => a.seq - b.seq)
      .map((item) => ({
        item,
        name: normalizeQuery(item.name),
        category: normalizeQuery(item.category),
        initials: item.initials.toLowerCase(),
        seq: String(item.seq),
      }))
  }

  get size(): number {
    return this.entries.length
  }

  /** The items matching `query`, best first. An empty query lists the items in catalog order. */
  search(query: string, options: SearchOptions = {}): T[] {
    return this.searchHits(query, options).map((hit) => hit.item)
  }

  searchHits(query: string, options: SearchOptions = {}): SearchHit<T>[] {
    const q = normalizeQuery(query)
    const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT)
    const ranked: { entry: Entry<T>; tier: number; position: number }[] = []
    for (const entry of this.entries) {
      if (options.category != null && entry.item.category !== options.category) continue
      if (options.queueId != null && entry.item.queueId !== options.queueId) continue
      if (q === '') {
        ranked.push({ entry, tier: 0, position: 0 })
        continue
      }
      const found = rank(entry, q)
      if (found !== null) ranked.push({ entry, ...found })
    }
    if (q !== '') {
      ranked.sort(
        (a, b) =>
          a.tier - b.tier ||
          a.position - b.position ||
          a.entry.name.length - b.entry.name.length ||
          a.entry.item.seq - b.entry.item.seq,
      )
    }
    return ranked.slice(0, limit).map(({ entry, tier }) => ({
      item: entry.item,
      match: q === '' ? null : (MATCH_KINDS[tier] as MatchKind),
    }))
  }
}

/** Tier (index into MATCH_KINDS) and where the match starts, or null when nothing matches. */
function rank<T>(entry: Entry<T>, q: string): { tier: number; position: number } | null {
  if (entry.name === q || entry.seq === q) return { tier: 0, position: 0 }
  if (entry.name.startsWith(q)) return { tier: 1, position: 0 }
  if (entry.initials.startsWith(q)) return { tier: 2, position: 0 }
  const inName = entry.name.indexOf(q)
  if (inName >= 0) return { tier: 3, position: inName }
  const inInitials = entry.initials.indexOf(q)
  if (inInitials >= 0) return { tier: 3, position: inInitials }
  const inCategory = entry.category.indexOf(q)
  if (inCategory >= 0) return { tier: 4, position: inCategory }
  return null
}
