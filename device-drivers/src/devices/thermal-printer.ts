/**
 * ESC/POS receipt printer. Prints ready-made jobs (bytes from the escpos layouts) and reads the
 * real-time status with DLE EOT 1, 2, 3 and 4 (`statusRequest` + `createStatusDecoder`) before
 * each job, after it, and on a timer.
 *
 * A job is refused with a coded DeviceError rather than sent into a printer that cannot print it:
 * PRINTER_OFFLINE (not connected or reports offline), COVER_OPEN, PAPER_OUT, PRINTER_ERROR (cutter,
 * overheat, fault), TIMEOUT (no status answer), WRITE_FAILED. The caller decides what to tell the
 * citizen; nothing is dropped silently.
 *
 * Status needs a readable transport (TCP, serial). Behind node-thermal-printer (`printer:`,
 * `lp:`) the printer is write-only: jobs are sent blind and `paper` stays `unknown`.
 */

import {
  createStatusDecoder,
  type RealtimeStatus,
  type StatusKind,
  type StatusProblem,
  type StatusResult,
  statusProblems,
  statusRequest,
} from '../codecs/escpos/index.js'
import { deviceCondition } from './condition.js'
import { Device, type DeviceBaseEvents, type DeviceHealth, type DeviceOptions } from './device.js'
import { DeviceError, DeviceErrorCode } from './errors.js'
import { Waitress } from './waitress.js'

export type PaperState = 'ok' | 'near_end' | 'out' | 'unknown'

export interface PrinterStatus {
  online: boolean
  paper: PaperState
  coverOpen: boolean
  /** Most urgent first (from `statusProblems`). */
  problems: StatusProblem[]
  raw: RealtimeStatus[]
}

export interface PrinterHealth extends DeviceHealth {
  kind: 'printer'
  online: boolean
  /** Connected, but the last status request went unanswered. */
  noAnswer: boolean
  paper: PaperState
  coverOpen: boolean
  /** What stops printing now, in Chinese for the clerk; null when the printer can print. */
  error: string | null
  problems: StatusProblem[]
  statusCheckedAt: number | null
  jobsPrinted: number
  jobsRefused: number
}

export interface PrintReceipt {
  jobId: string | null
  bytes: number
  /** Status read after the job, when the transport can read. */
  statusAfter: PrinterStatus | null
  /** Non-blocking problems to pass on (paper near end). */
  warnings: StatusProblem[]
}

export interface ThermalPrinterEvents extends DeviceBaseEvents {
  status: [status: PrinterStatus]
  printed: [receipt: PrintReceipt]
  refused: [error: DeviceError, jobId: string | null]
}

export interface ThermalPrinterOptions extends DeviceOptions {
  /** Query DLE EOT status; default: whenever the transport is readable. */
  statusQueries?: boolean
  /** Per status answer; default 1000 ms. */
  statusTimeoutMs?: number
  /** Status poll while idle; default 15 s; 0 turns it off. */
  statusIntervalMs?: number
}

const KINDS: readonly StatusKind[] = ['printer', 'offline', 'error', 'paper']

/**
 * What stops printing, most specific cause first: a printer with its cover open or out of paper
 * also reports itself offline, and the clerk needs the cause, not the symptom.
 */
export function blockingProblem(status: PrinterStatus): StatusProblem | null {
  const blocking = status.problems.filter((p) => p.blocking)
  const order: StatusProblem['code'][] = [
    'cover_open',
    'paper_out',
    'cutter_error',
    'unrecoverable',
    'recoverable',
  ]
  for (const code of order) {
    const p = blocking.find((b) => b.code === code)
    if (p) return p
  }
  const offline = blocking.find((b) => b.code === 'offline')
  if (offline) return offline
  return status.online ? null : { code: 'offline', message: '打印机离线', blocking: true }
}

