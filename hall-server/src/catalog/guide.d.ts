import type { ServiceSummary } from '@hall/protocol'
/** A stable id from the 序号: `svc-004`. The 序号 is what the district's catalog keeps stable. */
export declare const serviceId: (seq: number) => string
/**
 * Pinyin first letters of a name in lowercase, for search on the kiosk: 《独生子女服务光荣证》办理
 * → dsznfwgrzbl. Punctuation is dropped; ASCII letters and digits are kept (NFKC first, so
 * full-width Ｂ超 and １００ count too). pinyin-pro picks readings from context (银行 → yh).
 */
export declare function initialsOf(name: string): string
export declare const summaryOf: (guide: ServiceSummary) => ServiceSummary
/** Guide elements that are text, in the order of §30. */
export declare const GUIDE_TEXT_FIELDS: readonly [
  'basis',
  'department',
  'conditions',
  'resultName',
  'fees',
  'feeBasis',
  'process',
  'reviewStandard',
  'appointment',
  'consultation',
  'complaint',
]
