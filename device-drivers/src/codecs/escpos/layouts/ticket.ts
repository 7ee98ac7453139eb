/**
 * Queue ticket (排队小票): hall name, the number in 3x size, queue, people ahead, estimated
 * wait, time, QR code, hint, cut. Bytes: see `../composer.ts`; 80 mm by default.
 */
import { PaperColumns, type PaperWidth } from '../constants.js'
import { LayoutWriter } from './layout-writer.js'
import type { LayoutOptions, TicketPrint } from './types.js'

/** 3x3 is legible from a metre away; a code too long for that on the paper drops to 2x2. */
function numberSize(code: string, paper: PaperWidth): number {
  return code.length * 3 <= PaperColumns[paper] ? 3 : 2
}

export function ticketLayout(t: TicketPrint, options: LayoutOptions = {}): Uint8Array {
  const paper = options.paper ?? '80mm'
  const w = new LayoutWriter(paper)
  w.centered(t.hallName, { bold: true, width: 1, height: 2 })
  w.rule()
  w.centered('您的排队号码')
  const size = numberSize(t.code, paper)
  w.centered(t.code, { bold: true, width: size, height: size })
  w.centered(t.queueName, { bold: true, width: 2, height: 2 })
  if (t.priorityLabel) w.centered(`【${t.priorityLabel}】`, { bold: true })
  if (t.applicantName) w.centered(`申请人：${t.applicantName}`)
  w.blank()
  w.centered(`您前面还有 ${Math.max(0, Math.trunc(t.peopleAhead))} 人等候`, {
    bold: true,
    width: 1,
    height: 2,
  })
  if (t.estimatedWaitMinutes !== null) {
    const minutes = Math.max(0, Math.round(t.estimatedWaitMinutes))
    w.centered(minutes === 0 ? '预计很快就会叫到您' : `预计等候约 ${minutes} 分钟`)
  }
  w.centered(`取号时间：${t.issuedAt}`)
  w.blank()
  w.qr(t.qrContent, '微信扫码查看排队进度')
  if (t.hint) w.centered(t.hint)
  return w.finish()
}
