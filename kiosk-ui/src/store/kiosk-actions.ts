import type { ApiClient } from '@hall/client'
import type { KioskPromptKey } from '@hall/protocol'
import type { HallStore } from './hall-store'
import { createKioskCalls } from './kiosk-calls'
import { createKioskDevices } from './kiosk-devices'
import { createKioskVisits } from './kiosk-visits'
import type { SessionStore } from './session-store'

/**
 * What the kiosk does when a citizen acts: the calls to the hall server and where each answer
 * leads (kiosk-calls.ts), the steps of a visit on the screen (kiosk-visits.ts), and what a card or
 * a scanned code does on each screen (kiosk-devices.ts).
 */

export interface ActionDeps {
  api: ApiClient
  hall: HallStore
  session: SessionStore
  prompt: (key: KioskPromptKey) => void
  /** How long to wait for the printer's report before telling the citizen to note the number. */
  printWaitMs?: number
  schedule?: (fn: () => void, ms: number) => void
}

export function createKioskActions(deps: ActionDeps) {
  const calls = createKioskCalls(deps)
  return { ...calls, ...createKioskVisits(deps, calls), ...createKioskDevices(deps, calls) }
}

export type KioskActions = ReturnType<typeof createKioskActions>
