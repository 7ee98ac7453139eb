import type { DayUnit, ServiceGuide } from '@hall/protocol'
import { CATALOG_COLUMNS, type CatalogColumn, type GuideField, normalizeHeader } from './columns.js'
import { type Delimiter, readRecords } from './delimited.js'
import { parseDays, parseMaterials } from './fields.js'
import { initialsOf, serviceId } from './guide.js'
import { DEFAULT_FALLBACK_QUEUE_ID, DEFAULT_QUEUE_RULES, type QueueRule, queueForCategory } from './queue.js'

/**
 * Reads a catalog file (事项目录, optionally with the 办事指南 columns) as the district publishes it
 * or a clerk exports it from a spreadsheet: TSV or CSV, UTF-8 (with or without BOM), UTF-16 (Excel's
 * "Unicode text") or GB18030/GBK (Excel's CSV on a Chinese Windows). Every problem is reported with
 * its line in Chinese; a bad line is skipped and never stops the others.
 */

export type CatalogFormat = 'tsv' | 'csv'
export type CatalogEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

export interface CatalogError {
  /** 1-based line in the file; the header is usually line 1. */
  line: number
  message: string
}

export interface CatalogParseResult {
  items: ServiceGuide[]
  errors: CatalogError[]
  format: CatalogFormat
  encoding: CatalogEncoding
}

export interface ParseCatalogOptions {
  /** Decides the format by extension (.csv, .tsv); otherwise the header line decides. */
  fileName?: string
  format?: CatalogFormat
  /** Category → queue rules, usually from the hall config; defaults to the demo hall's. */
  queueRules?: readonly QueueRule[]
  fallbackQueueId?: string | null
}

/**
 * Bytes to text. A BOM decides; otherwise strict UTF-8, and bytes that are not valid UTF-8 are
 * taken as GB18030 (a superset of GBK and GB2312). Node's TextDecoder knows GB18030 through ICU.
 */
export function decodeCatalogBytes(bytes: Uint8Array): { text: string; encoding: CatalogEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' }
  }
}

/** By extension when there is one we know; else TSV if the header line has a tab, CSV if a comma. */
export function detectFormat(text: string, fileName?: string): CatalogFormat {
  const extension = fileName?.toLowerCase().match(/\.(csv|tsv|tab)$/)?.[1]
  if (extension === 'csv') return 'csv'
  if (extension === 'tsv' || extension === 'tab') return 'tsv'
  const firstLine = text.replace(/^[\r\n]+/, '').split(/\r\n|\n|\r/, 1)[0] ?? ''
  if (firstLine.includes('\t')) return 'tsv'
  return firstLine.includes(',') ? 'csv' : 'tsv'
}

const DELIMITERS: Record<CatalogFormat, Delimiter> = { tsv: '\t', csv: ',' }

const isBlank = (fields: readonly string[]) => fields.every((field) => field.trim() === '')

export function parseCatalog(
  input: string | Uint8Array,
  options: ParseCatalogOptions = {},
): CatalogParseResult {
  const decoded =
    typeof input === 'string' ? { text: input, encoding: 'utf-8' as const } : decodeCatalogBytes(input)
  const text = decoded.text.replace(/^\uFEFF/, '')
  const format = options.format ?? detectFormat(text, options.fileName)
  const result: CatalogParseResult = { items: [], errors: [], format, encoding: decoded.encoding }
  const { records, unterminatedQuoteLine } = readRecords(text, DELIMITERS[format])
  const rows = records.filter((record) => !isBlank(record.fields))
  const header = rows.shift()
  if (header === undefined) {
    result.errors.push({ line: 1, message: '第1行：文件为空，没有表头行' })
    return result
  }
  const columns = mapHeader(header.fields, header.line, result.errors)
  if (columns === null) return result

  const rules = options.queueRules ?? DEFAULT_QUEUE_RULES
  const fallback = options.fallbackQueueId === undefined ? DEFAULT_FALLBACK_QUEUE_ID : options.fallbackQueueId
  const seenSeq = new Map<number, number>()
  for (const row of rows) {
    const item = parseRow(row.fields, row.line, columns, header.fields.length, result.errors)
    if (item === null) continue
    const previous = seenSeq.get(item.seq)
    if (previous !== undefined) {
      result.errors.push({
        line: row.line,
        message: `第${row.line}行：序号 ${item.seq} 与第${previous}行重复，该行已跳过`,
      })
      continue
    }
    seenSeq.set(item.seq, row.line)
    item.queueId = queueForCategory(item.category, rules, fallback)
    result.items.push(item)
  }
  if (unterminatedQuoteLine !== null) {
    result.errors.push({
      line: unterminatedQuoteLine,
      message: `第${unterminatedQuoteLine}行：引号没有闭合，从此行到文件末尾的内容都无法读取`,
    })
  }
  return result
}

