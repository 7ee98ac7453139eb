/**
 * 不予受理通知书. 《行政许可法》第三十二条第二款 asks for a written, dated document for every
 * acceptance or refusal (the seal line is for it); it states the reason and tells the applicant
 * of the remedies: administrative reconsideration within sixty days (《行政复议法》) or a lawsuit
 * within six months (《行政诉讼法》第四十六条).
 */
import { LayoutWriter } from './layout-writer.js'
import type { LayoutOptions, RefusalPrint } from './types.js'

export function refusalLayout(r: RefusalPrint, options: LayoutOptions = {}): Uint8Array {
  const w = new LayoutWriter(options.paper ?? '80mm')
  w.centered(r.hallName, { bold: true, width: 1, height: 2 })
  w.centered('不予受理通知书', { bold: true, width: 2, height: 2 })
  w.rule()
  w.field('办件编号', r.caseNo)
  w.blank()
  w.text(`${r.applicantName}：`)
  w.paragraph(`您申请办理的“${r.serviceName}”事项，经审查，决定不予受理。理由如下：`)
  w.paragraph(r.reason)
  w.paragraph(
    '如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，' +
      '或者自收到本通知书之日起六个月内依法向人民法院提起行政诉讼。',
  )
  w.rule()
  w.fields([
    ['受理窗口', r.windowName],
    ['经办人', `${r.staffName}（工号：${r.staffNo}）`],
    ['告知日期', r.issuedAt],
  ])
  w.signOff()
  return w.finish()
}
