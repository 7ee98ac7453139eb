import type { PrintOutcome, PrintOutcomeEvent } from '@hall/protocol'
import { signal } from '@preact/signals'

/**
 * Follows one print (a ticket or a guide) from the server's answer to the agent's report. The
 * report can arrive over the socket before the HTTP answer that names its job, so recent reports
 * are kept for a while and matched when the job id becomes known.
 */

export type PrintStatus = 'idle' | 'queued' | 'printed' | 'failed' | 'no_printer' | 'late'

export interface PrintState {
  jobId: string | null
  status: PrintStatus
  message: string | null
}

const IDLE: PrintState = { jobId: null, status: 'idle', message: null }
const KEEP = 20

export function createPrintTracker() {
  const state = signal<PrintState>(IDLE)
  const early: PrintOutcomeEvent[] = []
  const settle = (event: PrintOutcomeEvent) => {
    state.value = {
      jobId: event.jobId,
      status: event.ok ? 'printed' : 'failed',
      message: event.ok ? null : (event.message ?? '打印失败'),
    }
  }
  return {
    state,
    /** The server's answer to the request that printed. */
    start(outcome: PrintOutcome) {
      if (outcome.status === 'queued' && outcome.jobId !== null) {
        const reported = early.find((e) => e.jobId === outcome.jobId)
        if (reported) settle(reported)
        else state.value = { jobId: outcome.jobId, status: 'queued', message: null }
        return
      }
      state.value = { jobId: outcome.jobId, status: outcome.status, message: outcome.message }
    },
    /** A `printOutcome` event from the socket. */
    report(event: PrintOutcomeEvent) {
      if (state.value.status === 'queued' && state.value.jobId === event.jobId) {
        settle(event)
        return
      }
      early.push(event)
      if (early.length > KEEP) early.shift()
    },
    /** No report in time: say so, without claiming that it failed. */
    expire(jobId: string) {
      if (state.value.status === 'queued' && state.value.jobId === jobId)
        state.value = { ...state.value, status: 'late' }
    },
    clear() {
      state.value = IDLE
    },
  }
}

export type PrintTracker = ReturnType<typeof createPrintTracker>

/** Whether the citizen must rely on the screen (number and QR) rather than a paper ticket. */
export function needsScreenCopy(status: PrintStatus): boolean {
  return status === 'failed' || status === 'no_printer' || status === 'late'
}
