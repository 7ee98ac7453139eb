import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ServiceGuide, ServiceSummary } from '@hall/protocol'
import { countCatalog, loadCatalog, replaceCatalog } from '../store/catalog-repo.js'
import type { Db } from '../store/db.js'
import { summaryOf } from './guide.js'
import { type CatalogParseResult, type ParseCatalogOptions, parseCatalog } from './parse.js'
import { type QueueRouting, queueForCategory } from './queue.js'
import { CatalogIndex } from './search.js'

/** The demo hall's catalog shipped with the server (see data/README.md). */
export const DEMO_CATALOG_FILE = fileURLToPath(new URL('../../data/demo-catalog.tsv', import.meta.url))

export type ReadCatalogOptions = Omit<ParseCatalogOptions, 'fileName'>

export async function readCatalogFile(
  file: string,
  options: ReadCatalogOptions = {},
): Promise<CatalogParseResult> {
  return parseCatalog(await readFile(file), { ...options, fileName: basename(file) })
}

export interface ServiceQuery {
  q: string
  category?: string | null
  queueId?: string | null
  limit?: number
}

export interface ImportOptions {
  routing?: QueueRouting
  /** Import the good lines even when some lines have errors. By default any error stops the import. */
  partial?: boolean
}

export interface ImportResult extends CatalogParseResult {
  applied: boolean
}

const parseOptions = (routing: QueueRouting | undefined): ReadCatalogOptions =>
  routing ? { queueRules: routing.rules, fallbackQueueId: routing.fallbackQueueId } : {}

/**
 * The catalog as the server uses it: kept in the database, held in memory for lookups and search
 * (the catalog is small and read on every kiosk keystroke), replaced as a whole on import.
 */
export class ServiceCatalog {
  private byId = new Map<string, ServiceGuide>()
  private index = new CatalogIndex<ServiceGuide>([])

  private constructor(private readonly db: Db) {}

  static async open(db: Db): Promise<ServiceCatalog> {
    const catalog = new ServiceCatalog(db)
    catalog.hold(await loadCatalog(db))
    return catalog
  }

  /** Reads the catalog again from the database (after an import by hallctl). */
  async reload(): Promise<void> {
    this.hold(await loadCatalog(this.db))
  }

  get size(): number {
    return this.byId.size
  }

  /** Every item in 序号 order. */
  all(): ServiceGuide[] {
    return [...this.byId.values()].sort((a, b) => a.seq - b.seq)
  }

  async get(id: string): Promise<ServiceGuide | null> {
    return this.byId.get(id) ?? null
  }

  search(query: ServiceQuery): ServiceSummary[] {
    return this.index
      .search(query.q, {
        category: query.category ?? null,
        queueId: query.queueId ?? null,
        limit: query.limit,
      })
      .map(summaryOf)
  }

  async replace(items: readonly ServiceGuide[]): Promise<void> {
    await replaceCatalog(this.db, items)
    this.hold(items)
  }

  /** Reads a catalog file and, unless it has errors (see `partial`), replaces the catalog with it. */
  async importFile(file: string, options: ImportOptions = {}): Promise<ImportResult> {
    const parsed = await readCatalogFile(file, parseOptions(options.routing))
    const applied = parsed.items.length > 0 && (parsed.errors.length === 0 || options.partial === true)
    if (applied) await this.replace(parsed.items)
    return { ...parsed, applied }
  }

  /** Imports `file` only when the catalog is empty, as on a hall's first start; null if not empty. */
  async seedIfEmpty(file: string, options: ImportOptions = {}): Promise<ImportResult | null> {
    if ((await countCatalog(this.db)) > 0) return null
    return this.importFile(file, options)
  }

  /** Recomputes every item's queue after the hall's queues changed. */
  async reroute(routing: QueueRouting): Promise<void> {
    await this.replace(
      this.all().map((item) => ({
        ...item,
        queueId: queueForCategory(item.category, routing.rules, routing.fallbackQueueId),
      })),
    )
  }

  private hold(items: readonly ServiceGuide[]): void {
    this.byId = new Map(items.map((item) => [item.id, item]))
    this.index = new CatalogIndex(items)
  }
}
