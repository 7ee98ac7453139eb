import { createComboDetector, TECH_HOLD_MS } from './logic/tech-combo'

/**
 * The in-page half of the lock-down (the browser half is Chromium's --kiosk, see
 * deploy/kiosk/README.md): no context menu, no text selection or dragging, no pinch or keyboard
 * zoom; and the technician's key combination.
 */
export function lockDown(win: Window, onTechnician: () => void): () => void {
  const doc = win.document
  const prevent = (e: Event) => e.preventDefault()
  const combo = createComboDetector({
    holdMs: TECH_HOLD_MS,
    schedule: (fn, ms) => {
      const id = win.setTimeout(fn, ms)
      return () => win.clearTimeout(id)
    },
    onTrigger: onTechnician,
  })
  const keydown = (e: KeyboardEvent) => {
    combo.keydown(e)
    // Browser shortcuts a stray keyboard could reach: zoom, find, print, save, reload-by-F5 stays.
    if (
      (e.ctrlKey || e.metaKey) &&
      ['+', '-', '=', '0', 'f', 'p', 's', 'o', 'u'].includes(e.key.toLowerCase())
    )
      e.preventDefault()
  }
  const keyup = (e: KeyboardEvent) => combo.keyup(e)
  const wheel = (e: WheelEvent) => {
    if (e.ctrlKey) e.preventDefault()
  }
  const touchmove = (e: TouchEvent) => {
    if (e.touches.length > 1) e.preventDefault()
  }
  const listeners: [string, EventListener, AddEventListenerOptions?][] = [
    ['contextmenu', prevent],
    ['selectstart', prevent],
    ['dragstart', prevent],
    ['gesturestart', prevent],
    ['keydown', keydown as EventListener],
    ['keyup', keyup as EventListener],
    ['wheel', wheel as EventListener, { passive: false }],
    ['touchmove', touchmove as EventListener, { passive: false }],
  ]
  for (const [type, fn, options] of listeners) doc.addEventListener(type, fn, options)
  return () => {
    for (const [type, fn] of listeners) doc.removeEventListener(type, fn)
  }
}
