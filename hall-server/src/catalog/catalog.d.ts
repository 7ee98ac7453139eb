import type { ServiceGuide, ServiceSummary } from '@hall/protocol'
import type { Db } from '../store/db.js'
import { type CatalogParseResult, type ParseCatalogOptions } from './parse.js'
import { type QueueRouting } from './queue.js'
/** The demo hall's catalog shipped with the server (see data/README.md). */
export declare const DEMO_CATALOG_FILE: string
export type ReadCatalogOptions = Omit<ParseCatalogOptions, 'fileName'>
export declare function readCatalogFile(
  file: string,
  options?: ReadCatalogOptions,
): Promise<CatalogParseResult>
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
/**
 * The catalog as the server uses it: kept in the database, held in memory for lookups and search
 * (the catalog is small and read on every kiosk keystroke), replaced as a whole on import.
 */
export declare class ServiceCatalog {
  private readonly db
  private byId
  private index
  private constructor()
  static open(db: Db): Promise<ServiceCatalog>
  /** Reads the catalog again from the database (after an import by hallctl). */
  reload(): Promise<void>
  get size(): number
  /** Every item in 序号 order. */
  all(): ServiceGuide[]
  get(id: string): Promise<ServiceGuide | null>
  search(query: ServiceQuery): ServiceSummary[]
  replace(items: readonly ServiceGuide[]): Promise<void>
  /** Reads a catalog file and, unless it has errors (see `partial`), replaces the catalog with it. */
  importFile(file: string, options?: ImportOptions): Promise<ImportResult>
  /** Imports `file` only when the catalog is empty, as on a hall's first start; null if not empty. */
  seedIfEmpty(file: string, options?: ImportOptions): Promise<ImportResult | null>
  /** Recomputes every item's queue after the hall's queues changed. */
  reroute(routing: QueueRouting): Promise<void>
  private hold
}
