import { ServiceGuide } from '@hall/protocol'
import type { Db } from './db.js'
/**
 * The `catalog` table: one row per service item. The summary columns are there for SQL (reports,
 * joins on service_item_id); `guide` holds the whole ServiceGuide as JSON and is what is read back.
 * Every item is checked against the contract schema before it is written, so a bad import fails
 * whole instead of leaving a guide the screens cannot show.
 */
export declare class CatalogItemInvalid extends Error {
  readonly itemId: string
  readonly problems: string[]
  readonly code = 'VALIDATION'
  constructor(itemId: string, problems: string[])
}
/** Replaces the whole catalog in one transaction: afterwards the table holds exactly `items`. */
export declare function replaceCatalog(db: Db, items: readonly ServiceGuide[]): Promise<void>
/** Inserts new items and overwrites those with the same id; other items stay. */
export declare function upsertCatalog(db: Db, items: readonly ServiceGuide[]): Promise<void>
/** The whole catalog in 序号 order. */
export declare function loadCatalog(db: Db): Promise<ServiceGuide[]>
export declare function getService(db: Db, id: string): Promise<ServiceGuide | null>
export declare function countCatalog(db: Db): Promise<number>
