/**
 * 受理凭证 (acceptance receipt): proves that the hall accepted an application, with what the
 * applicant needs to follow it up (case number, deadline, window, staff number, QR code).
 */
import { LayoutWriter } from './layout-writer.js'
import type { LayoutOptions, ReceiptPrint } from './types.js'

export function receiptLayout(r: ReceiptPrint, options: LayoutOptions = {}): Uint8Array {
  const w = new LayoutWriter(options.paper ?? '80mm')
  w.centered(r.hallName, { bold: true, width: 1, height: 2 })
  w.centered('受理凭证', { bold: true, width: 2, height: 2 })
  w.rule()
  w.fields([
    ['凭证编号', r.receiptNo],
    ['办件编号', r.caseNo],
    ['事项名称', r.serviceName],
    ['申请人', r.applicantName],
    ['办件类型', r.caseTypeLabel],
    ['受理时间', r.acceptedAt],
    ['承诺办结', r.promiseDeadline],
    ['受理窗口', r.windowName],
    ['受理人员', `${r.staffName}（工号：${r.staffNo}）`],
  ])
  w.rule()
  w.text(
    '您的申请已受理。请妥善保管本凭证，可凭办件编号或扫描下方二维码查询办理进度，领取办理结果时请出示本凭证。',
  )
  w.blank()
  w.qr(r.qrContent, '扫码查询办件进度')
  if (r.consultPhone) w.centered(`咨询电话：${r.consultPhone}`)
  return w.finish()
}
