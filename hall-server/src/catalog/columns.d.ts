import type { ServiceGuide } from '@hall/protocol'
/**
 * The columns of a catalog file. The four required ones are the 事项目录 itself; the rest are the
 * elements of a 办事指南 (淄川区镇村便民服务标准化管理办法 §30). The first name of each column is
 * the one we write; the others are spellings met in exported spreadsheets and accepted on reading.
 */
export type GuideField = Exclude<keyof ServiceGuide, 'id' | 'queueId' | 'initials'>
export interface CatalogColumn {
  field: GuideField
  names: readonly string[]
  required: boolean
}
export declare const CATALOG_COLUMNS: readonly CatalogColumn[]
/** The header name we write for a field. */
export declare const columnName: (column: CatalogColumn) => string
/** Header cells are compared without spaces (half or full width) and without a trailing colon. */
export declare const normalizeHeader: (cell: string) => string
