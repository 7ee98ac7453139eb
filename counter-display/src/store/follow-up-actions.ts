import type { ApiClient } from '@hall/protocol'
import { type ReadonlySignal, signal } from '@preact/signals'

/**
 * A manager's work on bad ratings (差评 within 7 days): verify the complaint (founded or not), then
 * close it with the rectification or the explanation given to the applicant.
 */

export interface FollowUpActions {
  busy: ReadonlySignal<string | null>
  error: ReadonlySignal<{ id: string; text: string } | null>
  verify(id: string, finding: string, reasonable: boolean): Promise<boolean>
  close(id: string, resolution: string): Promise<boolean>
}

export interface FollowUpDeps {
  api: ApiClient
  errorText(error: unknown): string
  errorCode(error: unknown): string | null
  onUnauthorized(message: string): void
}

export function createFollowUpActions(deps: FollowUpDeps): FollowUpActions {
  const busy = signal<string | null>(null)
  const error = signal<{ id: string; text: string } | null>(null)
  async function run(id: string, work: () => Promise<unknown>): Promise<boolean> {
    if (busy.peek() !== null) return false
    busy.value = id
    error.value = null
    try {
      await work()
      return true
    } catch (failure) {
      if (deps.errorCode(failure) === 'UNAUTHORIZED') deps.onUnauthorized('登录已失效，请重新登录')
      else error.value = { id, text: deps.errorText(failure) }
      return false
    } finally {
      busy.value = null
    }
  }
  return {
    busy,
    error,
    verify: (id, finding, reasonable) =>
      run(id, () =>
        deps.api('verifyFollowUp', {
          params: { followUpId: id },
          body: { finding: finding.trim(), reasonable },
        }),
      ),
    close: (id, resolution) =>
      run(id, () =>
        deps.api('closeFollowUp', { params: { followUpId: id }, body: { resolution: resolution.trim() } }),
      ),
  }
}
