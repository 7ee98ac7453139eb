/**
 * The search box of the on-screen keyboard. There is no physical keyboard and no input method on
 * the kiosk, so a query is built from letter keys (pinyin initials: 户口 → hk), digit keys (序号)
 * and phrase chips that put common Chinese words in the box. Pure, so it is unit-tested.
 */

export const MAX_QUERY = 20

export type SearchKey =
  | { kind: 'char'; char: string }
  | { kind: 'phrase'; text: string }
  | { kind: 'back' }
  | { kind: 'clear' }

/** Common words a citizen looks for, shown as chips above the keyboard. */
export const PHRASES = [
  '社保',
  '医保',
  '养老',
  '低保',
  '残疾',
  '退役军人',
  '独生子女',
  '个体',
  '食品',
  '土地',
]

export function applySearchKey(query: string, key: SearchKey): string {
  switch (key.kind) {
    case 'char': {
      const c = key.char.toLowerCase()
      if (!/^[a-z0-9]$/.test(c)) return query
      // A letter after a Chinese phrase starts a new query: mixing them never matches anything.
      const base = /[^\x20-\x7e]/.test(query) ? '' : query
      return [...base].length >= MAX_QUERY ? base : base + c
    }
    case 'phrase':
      return [...key.text].slice(0, MAX_QUERY).join('')
    case 'back':
      return [...query].slice(0, -1).join('')
    case 'clear':
      return ''
  }
}

/**
 * Answers to searches come back in any order; only the answer to the latest query may be shown.
 */
export function createLatest() {
  let current = 0
  return {
    next(): number {
      current += 1
      return current
    },
    isLatest(token: number): boolean {
      return token === current
    },
  }
}
