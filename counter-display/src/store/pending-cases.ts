import type { ApiClient, CaseView } from '@hall/protocol'
import { type ReadonlySignal, signal } from '@preact/signals'

/**
 * Accepted 承诺件 and 上报件 not yet done (the promise deadlines a hall must keep), for the wall:
 * fetched with the wall's own token when a case is finished in the hall and every minute, and
 * marked done (办结) by a signed-in manager.
 */

export interface PendingCases {
  list: ReadonlySignal<CaseView[] | null>
  busy: ReadonlySignal<string | null>
  error: ReadonlySignal<{ id: string | null; text: string } | null>
  refresh(): Promise<void>
  complete(caseId: string): Promise<boolean>
  start(): () => void
}

export interface PendingCasesDeps {
  /** The screen's device API (reads the list). */
  deviceApi: ApiClient
  /** The signed-in manager's API (marks a case done). */
  staffApi: ApiClient
  errorText(error: unknown): string
  errorCode(error: unknown): string | null
  onUnauthorized(message: string): void
  /** Changes when a case is finished (today's case count): the list is fetched again. */
  finished?: ReadonlySignal<unknown>
  everyMs?: number
  /**
   * Whether the list can be read now; default always. The clerk console reads it with the clerk's
   * session, so it asks nothing while nobody is signed in (the server would answer 401).
   */
  canRead?: () => boolean
}

export function createPendingCases(deps: PendingCasesDeps): PendingCases {
  const list = signal<CaseView[] | null>(null)
  const busy = signal<string | null>(null)
  const error = signal<{ id: string | null; text: string } | null>(null)
  const refresh = async () => {
    if (deps.canRead && !deps.canRead()) {
      list.value = null
      return
    }
    try {
      list.value = await deps.deviceApi('listPendingCases')
      if (error.peek()?.id === null) error.value = null
    } catch (failure) {
      error.value = { id: null, text: deps.errorText(failure) }
    }
  }
  return {
    list,
    busy,
    error,
    refresh,
    async complete(caseId) {
      if (busy.peek() !== null) return false
      busy.value = caseId
      error.value = null
      try {
        await deps.staffApi('completeCase', { params: { caseId }, body: {} })
        list.value = (list.peek() ?? []).filter((c) => c.id !== caseId)
        return true
      } catch (failure) {
        if (deps.errorCode(failure) === 'UNAUTHORIZED') deps.onUnauthorized('登录已失效，请重新登录')
        else error.value = { id: caseId, text: deps.errorText(failure) }
        return false
      } finally {
        busy.value = null
        void refresh()
      }
    },
    start() {
      void refresh()
      let seen = deps.finished?.peek()
      const stop = deps.finished?.subscribe((value) => {
        if (value === seen) return
        seen = value
        void refresh()
      })
      const timer = setInterval(() => void refresh(), deps.everyMs ?? 60_000)
      return () => {
        stop?.()
        clearInterval(timer)
      }
    },
  }
}
