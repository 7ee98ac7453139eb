import type { WindowStatus } from '@hall/protocol'
import type { Handlers } from './evolve-handlers.js'
import { type Hall, windowState } from './state.js'
import type { WindowState } from './types.js'

function setStatus(
  hall: Hall,
  windowId: string,
  at: number,
  status: WindowStatus,
  pauseReason: string | null,
): WindowState {
  const window = windowState(hall.state, windowId, at)
  window.status = status
  window.pauseReason = pauseReason
  window.statusSince = at
  return window
}

/** Windows opening (a clerk signs in), pausing, resuming and closing. */
export const windowHandlers: Handlers<
  'window.opened' | 'window.resumed' | 'window.paused' | 'window.closed'
> = {
  'window.opened': (hall, event, effects) => {
    const window = setStatus(hall, event.windowId, event.at, 'open', null)
    window.staffNo = event.staffNo
    window.priorityStreak = 0
    effects.push({ kind: 'window', windowId: window.id })
  },
  'window.resumed': (hall, event, effects) => {
    const window = setStatus(hall, event.windowId, event.at, 'open', null)
    effects.push({ kind: 'window', windowId: window.id })
  },
  'window.paused': (hall, event, effects) => {
    const window = setStatus(hall, event.windowId, event.at, 'paused', event.reason)
    effects.push({ kind: 'window', windowId: window.id })
  },
  'window.closed': (hall, event, effects) => {
    const window = setStatus(hall, event.windowId, event.at, 'closed', null)
    window.staffNo = null
    effects.push({ kind: 'window', windowId: window.id })
  },
}