/** Column index of each known field, or null (with errors) when a required column is missing. */
function mapHeader(
  cells: readonly string[],
  line: number,
  errors: CatalogError[],
): Map<GuideField, number> | null {
  const columns = new Map<GuideField, number>()
  cells.forEach((cell, index) => {
    const name = normalizeHeader(cell)
    const column = CATALOG_COLUMNS.find((candidate) => candidate.names.includes(name))
    if (column === undefined) return
    if (columns.has(column.field)) {
      errors.push({ line, message: `第${line}行（表头）：“${name}”列出现了不止一次，只读取第一列` })
      return
    }
    columns.set(column.field, index)
  })
  const missing = CATALOG_COLUMNS.filter((column) => column.required && !columns.has(column.field))
  if (missing.length === 0) return columns
  const names = missing.map((column: CatalogColumn) => column.names[0]).join('、')
  errors.push({ line, message: `第${line}行（表头）：缺少必需的列：${names}，整个文件无法导入` })
  return null
}

function parseRow(
  fields: readonly string[],
  line: number,
  columns: Map<GuideField, number>,
  headerWidth: number,
  errors: CatalogError[],
): ServiceGuide | null {
  const extra = fields.slice(headerWidth).filter((field) => field.trim() !== '')
  if (extra.length > 0) {
    errors.push({
      line,
      message: `第${line}行：本行有 ${fields.length} 列，多于表头的 ${headerWidth} 列（内容里可能含有分隔符），该行已跳过`,
    })
    return null
  }
  const cell = (field: GuideField): string => {
    const index = columns.get(field)
    return index === undefined ? '' : (fields[index] ?? '').trim()
  }
  const text = (field: GuideField): string | null => {
    const value = cell(field)
    return value === '' ? null : value
  }

  const problems: string[] = []
  const seqText = cell('seq').normalize('NFKC')
  let seq = 0
  if (seqText === '') problems.push('序号为空')
  else if (!/^\d{1,9}$/.test(seqText) || Number(seqText) < 1) problems.push(`序号“${seqText}”不是正整数`)
  else seq = Number(seqText)
  const category = cell('category')
  const name = cell('name')
  const itemType = cell('itemType')
  if (category === '') problems.push('类别为空')
  if (name === '') problems.push('事项名称为空')
  if (itemType === '') problems.push('事项类型为空')
  if (problems.length > 0) {
    const short =
      fields.length < headerWidth ? `（本行只有 ${fields.length} 列，表头有 ${headerWidth} 列）` : ''
    errors.push({ line, message: `第${line}行：${problems.join('；')}${short}，该行已跳过` })
    return null
  }

  const days = (
    field: 'legalDays' | 'promisedDays',
    label: string,
  ): { days: number | null; unit: DayUnit } => {
    const raw = cell(field)
    const parsed = parseDays(raw)
    if (parsed.ok) return { days: parsed.days, unit: parsed.unit }
    errors.push({
      line,
      message: `第${line}行：${label}“${raw}”无法识别（应写成“5个工作日”“30日”“5”或“即办”），已按空值导入`,
    })
    return { days: null, unit: 'working' }
  }
  const legal = days('legalDays', '法定办结时限')
  const promised = days('promisedDays', '承诺办结时限')

  return {
    id: serviceId(seq),
    seq,
    category,
    name,
    itemType,
    queueId: null,
    initials: initialsOf(name),
    basis: text('basis'),
    department: text('department'),
    conditions: text('conditions'),
    legalDays: legal.days,
    legalDayUnit: legal.unit,
    promisedDays: promised.days,
    promisedDayUnit: promised.unit,
    resultName: text('resultName'),
    fees: text('fees'),
    feeBasis: text('feeBasis'),
    materials: parseMaterials(cell('materials')),
    process: text('process'),
    reviewStandard: text('reviewStandard'),
    appointment: text('appointment'),
    consultation: text('consultation'),
    complaint: text('complaint'),
  }
}
