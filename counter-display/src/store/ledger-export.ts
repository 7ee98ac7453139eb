import type { ApiClient } from '@hall/protocol'
import { type ReadonlySignal, signal } from '@preact/signals'

/**
 * The manager's download of the case ledger (办件台账, CSV with ratings and follow-ups) for this
 * month so far or the whole of last month, named by its dates.
 */

export type LedgerMonth = 'this' | 'last'

/** The dates of the month, from its first day to today (this month) or to its last day. */
export function monthRange(businessDate: string, which: LedgerMonth): { from: string; to: string } {
  const [year, month] = businessDate.split('-').map(Number) as [number, number]
  if (which === 'this') return { from: `${businessDate.slice(0, 7)}-01`, to: businessDate }
  const first = new Date(Date.UTC(year, month - 2, 1))
  const last = new Date(Date.UTC(year, month - 1, 0))
  const iso = (d: Date) => d.toISOString().slice(0, 10)
  return { from: iso(first), to: iso(last) }
}

export interface LedgerExport {
  busy: ReadonlySignal<LedgerMonth | null>
  error: ReadonlySignal<string | null>
  /** The file name of the last download, to confirm it on the screen. */
  saved: ReadonlySignal<string | null>
  download(which: LedgerMonth, businessDate: string): Promise<boolean>
}

export interface LedgerExportDeps {
  api: ApiClient
  errorText(error: unknown): string
  errorCode(error: unknown): string | null
  onUnauthorized(message: string): void
  save(bytes: Uint8Array, fileName: string): void
}

export function createLedgerExport(deps: LedgerExportDeps): LedgerExport {
  const busy = signal<LedgerMonth | null>(null)
  const error = signal<string | null>(null)
  const saved = signal<string | null>(null)
  return {
    busy,
    error,
    saved,
    async download(which, businessDate) {
      if (busy.peek() !== null) return false
      busy.value = which
      error.value = null
      try {
        const range = monthRange(businessDate, which)
        const bytes = await deps.api('exportCases', { query: range })
        const fileName = `办件台账-${range.from}至${range.to}.csv`
        deps.save(bytes, fileName)
        saved.value = fileName
        return true
      } catch (failure) {
        if (deps.errorCode(failure) === 'UNAUTHORIZED') deps.onUnauthorized('登录已失效，请重新登录')
        else error.value = deps.errorText(failure)
        return false
      } finally {
        busy.value = null
      }
    },
  }
}

/** Saves bytes as a download in the browser. */
export function saveInBrowser(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'text/csv' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
