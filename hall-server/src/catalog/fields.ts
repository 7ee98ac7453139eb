import { type DayUnit, dayLimitText, type GuideMaterial } from '@hall/protocol'

/**
 * The two guide elements with structure inside a cell: time limits (办结时限) and the list of
 * materials (所需材料). Both are written by people in spreadsheets, so reading accepts the usual
 * spellings; writing uses one of them, which reading gives back unchanged.
 */

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

/** 五 → 5, 十五 → 15, 三十 → 30, 一百零五 → 105, 一百二十 → 120; null for anything else. */
export function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text)
  if (text === '零' || text === '〇') return 0
  // Otherwise 零 is only the filler between 百 and a last digit (一百零五), as it is written.
  const match =
    /^(?:([一二两三四五六七八九])百(?:[零〇](?=[一二两三四五六七八九]$))?)?(?:([一二两三四五六七八九])?(十))?([一二两三四五六七八九])?$/.exec(
      text,
    )
  if (match === null || text === '') return null
  const [, hundreds, tens, ten, ones] = match
  const digit = (c: string | undefined) => (c === undefined ? 0 : (CHINESE_DIGITS[c] ?? 0))
  return (
    digit(hundreds) * 100 + (ten === undefined ? 0 : tens === undefined ? 10 : digit(tens) * 10) + digit(ones)
  )
}

const IMMEDIATE =
  /^(即办|即办件|即时|即时办结|即时办理|立即办理|当场|当场办结|当场办理|当日|当日办结|当天|当天办结)$/
const NONE = /^(无|无法定时限|法律法规未规定|未规定|不适用|[-—－/]+)$/
const COUNT = /^(\d+|[零〇一二两三四五六七八九十百]+)个?(工作日|自然日|日|天)?内?(办结|完成)?$/

export type DaysResult = { ok: true; days: number | null; unit: DayUnit } | { ok: false }

const UNIT_OF: Record<string, DayUnit> = { 工作日: 'working', 自然日: 'natural', 日: 'day', 天: 'day' }

/**
 * A time limit as whole days and the unit it is written in: "5个工作日" and a bare "5" are working
 * days, "60个自然日" calendar days, "十五日" and "15天" plain days; "即办", "当场办结" → 0; empty or
 * "无" → null. The unit of 0 and null is `working`, so writing and reading give the same value. A
 * note in brackets after it ("20个工作日（不含公示时间）") is ignored.
 */
export function parseDays(text: string): DaysResult {
  const cleaned = text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\([^()]*\)$/, '')
  if (cleaned === '' || NONE.test(cleaned)) return { ok: true, days: null, unit: 'working' }
  if (IMMEDIATE.test(cleaned)) return { ok: true, days: 0, unit: 'working' }
  const match = COUNT.exec(cleaned)
  const days = match === null ? null : chineseNumber(match[1] as string)
  if (days === null) return { ok: false }
  const unit = days === 0 ? 'working' : (UNIT_OF[match?.[2] ?? '工作日'] ?? 'working')
  return { ok: true, days, unit }
}

/** The cell text `parseDays` reads back to the same days and unit. */
export function formatDays(days: number | null, unit: DayUnit): string {
  return dayLimitText(days, unit) ?? ''
}

const OPTIONAL = /^(可选|选交|选填|非必须|非必需|非必要|如有|有则提供)$/
const COPIES =
  /^(原件|复印件|原件及复印件|原件和复印件|复印件及原件|电子版|纸质版)|[0-9一二两三四五六七八九十]+\s*(份|张|本|套|页)/
const TRAILING_GROUP = /[（(]([^（）()]*)[)）]\s*$/
const TRAILING_OPTIONAL = /[\s，,、]+(非必须|非必需|可选)$/
const NUMBERING = /^(?:\d+\s*[.、．)）]|[（(]\d+[)）]|[①-⑳])\s*/

/** Splits at `；`, `;` and newlines that are not inside brackets. */
function splitMaterials(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const c of text) {
    if (c === '（' || c === '(') depth += 1
    else if ((c === '）' || c === ')') && depth > 0) depth -= 1
    if (depth === 0 && (c === '；' || c === ';' || c === '\n' || c === '\r')) {
      parts.push(current)
      current = ''
    } else {
      current += c
    }
  }
  parts.push(current)
  return parts.map((part) => part.trim()).filter((part) => part !== '')
}

/**
 * One material: "居民身份证（原件1份）" → copies 原件1份; "（可选）", "（如有）" or a trailing
 * "非必须" → not required; any other bracketed note at the end → note.
 */
export function parseMaterial(text: string): GuideMaterial {
  let name = text.trim().replace(NUMBERING, '')
  let required = true
  const copies: string[] = []
  const notes: string[] = []
  for (;;) {
    const optional = TRAILING_OPTIONAL.exec(name)
    if (optional !== null && optional.index > 0) {
      required = false
      name = name.slice(0, optional.index).trimEnd()
      continue
    }
    const group = TRAILING_GROUP.exec(name)
    if (group === null || group.index === 0) break
    const inside = (group[1] as string).trim()
    name = name.slice(0, group.index).trimEnd()
    if (OPTIONAL.test(inside)) required = false
    else if (COPIES.test(inside)) copies.unshift(inside)
    else if (inside !== '') notes.unshift(inside)
  }
  return {
    name: name === '' ? text.trim() : name,
    required,
    copies: copies.length > 0 ? copies.join('，') : null,
    note: notes.length > 0 ? notes.join('，') : null,
  }
}

export const parseMaterials = (text: string): GuideMaterial[] => splitMaterials(text).map(parseMaterial)

export function formatMaterial(material: GuideMaterial): string {
  let text = material.name
  if (material.copies !== null) text += `（${material.copies}）`
  if (material.note !== null) text += `（${material.note}）`
  if (!material.required) text += '（可选）'
  return text
}

export const formatMaterials = (materials: readonly GuideMaterial[]): string =>
  materials.map(formatMaterial).join('；')
