import type { HallSnapshot } from '@hall/protocol'
import { useEffect, useMemo } from 'preact/hooks'
import { actionAvailability } from '../../lib/console-rules'
import { actionForKey, isFunctionKey, type ShortcutAction } from '../../lib/shortcuts'
import { useHall } from '../../store/context'
import { useCaseForm, useConsole } from './counter-context'

/** Runs one of the clerk's actions against the current state; buttons and shortcuts share it. */
export function useActionRunner(windowId: string): (action: ShortcutAction) => void {
  const hall = useHall()
  const desk = useConsole()
  const form = useCaseForm()
  return useMemo(
    () => (action: ShortcutAction) => {
      const snapshot = hall.snapshot.peek() as HallSnapshot
      const window = snapshot.windows.find((w) => w.id === windowId)
      if (!window) return
      const ticket = snapshot.tickets.find((t) => t.id === window.currentTicketId) ?? null
      const body = form.body.peek()
      const why = actionAvailability(window, ticket, body !== null, snapshot.hall.maxRecalls)[action]
      if (why !== null) {
        desk.error.value =
          action === 'finishCase' && body === null ? form.problems.peek().join('；') || why : why
        return
      }
      switch (action) {
        case 'callNext':
          return void desk.callNext()
        case 'recall':
          return void desk.recall()
        case 'skip':
          return void desk.skip()
        case 'complete':
          return void desk.complete()
        case 'resume':
          return void desk.resume()
        case 'startCase':
          return void desk.startCase(ticket?.serviceItemId ?? null)
        case 'finishCase':
          if (body && window.openCaseId) void desk.finishCase(window.openCaseId, body)
          return
        case 'transfer':
        case 'callTicket':
        case 'pause':
          desk.panel.value = desk.panel.peek() === action ? 'none' : action
          return
        case 'cancel':
          desk.panel.value = 'none'
          desk.error.value = null
          return
      }
    },
    [hall, desk, form, windowId],
  )
}

/** The console's keyboard, on the whole page (also while typing in a field). */
export function useConsoleShortcuts(windowId: string): void {
  const run = useActionRunner(windowId)
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isFunctionKey(event.key)) event.preventDefault()
      const action = actionForKey(event)
      if (action === null) return
      event.preventDefault()
      run(action)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [run])
}
