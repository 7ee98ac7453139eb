/**
 * 一次性告知单（补齐补正材料通知书）: lists every missing or non-conforming material at once.
 * Legal basis: 《中华人民共和国行政许可法》第三十二条 — when materials are incomplete the
 * authority must tell the applicant everything to be supplemented on the spot or within five
 * days, in one go; hence the explicit one-time statement and the numbered, complete list.
 */
import { LayoutWriter } from './layout-writer.js'
import type { LayoutOptions, NoticePrint } from './types.js'

export function noticeLayout(n: NoticePrint, options: LayoutOptions = {}): Uint8Array {
  const w = new LayoutWriter(options.paper ?? '80mm')
  w.centered(n.hallName, { bold: true, width: 1, height: 2 })
  w.centered('一次性告知单', { bold: true, width: 2, height: 2 })
  w.centered('（补齐补正材料通知书）', { bold: true })
  w.rule()
  w.field('办件编号', n.caseNo)
  w.blank()
  w.text(`${n.applicantName}：`)
  w.paragraph(
    `您申请办理的“${n.serviceName}”事项，经审查，申请材料不齐全或者不符合法定形式。` +
      `根据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知您需要补齐补正的全部材料` +
      `（共 ${n.missingMaterials.length} 项）如下：`,
  )
  w.numbered(
    n.missingMaterials.map((m) => ({ title: m.name, details: m.note ? [`说明：${m.note}`] : [] })),
    { bold: true },
  )
  w.blank()
  if (n.supplementDeadline)
    w.paragraph(`请于 ${n.supplementDeadline} 前补齐补正上述材料后，携带本告知单到窗口办理。`)
  else w.paragraph('请补齐补正上述材料后，携带本告知单到窗口办理。')
  w.paragraph(
    '本告知单为一次性书面告知。除上述材料外，本机关不再要求您补充其他材料；' +
      '您按本告知单补齐补正材料后，我们将依法予以受理。',
  )
  w.rule()
  w.fields([
    ['告知窗口', n.windowName],
    ['经办人', `${n.staffName}（工号：${n.staffNo}）`],
    ['告知日期', n.issuedAt],
    ['咨询电话', n.consultPhone],
  ])
  w.signOff()
  return w.finish()
}