const REFUSAL_CODE: Readonly<Record<StatusProblem['code'], DeviceErrorCode>> = {
  cover_open: DeviceErrorCode.coverOpen,
  paper_out: DeviceErrorCode.paperOut,
  cutter_error: DeviceErrorCode.printerError,
  unrecoverable: DeviceErrorCode.printerError,
  recoverable: DeviceErrorCode.printerError,
  offline: DeviceErrorCode.printerOffline,
  paper_near_end: DeviceErrorCode.printerError,
}

/** The coded refusal for a status, or null when the printer can print. */
export function refusalFor(status: PrinterStatus): DeviceError | null {
  const p = blockingProblem(status)
  return p ? new DeviceError(REFUSAL_CODE[p.code], `${p.message} / printer: ${p.code}`) : null
}

export function summarizeStatus(raw: RealtimeStatus[]): PrinterStatus {
  const problems = statusProblems(raw)
  const has = (code: StatusProblem['code']): boolean => problems.some((p) => p.code === code)
  const printer = raw.find((s) => s.kind === 'printer')
  const hasPaper = raw.some((s) => s.kind === 'paper')
  return {
    online: printer ? printer.online : !has('offline'),
    paper: has('paper_out') ? 'out' : has('paper_near_end') ? 'near_end' : hasPaper ? 'ok' : 'unknown',
    coverOpen: has('cover_open'),
    problems,
    raw,
  }
}

export class ThermalPrinter extends Device<ThermalPrinterEvents> {
  readonly kind = 'printer' as const
  private readonly decoder = createStatusDecoder()
  private readonly waitress = new Waitress<StatusResult>()
  private readonly statusEnabled: boolean
  private readonly statusTimeoutMs: number
  private readonly statusIntervalMs: number
  private statusTimer: NodeJS.Timeout | null = null
  private status: PrinterStatus | null = null
  private statusCheckedAt: number | null = null
  private statusError: string | null = null
  private jobsPrinted = 0
  private jobsRefused = 0

  constructor(options: ThermalPrinterOptions) {
    super(options)
    this.statusEnabled = options.statusQueries ?? options.transport.readable
    this.statusTimeoutMs = options.statusTimeoutMs ?? 1000
    this.statusIntervalMs = options.statusIntervalMs ?? 15_000
  }

  override health(): PrinterHealth {
    const base = super.health()
    const s = base.connected ? this.status : null
    const blocking = s ? blockingProblem(s) : null
    const error = !base.connected ? '打印机未连接' : (this.statusError ?? blocking?.message ?? null)
    return {
      ...base,
      kind: this.kind,
      online: base.connected && this.statusError === null && (s ? s.online : !this.statusEnabled),
      noAnswer: base.connected && this.statusError !== null,
      paper: s?.paper ?? 'unknown',
      coverOpen: s?.coverOpen ?? false,
      error,
      problems: s?.problems ?? [],
      statusCheckedAt: this.statusCheckedAt,
      jobsPrinted: this.jobsPrinted,
      jobsRefused: this.jobsRefused,
    }
  }

  /** Reads the real-time status now (waits for a job in progress). */
  async queryStatus(): Promise<PrinterStatus> {
    return this.mutex.runExclusive(() => this.readStatus())
  }

  /**
   * Prints one job. Resolves once the bytes are with the printer and the status after the job was
   * read; rejects with a coded DeviceError (see the file comment) without sending anything when
   * the printer cannot print.
   */
  async print(job: Uint8Array, options: { jobId?: string } = {}): Promise<PrintReceipt> {
    const jobId = options.jobId ?? null
    return this.mutex.runExclusive(async () => {
      try {
        if (!this.connected) {
          throw new DeviceError(DeviceErrorCode.printerOffline, '打印机未连接 / printer not connected')
        }
        if (this.statusEnabled) {
          const before = await this.readStatus().catch((err: DeviceError) => {
            throw err.code === DeviceErrorCode.notConnected || err.code === DeviceErrorCode.writeFailed
              ? new DeviceError(DeviceErrorCode.printerOffline, '打印机未连接 / printer not connected', err)
              : err
          })
          const refusal = refusalFor(before)
          if (refusal) throw refusal
        }
        await this.send(job).catch((err: DeviceError) => {
          throw new DeviceError(DeviceErrorCode.writeFailed, `打印数据发送失败 / ${err.message}`, err)
        })
      } catch (err) {
        const e = err instanceof DeviceError ? err : new DeviceError(DeviceErrorCode.writeFailed, String(err))
        this.jobsRefused++
        this.log.warn('print refused', { jobId, code: e.code })
        this.emit('refused', e, jobId)
        this.healthChanged()
        throw e
      }
      let statusAfter: PrinterStatus | null = null
      if (this.statusEnabled) statusAfter = await this.readStatus().catch(() => null)
      this.jobsPrinted++
      const receipt: PrintReceipt = {
        jobId,
        bytes: job.length,
        statusAfter,
        warnings: statusAfter?.problems.filter((p) => !p.blocking) ?? [],
      }
      this.log.info('printed', { jobId, bytes: job.length })
      this.emit('printed', receipt)
      this.healthChanged()
      return receipt
    })
  }

