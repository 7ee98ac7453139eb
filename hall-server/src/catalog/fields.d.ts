import type { GuideMaterial } from '@hall/protocol'
/** 五 → 5, 十五 → 15, 三十 → 30, 一百零五 → 105, 一百二十 → 120; null for anything else. */
export declare function chineseNumber(text: string): number | null
export type DaysResult =
  | {
      ok: true
      days: number | null
    }
  | {
      ok: false
    }
/**
 * A time limit as whole days: "5个工作日", "5", "十五日" → the number; "即办", "当场办结" → 0;
 * empty or "无" → null. A note in brackets after it ("20个工作日（不含公示时间）") is ignored.
 */
export declare function parseDays(text: string): DaysResult
export declare function formatDays(days: number | null, unit?: string): string
/**
 * One material: "居民身份证（原件1份）" → copies 原件1份; "（可选）", "（如有）" or a trailing
 * "非必须" → not required; any other bracketed note at the end → note.
 */
export declare function parseMaterial(text: string): GuideMaterial
export declare const parseMaterials: (text: string) => GuideMaterial[]
export declare function formatMaterial(material: GuideMaterial): string
export declare const formatMaterials: (materials: readonly GuideMaterial[]) => string
