import type { ServiceGuide } from '@hall/protocol'
import type { CatalogFormat } from './parse.js'
export declare function formatCatalog(items: readonly ServiceGuide[], format?: CatalogFormat): string
