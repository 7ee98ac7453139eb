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

export const CATALOG_COLUMNS: readonly CatalogColumn[] = [
  { field: 'seq', names: ['序号', '编号'], required: true },
  { field: 'category', names: ['类别', '事项类别'], required: true },
  { field: 'name', names: ['事项名称'], required: true },
  { field: 'itemType', names: ['事项类型'], required: true },
  { field: 'basis', names: ['设定依据'], required: false },
  { field: 'department', names: ['实施主体', '实施机关'], required: false },
  { field: 'conditions', names: ['受理条件'], required: false },
  { field: 'legalDays', names: ['法定办结时限'], required: false },
  { field: 'promisedDays', names: ['承诺办结时限'], required: false },
  { field: 'resultName', names: ['结果名称'], required: false },
  { field: 'fees', names: ['收费标准'], required: false },
  { field: 'feeBasis', names: ['收费依据'], required: false },
  { field: 'materials', names: ['所需材料', '申请材料'], required: false },
  { field: 'process', names: ['办理流程'], required: false },
  { field: 'reviewStandard', names: ['审查标准'], required: false },
  { field: 'appointment', names: ['预约办理'], required: false },
  { field: 'consultation', names: ['咨询方式'], required: false },
  { field: 'complaint', names: ['监督投诉方式'], required: false },
]

/** The header name we write for a field. */
export const columnName = (column: CatalogColumn): string => column.names[0] as string

/** Header cells are compared without spaces (half or full width) and without a trailing colon. */
export const normalizeHeader = (cell: string): string =>
  cell.replace(/[\s\u3000]+/g, '').replace(/[:：]$/, '')
