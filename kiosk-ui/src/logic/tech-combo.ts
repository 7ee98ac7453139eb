/**
 * The technician's way in: Ctrl+Alt+Shift+T held down for `holdMs` (on a keyboard the technician
 * plugs in; citizens have only the touch screen). Releasing any of the keys earlier cancels it.
 */

export const TECH_HOLD_MS = 2000

export interface ComboKey {
  key: string
  ctrlKey: boolean
  altKey: boolean
  shiftKey: boolean
}

export interface ComboDeps {
  holdMs: number
  schedule: (fn: () => void, ms: number) => () => void
  onTrigger: () => void
}

export function isTechCombo(e: ComboKey): boolean {
  return e.ctrlKey && e.altKey && e.shiftKey && e.key.toLowerCase() === 't'
}

export function createComboDetector(deps: ComboDeps) {
  let cancel: (() => void) | null = null
  const release = () => {
    cancel?.()
    cancel = null
  }
  return {
    keydown(e: ComboKey) {
      if (!isTechCombo(e)) {
        release()
        return
      }
      // Auto-repeat sends more keydowns while held; the first one starts the wait.
      if (cancel) return
      cancel = deps.schedule(() => {
        cancel = null
        deps.onTrigger()
      }, deps.holdMs)
    },
    keyup(_e: ComboKey) {
      release()
    },
    get holding() {
      return cancel !== null
    },
  }
}
