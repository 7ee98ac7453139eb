/** An on-screen number pad for staff number and PIN, for touch counters and the wall. */

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const

export function Keypad({ onKey, disabled }: { onKey: (key: string) => void; disabled?: boolean }) {
  return (
    <div class="keypad">
      {KEYS.map((key) => (
        <button
          key={key}
          type="button"
          class={`keypad__key${key.length > 1 ? ' keypad__key--fn' : ''}`}
          disabled={disabled}
          // Keep the focus in the field being filled.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onKey(key)}
        >
          {key === 'clear' ? '清除' : key === 'back' ? '退格' : key}
        </button>
      ))}
    </div>
  )
}

/** Applies a keypad key to a field's text. */
export function applyKey(text: string, key: string, max = 12): string {
  if (key === 'clear') return ''
  if (key === 'back') return text.slice(0, -1)
  return /^\d$/.test(key) && text.length < max ? text + key : text
}
