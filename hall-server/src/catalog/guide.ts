import type { ServiceGuide, ServiceSummary } from '@hall/protocol'
import { pinyin } from 'pinyin-pro'

/** A stable id from the 序号: `svc-004`. The 序号 is what the district's catalog keeps stable. */
export const serviceId = (seq: number): string => `svc-${String(seq).padStart(3, '0')}`

/**
 * Pinyin first letters of a name in lowercase, for search on the kiosk: 《独生子女服务光荣证》办理
 * → dsznfwgrzbl. Punctuation is dropped; ASCII letters and digits are kept (NFKC first, so
 * full-width Ｂ超 and １００ count too). pinyin-pro picks readings from context (银行 → yh).
 */
export function initialsOf(name: string): string {
  const normalized = name.normalize('NFKC')
  if (normalized.trim() === '') return ''
  const letters = pinyin(normalized, { pattern: 'first', toneType: 'none', type: 'array' })
  return letters
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

export const summaryOf = (guide: ServiceSummary): ServiceSummary => ({
  id: guide.id,
  seq: guide.seq,
  category: guide.category,
  name: guide.name,
  itemType: guide.itemType,
  queueId: guide.queueId,
  initials: guide.initials,
})

/** Guide elements that are text, in the order of §30. */
export const GUIDE_TEXT_FIELDS = [
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
] as const satisfies readonly (keyof ServiceGuide)[]
