import type { ServiceGuide } from '@hall/protocol'
import { type QueueRule } from './queue.js'
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
export declare function decodeCatalogBytes(bytes: Uint8Array): {
  text: string
  encoding: CatalogEncoding
}
/** By extension when there is one we know; else TSV if the header line has a tab, CSV if a comma. */
export declare function detectFormat(text: string, fileName?: string): CatalogFormat
export declare function parseCatalog(
  input: string | Uint8Array,
  options?: ParseCatalogOptions,
): CatalogParseResult
