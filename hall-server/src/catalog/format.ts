import type { ServiceGuide } from '@hall/protocol'
import { CATALOG_COLUMNS, columnName, type GuideField } from './columns.js'
import { formatRecord } from './delimited.js'
import { formatDays, formatMaterials } from './fields.js'
import type { CatalogFormat } from './parse.js'

/**
 * Writes items back as a catalog file that `parseCatalog` reads to the same items: for export to a
 * spreadsheet and for generating the demo catalog. CSV ends lines with CRLF (RFC 4180); TSV with
 * LF. Add a BOM yourself if the file is for Excel.
 */

function cellOf(item: ServiceGuide, field: GuideField): string {
  switch (field) {
    case 'seq':
      return String(item.seq)
    case 'legalDays':
      return formatDays(item.legalDays, item.legalDayUnit)
    case 'promisedDays':
      return formatDays(item.promisedDays, item.promisedDayUnit)
    case 'materials':
      return formatMaterials(item.materials)
    default:
      return item[field] ?? ''
  }
}

export function formatCatalog(items: readonly ServiceGuide[], format: CatalogFormat = 'tsv'): string {
  const delimiter = format === 'csv' ? ',' : '\t'
  const newline = format === 'csv' ? '\r\n' : '\n'
  const lines = [formatRecord(CATALOG_COLUMNS.map(columnName), delimiter)]
  for (const item of items) {
    lines.push(
      formatRecord(
        CATALOG_COLUMNS.map((column) => cellOf(item, column.field)),
        delimiter,
      ),
    )
  }
  return lines.join(newline) + newline
}
