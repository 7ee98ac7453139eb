/**
 * 办事指南, or just its 申请材料清单 (`materialsOnly`): what a citizen takes home to come back
 * with everything at once. Null fields are left out rather than printed as blanks.
 */
import { type DayUnit, dayLimitText } from '@hall/protocol'
import { LayoutWriter } from './layout-writer.js'
import type { GuidePrint, LayoutOptions } from './types.js'

function days(n: number | null, unit: DayUnit): string | null {
  return dayLimitText(n, unit, '即办（当场办结）')
}

export function guideLayout(g: GuidePrint, options: LayoutOptions = {}): Uint8Array {
  const w = new LayoutWriter(options.paper ?? '80mm')
  w.centered(g.hallName, { bold: true, width: 1, height: 2 })
  w.centered(g.materialsOnly ? '申请材料清单' : '办事指南', { bold: true, width: 2, height: 2 })
  w.centered(g.name, { bold: true })
  w.rule()
  if (!g.materialsOnly) {
    w.dotted('事项类型', g.itemType)
    w.dotted('实施部门', g.department)
    w.dotted('法定办结时限', days(g.legalDays, g.legalDayUnit))
    w.dotted('承诺办结时限', days(g.promisedDays, g.promisedDayUnit))
    w.dotted('收费标准', g.fees)
    if (g.conditions) {
      w.blank()
      w.text('【办理条件】', { bold: true })
      w.text(g.conditions)
    }
    if (g.process) {
      w.blank()
      w.text('【办理流程】', { bold: true })
      w.text(g.process)
    }
    w.blank()
  }
  w.text(`【申请材料】（共 ${g.materials.length} 项）`, { bold: true })
  w.numbered(
    g.materials.map((m) => ({
      title: `${m.name}（${m.required ? '必须' : '非必须'}）`,
      details: [...(m.copies ? [`份数：${m.copies}`] : []), ...(m.note ? [`备注：${m.note}`] : [])],
    })),
  )
  if (g.materials.length === 0) w.text('本事项无需提交申请材料。')
  w.rule()
  if (g.consultPhone) w.centered(`咨询电话：${g.consultPhone}`)
  w.centered('以上信息仅供参考，以窗口工作人员审核为准。')
  return w.finish()
}