  protected handleData(chunk: Uint8Array): void {
    for (const result of this.decoder.push(chunk)) {
      if (!this.waitress.resolve(result)) {
        this.log.debug('unexpected byte from printer', {
          code: result.ok ? 'UNMATCHED' : result.error.code,
        })
      }
    }
  }

  protected override async onConnected(): Promise<void> {
    this.decoder.reset()
    this.status = null
    this.statusError = null
    if (!this.statusEnabled) return
    try {
      await this.queryStatus()
    } finally {
      this.scheduleStatus()
    }
  }

  protected override onDisconnected(error: DeviceError): void {
    if (this.statusTimer) clearTimeout(this.statusTimer)
    this.statusTimer = null
    this.status = null
    this.waitress.rejectAll(error)
  }

  private scheduleStatus(): void {
    if (!this.statusIntervalMs || !this.started || !this.connected || this.statusTimer) return
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null
      void this.queryStatus()
        .catch(() => {})
        .finally(() => this.scheduleStatus())
    }, this.statusIntervalMs)
  }

  /** Sends DLE EOT 1, 2, 3, 4 in one write and waits for the four answers. Caller holds the mutex. */
  private async readStatus(): Promise<PrinterStatus> {
    if (!this.statusEnabled) throw new DeviceError(DeviceErrorCode.protocol, 'status queries are off')
    const request = new Uint8Array(KINDS.length * 3)
    KINDS.forEach((kind, i) => {
      request.set(statusRequest(kind), i * 3)
    })
    const timeout = () =>
      new DeviceError(
        DeviceErrorCode.timeout,
        `打印机无应答 / printer did not answer DLE EOT in ${this.statusTimeoutMs} ms`,
      )
    const waiters = KINDS.map((kind) =>
      this.waitress.waitFor((r) => r.ok && r.status.kind === kind, this.statusTimeoutMs, timeout),
    )
    this.decoder.reset()
    for (const kind of KINDS) this.decoder.expect(kind)
    try {
      await this.send(request)
      const results = await Promise.all(waiters.map((w) => w.promise))
      const raw = results.flatMap((r) => (r.ok ? [r.status] : []))
      return this.updateStatus(summarizeStatus(raw))
    } catch (err) {
      for (const w of waiters) w.cancel()
      this.decoder.reset()
      const e = err as DeviceError
      if (e.code === DeviceErrorCode.timeout) {
        this.statusError = '打印机无应答'
        this.recordError(e.code, e.message)
      }
      throw err
    }
  }

  private updateStatus(status: PrinterStatus): PrinterStatus {
    const changed = JSON.stringify(status.problems) !== JSON.stringify(this.status?.problems ?? null)
    this.status = status
    this.statusError = null
    this.statusCheckedAt = Date.now()
    const refusal = refusalFor(status)
    if (refusal) this.recordError(refusal.code, refusal.message)
    else this.clearError()
    if (changed) {
      // The same verdict the agent logs and sends to the hall (not the raw offline bit alone).
      this.log.info('printer status', deviceCondition(this.health()))
      this.emit('status', status)
    }
    this.healthChanged()
    return status
  }
}
