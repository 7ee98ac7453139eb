/**
 * Print jobs from the hall server: each is checked against the contract, rendered with the
 * matching escpos layout (the layouts take exactly the contract's job data) and printed. Every
 * job gets a `PrintResult`, also when there is no printer or the printer refuses: the server
 * then tells the screen, which shows the number on screen instead.
 */

import { PrintJob, type PrintResult } from '@hall/protocol'
import { Compile } from 'typebox/compile'
import type { PaperWidth } from '../codecs/escpos/constants.js'
import {
  guideLayout,
  noticeLayout,
  receiptLayout,
  refusalLayout,
  ticketLayout,
} from '../codecs/escpos/layouts/index.js'
import { chineseHalf, isDeviceError } from '../devices/errors.js'
import type { ThermalPrinter } from '../devices/thermal-printer.js'

const checkJob = Compile(PrintJob)

/** Codes the agent adds to the printer's own (PRINTER_OFFLINE, PAPER_OUT, COVER_OPEN, ...). */
export const AgentPrintCode = {
  noPrinter: 'NO_PRINTER',
  invalidJob: 'INVALID_JOB',
  renderFailed: 'RENDER_FAILED',
} as const

/** Chinese for the clerk and citizen when the device error has no Chinese of its own. */
const MESSAGES: Readonly<Record<string, string>> = {
  NO_PRINTER: '此终端没有配置打印机',
  INVALID_JOB: '打印内容格式不正确',
  RENDER_FAILED: '打印内容排版失败',
  PRINTER_OFFLINE: '打印机未连接或脱机',
  PAPER_OUT: '打印机缺纸',
  COVER_OPEN: '打印机纸仓盖未关',
  PRINTER_ERROR: '打印机故障',
  TIMEOUT: '打印机无应答',
  WRITE_FAILED: '打印数据发送失败',
  NOT_CONNECTED: '打印机未连接',
  STOPPED: '设备代理正在停止',
}

export function isPrintJob(value: unknown): value is PrintJob {
  return checkJob.Check(value)
}

/** The ESC/POS bytes of a job, on the configured paper. */
export function renderPrintJob(job: PrintJob, paper: PaperWidth): Uint8Array {
  const options = { paper }
  switch (job.kind) {
    case 'ticket':
      return ticketLayout(job.data, options)
    case 'receipt':
      return receiptLayout(job.data, options)
    case 'notice':
      return noticeLayout(job.data, options)
    case 'refusal':
      return refusalLayout(job.data, options)
    case 'guide':
      return guideLayout(job.data, options)
  }
}

/** The Chinese half of a device message (`中文 / English`), or the table's text for the code. */
export function chineseMessage(code: string, message: string | undefined): string {
  const zh = message === undefined ? undefined : chineseHalf(message)
  if (zh && /[\u4e00-\u9fff]/.test(zh)) return zh.slice(0, 500)
  return MESSAGES[code] ?? '打印失败'
}

function failed(jobId: string, code: string, message?: string): PrintResult {
  return { jobId: jobId.slice(0, 64), ok: false, code, message: chineseMessage(code, message) }
}

/** Prints one job from the server and says how it went; never throws. */
export async function printJob(
  printer: ThermalPrinter | null,
  job: unknown,
  paper: PaperWidth,
): Promise<PrintResult> {
  const jobId =
    typeof (job as { jobId?: unknown } | null)?.jobId === 'string' ? (job as { jobId: string }).jobId : ''
  if (!isPrintJob(job)) return failed(jobId || 'unknown', AgentPrintCode.invalidJob)
  if (!printer) return failed(jobId, AgentPrintCode.noPrinter)
  let bytes: Uint8Array
  try {
    bytes = renderPrintJob(job, paper)
  } catch (err) {
    return failed(jobId, AgentPrintCode.renderFailed, (err as Error).message)
  }
  try {
    await printer.print(bytes, { jobId })
    return { jobId, ok: true, code: null, message: null }
  } catch (err) {
    if (isDeviceError(err)) return failed(jobId, err.code, err.message)
    return failed(jobId, 'WRITE_FAILED', (err as Error).message)
  }
}
