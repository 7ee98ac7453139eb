import { ServiceGuide } from '@hall/protocol'
import { Value } from 'typebox/value'
import type { Db } from './db.js'

/**
 * The `catalog` table: one row per service item. The summary columns are there for SQL (reports,
 * joins on service_item_id); `guide` holds the whole ServiceGuide as JSON and is what is read back.
 * Every item is checked against the contract schema before it is written, so a bad import fails
 * whole instead of leaving a guide the screens cannot show.
 */

export class CatalogItemInvalid extends Error {
  readonly code = 'VALIDATION'
  constructor(
    readonly itemId: string,
    readonly problems: string[],
  ) {
    super(`事项 ${itemId} 的办事指南格式不正确：${problems.join('；')}`)
    this.name = 'CatalogItemInvalid'
  }
}

function check(item: ServiceGuide): void {
  // Typed as a guide, but it may come from a file or a request: look at it as unknown.
  const value: unknown = item
  if (Value.Check(ServiceGuide, value)) return
  const problems = [...Value.Errors(ServiceGuide, value)].slice(0, 5).map((error) => {
    const { instancePath, message } = error as { instancePath?: string; message?: string }
    return `${instancePath || '/'} ${message ?? ''}`.trim()
  })
  throw new CatalogItemInvalid(typeof item.id === 'string' ? item.id : '?', problems)
}

const UPSERT = `INSERT INTO catalog (id, seq, category, name, item_type, queue_id, initials, guide)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, category = excluded.category, name = excluded.name,
  item_type = excluded.item_type, queue_id = excluded.queue_id, initials = excluded.initials,
  guide = excluded.guide`

async function write(db: Db, items: readonly ServiceGuide[]): Promise<void> {
  for (const item of items) {
    await db.run(UPSERT, [
      item.id,
      item.seq,
      item.category,
      item.name,
      item.itemType,
      item.queueId,
      item.initials,
      JSON.stringify(item),
    ])
  }
}

/** Replaces the whole catalog in one transaction: afterwards the table holds exactly `items`. */
export async function replaceCatalog(db: Db, items: readonly ServiceGuide[]): Promise<void> {
  items.forEach(check)
  await db.transaction(async () => {
    await db.run('DELETE FROM catalog')
    await write(db, items)
  })
}

/** Inserts new items and overwrites those with the same id; other items stay. */
export async function upsertCatalog(db: Db, items: readonly ServiceGuide[]): Promise<void> {
  items.forEach(check)
  await db.transaction(() => write(db, items))
}

/** A stored guide. Those stored before time limits had units wrote working days. */
function readGuide(json: string): ServiceGuide {
  const stored = JSON.parse(json) as Omit<ServiceGuide, 'legalDayUnit' | 'promisedDayUnit'> &
    Partial<ServiceGuide>
  return { legalDayUnit: 'working', promisedDayUnit: 'working', ...stored }
}

/** The whole catalog in 序号 order. */
export async function loadCatalog(db: Db): Promise<ServiceGuide[]> {
  const rows = await db.all<{ guide: string }>('SELECT guide FROM catalog ORDER BY seq, id')
  return rows.map((row) => readGuide(row.guide))
}

export async function getService(db: Db, id: string): Promise<ServiceGuide | null> {
  const row = await db.get<{ guide: string }>('SELECT guide FROM catalog WHERE id = ?', [id])
  return row ? readGuide(row.guide) : null
}

export async function countCatalog(db: Db): Promise<number> {
  const row = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM catalog')
  return row?.n ?? 0
}
