/**
 * The clerk console's keyboard: a function key for every frequent action, shown on its button.
 * Function keys are taken from the browser (F1 help, F3 find, F5 reload…) so a clerk never
 * triggers a browser action by habit.
 */

export const SHORTCUTS = {
  callNext: { key: 'F1', label: '呼叫下一位' },
  recall: { key: 'F2', label: '重呼' },
  skip: { key: 'F3', label: '过号' },
  startCase: { key: 'F4', label: '开始办件' },
  transfer: { key: 'F5', label: '转移' },
  callTicket: { key: 'F6', label: '呼叫指定号' },
  complete: { key: 'F7', label: '结束服务' },
  finishCase: { key: 'F8', label: '办结并打印' },
  pause: { key: 'F9', label: '暂停服务' },
  resume: { key: 'F10', label: '恢复服务' },
  cancel: { key: 'Esc', label: '关闭面板' },
} as const

export type ShortcutAction = keyof typeof SHORTCUTS

const BY_KEY = new Map<string, ShortcutAction>(
  (Object.keys(SHORTCUTS) as ShortcutAction[]).map((action) => [
    SHORTCUTS[action].key === 'Esc' ? 'Escape' : SHORTCUTS[action].key,
    action,
  ]),
)

export interface KeyLike {
  key: string
  ctrlKey: boolean
  altKey: boolean
  metaKey: boolean
  shiftKey: boolean
  repeat: boolean
}

/** The action a key press asks for; held keys (auto-repeat) ask for nothing. */
export function actionForKey(event: KeyLike): ShortcutAction | null {
  if (event.repeat || event.altKey || event.metaKey) return null
  if (event.ctrlKey) return event.key === 'Enter' ? 'finishCase' : null
  return BY_KEY.get(event.key) ?? null
}

/** Function keys the browser would otherwise act on. */
export function isFunctionKey(key: string): boolean {
  return /^F([1-9]|1[0-2])$/.test(key)
}
