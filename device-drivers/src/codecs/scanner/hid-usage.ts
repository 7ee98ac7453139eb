/**
 * HID keyboard usage ids (USB HID Usage Tables, Keyboard/Keypad page 0x07) to characters, for a
 * US layout, which is what barcode scanners emulate unless told otherwise.
 *
 * Source: device-drivers/docs/protocols.md (0x04-0x1D a-z, 0x1E-0x27 1-9 then 0, 0x28 Enter, 0x2C
 * space, 0x2D-0x38 punctuation) and the HID Usage Tables for the punctuation and keypad keys.
 */

/** Key usage ids with a meaning beyond "a character". */
export const HidUsage = {
  /** All six slots set to this: too many keys down (phantom state); the report carries no keys. */
  errorRollOver: 0x01,
  postFail: 0x02,
  errorUndefined: 0x03,
  enter: 0x28,
  tab: 0x2b,
  keypadEnter: 0x58,
} as const

/** Modifier byte bits. Only Shift changes the characters a scanner sends. */
export const HidModifier = {
  leftCtrl: 0x01,
  leftShift: 0x02,
  leftAlt: 0x04,
  leftGui: 0x08,
  rightCtrl: 0x10,
  rightShift: 0x20,
  rightAlt: 0x40,
  rightGui: 0x80,
} as const

export const SHIFT_MASK = HidModifier.leftShift | HidModifier.rightShift
/** Ctrl, Alt or GUI held: the key is a shortcut, not text. */
export const NON_TEXT_MODIFIER_MASK = 0xff & ~SHIFT_MASK

/** usage -> [unshifted, shifted]. */
const table = new Map<number, readonly [string, string]>()

for (let i = 0; i < 26; i++) {
  const lower = String.fromCharCode(0x61 + i)
  table.set(0x04 + i, [lower, lower.toUpperCase()])
}
const digitShifted = '!@#$%^&*()'
for (let i = 0; i < 10; i++) {
  // 0x1E..0x26 are 1..9, 0x27 is 0.
  table.set(0x1e + i, [String((i + 1) % 10), digitShifted[i]!])
}
table.set(0x2c, [' ', ' '])
const punctuation: ReadonlyArray<readonly [number, string, string]> = [
  [0x2d, '-', '_'],
  [0x2e, '=', '+'],
  [0x2f, '[', '{'],
  [0x30, ']', '}'],
  [0x31, '\\', '|'],
  // "Non-US # and ~": on a US layout the operating system types backslash for it, as for 0x31.
  [0x32, '\\', '|'],
  [0x33, ';', ':'],
  [0x34, "'", '"'],
  [0x35, '`', '~'],
  [0x36, ',', '<'],
  [0x37, '.', '>'],
  [0x38, '/', '?'],
]
for (const [usage, plain, shifted] of punctuation) table.set(usage, [plain, shifted])

// Keypad, which some scanners use for digits ("keypad emulation"); assumes Num Lock is on, as
// the keypad digits are otherwise cursor keys. Shift does not change these.
const keypad: ReadonlyArray<readonly [number, string]> = [
  [0x54, '/'],
  [0x55, '*'],
  [0x56, '-'],
  [0x57, '+'],
  [0x59, '1'],
  [0x5a, '2'],
  [0x5b, '3'],
  [0x5c, '4'],
  [0x5d, '5'],
  [0x5e, '6'],
  [0x5f, '7'],
  [0x60, '8'],
  [0x61, '9'],
  [0x62, '0'],
  [0x63, '.'],
]
for (const [usage, ch] of keypad) table.set(usage, [ch, ch])

/** The character a key types, or undefined for keys that type none (or that we do not know). */
export function usageToChar(usage: number, shift: boolean): string | undefined {
  const entry = table.get(usage)
  return entry === undefined ? undefined : entry[shift ? 1 : 0]
}

/** Main-keyboard key and shift state for a character; keypad keys are never chosen. */
const reverse = new Map<string, { usage: number; shift: boolean }>()
for (const [usage, [plain, shifted]] of table) {
  if (usage >= 0x54) continue
  if (!reverse.has(plain)) reverse.set(plain, { usage, shift: false })
  if (!reverse.has(shifted)) reverse.set(shifted, { usage, shift: true })
}

export function charToUsage(ch: string): { usage: number; shift: boolean } | undefined {
  return reverse.get(ch)
}

/** Every character the encoder can type (and so the decoder can read back). */
export const TYPABLE_CHARACTERS: readonly string[] = [...reverse.keys()]
