export {
  DEMO_CATALOG_FILE,
  type ImportOptions,
  type ImportResult,
  type ReadCatalogOptions,
  readCatalogFile,
  ServiceCatalog,
  type ServiceQuery,
} from './catalog.js'
export { CATALOG_COLUMNS, type CatalogColumn, type GuideField } from './columns.js'
export {
  type DaysResult,
  formatDays,
  formatMaterials,
  parseDays,
  parseMaterial,
  parseMaterials,
} from './fields.js'
export { formatCatalog } from './format.js'
export { GUIDE_TEXT_FIELDS, initialsOf, serviceId, summaryOf } from './guide.js'
export {
  type CatalogEncoding,
  type CatalogError,
  type CatalogFormat,
  type CatalogParseResult,
  decodeCatalogBytes,
  detectFormat,
  type ParseCatalogOptions,
  parseCatalog,
} from './parse.js'
export {
  DEFAULT_FALLBACK_QUEUE_ID,
  DEFAULT_QUEUE_RULES,
  type QueueRouting,
  type QueueRule,
  queueForCategory,
  queueRoutingFromConfig,
} from './queue.js'
export { CatalogIndex, MATCH_KINDS, type MatchKind, type SearchHit, type SearchOptions } from './search.js'
