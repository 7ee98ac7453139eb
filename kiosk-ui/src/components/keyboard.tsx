import type { SearchKey } from '../logic/search-input'

const LETTER_ROWS = ['ABCDEFG', 'HIJKLMN', 'OPQRST', 'UVWXYZ']
const DIGITS = '1234567890'

export interface KeyboardProps {
  onKey(key: SearchKey): void
  letters?: boolean
  digits?: boolean
}

/**
 * The on-screen keyboard: letters in alphabetical order (easier to find for someone who does not
 * type), digits, delete and clear. Keys are large and spaced for unsteady hands.
 */
export function Keyboard(props: KeyboardProps) {
  const rows: string[] = []
  if (props.letters !== false) rows.push(...LETTER_ROWS)
  if (props.digits) rows.push(DIGITS)
  return (
    <div class="keyboard" data-testid="keyboard">
      {rows.map((row) => (
        <div class="key-row" key={row}>
          {[...row].map((char) => (
            <button
              type="button"
              class="key"
              key={char}
              data-key={char}
              onClick={() => props.onKey({ kind: 'char', char })}
            >
              {char}
            </button>
          ))}
        </div>
      ))}
      <div class="key-row">
        <button
          type="button"
          class="key key-wide"
          data-key="back"
          onClick={() => props.onKey({ kind: 'back' })}
        >
          删除
        </button>
        <button
          type="button"
          class="key key-wide"
          data-key="clear"
          onClick={() => props.onKey({ kind: 'clear' })}
        >
          清空
        </button>
      </div>
    </div>
  )
}
