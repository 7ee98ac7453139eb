import {
  type ApiClient,
  CASE_OUTCOME_LABELS,
  type CaseOutcome,
  type FinishCaseBody,
  type PrintOutcome,
  type PrintOutcomeEvent,
  type TransferBody,
} from '@hall/protocol'
import { computed, type ReadonlySignal, type Signal, signal } from '@preact/signals'

/**
 * The clerk's actions at their window. One action at a time (a held key or a double press does
 * not call twice); every refusal shows the server's Chinese message; a session the server no
 * longer accepts sends the clerk back to sign-in with a message, never to a dead end.
 */

export type Panel = 'none' | 'transfer' | 'callTicket' | 'pause'

export const PAPER_LABELS: Record<CaseOutcome, string> = {
  accepted: '受理凭证',
  supplement: '一次性告知单',
  rejected: '不予受理通知书',
}

export interface PrintStatus {
  caseId: string
  paper: string
  jobId: string | null
  status: PrintOutcome['status']
  message: string | null
}

export interface Flash {
  text: string
  at: number
}

export interface ConsoleDeps {
  api: ApiClient
  windowId: () => string | null
  printOutcomes: ReadonlySignal<PrintOutcomeEvent[]>
  onUnauthorized(message: string): void
  errorText(error: unknown): string
  errorCode(error: unknown): string | null
  clock?: () => number
}

export interface ConsoleStore {
  busy: ReadonlySignal<string | null>
  error: Signal<string | null>
  notice: Signal<Flash | null>
  panel: Signal<Panel>
  print: ReadonlySignal<PrintStatus | null>
  callNext(): Promise<boolean>
  recall(): Promise<boolean>
  skip(): Promise<boolean>
  complete(): Promise<boolean>
  startCase(serviceItemId?: string | null): Promise<boolean>
  transfer(target: TransferBody): Promise<boolean>
  callTicket(code: string): Promise<boolean>
  pause(reason: string): Promise<boolean>
  resume(): Promise<boolean>
  finishCase(caseId: string, body: FinishCaseBody): Promise<boolean>
}

export function createConsoleStore(deps: ConsoleDeps): ConsoleStore {
  const clock = deps.clock ?? Date.now
  const busy = signal<string | null>(null)
  const error = signal<string | null>(null)
  const notice = signal<Flash | null>(null)
  const panel = signal<Panel>('none')
  const lastPrint = signal<PrintStatus | null>(null)
  const print = computed<PrintStatus | null>(() => {
    const base = lastPrint.value
    if (base?.status !== 'queued' || base.jobId === null) return base
    const outcome = deps.printOutcomes.value.find((o) => o.jobId === base.jobId)
    if (!outcome) return base
    return { ...base, status: outcome.ok ? 'printed' : 'failed', message: outcome.message }
  })

  async function run(label: string, work: (windowId: string) => Promise<string | null>): Promise<boolean> {
    if (busy.peek() !== null) return false
    const windowId = deps.windowId()
    if (windowId === null) {
      error.value = '本设备没有绑定窗口，请联系管理员'
      return false
    }
    busy.value = label
    error.value = null
    try {
      const done = await work(windowId)
      if (done) notice.value = { text: done, at: clock() }
      return true
    } catch (failure) {
      if (deps.errorCode(failure) === 'UNAUTHORIZED') {
        deps.onUnauthorized('登录已失效，请重新签到')
      } else {
        error.value = deps.errorText(failure)
      }
      return false
    } finally {
      busy.value = null
    }
  }

  const params = (windowId: string) => ({ params: { windowId } })

  return {
    busy,
    error,
    notice,
    panel,
    print,
    callNext: () =>
      run('呼叫下一位', async (w) => {
        const { call, passedOver } = await deps.api('callNext', params(w))
        return passedOver
          ? `已呼叫 ${call.code}；${passedOver.code} 重呼 ${passedOver.recallCount} 次未到，已按过号处理`
          : `已呼叫 ${call.code}`
      }),
    recall: () =>
      run('重呼', async (w) => {
        const { call } = await deps.api('recall', params(w))
        return `已重呼 ${call.code}（第${call.recall}次）`
      }),
    skip: () =>
      run('过号', async (w) => {
        const { ticket } = await deps.api('skipTicket', params(w))
        return `${ticket.code} 已过号`
      }),
    complete: () =>
      run('结束服务', async (w) => {
        const { ticket } = await deps.api('completeTicket', params(w))
        return `${ticket.code} 服务已结束`
      }),
    startCase: (serviceItemId) =>
      run('开始办件', async (w) => {
        const body = serviceItemId ? { serviceItemId } : {}
        const opened = await deps.api('startCase', { ...params(w), body })
        lastPrint.value = null
        return `已开始办件 ${opened.id}`
      }),
    transfer: (target) =>
      run('转移', async (w) => {
        const { ticket } = await deps.api('transferTicket', { ...params(w), body: target })
        panel.value = 'none'
        return `${ticket.code} 已转移`
      }),
    callTicket: (code) =>
      run('呼叫指定号码', async (w) => {
        const { call } = await deps.api('callTicket', {
          ...params(w),
          body: { code: code.trim().toUpperCase() },
        })
        panel.value = 'none'
        return `已呼叫 ${call.code}`
      }),
    pause: (reason) =>
      run('暂停服务', async (w) => {
        await deps.api('pauseWindow', { ...params(w), body: { reason: reason.trim() } })
        panel.value = 'none'
        return `已暂停服务：${reason.trim()}`
      }),
    resume: () =>
      run('恢复服务', async (w) => {
        await deps.api('resumeWindow', params(w))
        return '已恢复服务'
      }),
    finishCase: (caseId, body) =>
      run('办结', async () => {
        const finished = await deps.api('finishCase', { params: { caseId }, body })
        const paper = PAPER_LABELS[body.outcome]
        lastPrint.value = {
          caseId: finished.case.id,
          paper,
          jobId: finished.print.jobId,
          status: finished.print.status,
          message: finished.print.message,
        }
        return `办件 ${finished.case.id} 已办结（${CASE_OUTCOME_LABELS[body.outcome]}）`
      }),
  }
}
