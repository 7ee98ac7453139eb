/**
 * Display-width arithmetic for the printer's fixed grid.
 *
 * One column is one font-A ASCII cell (12 dots). In Chinese mode the printer draws every
 * character it receives as a multi-byte GB18030 sequence from its 24 x 24 Hanzi font, i.e. two
 * columns — that covers East Asian Width W/F (汉字, full-width forms) and also the "ambiguous"
 * characters Chinese text is full of (“ ” · — …), which a Unicode-only rule would count as one
 * column and so overflow the line. `'printer'` is therefore the default profile; `'unicode'`
 * (strict UAX #11: W/F = 2, everything else 1) is for screens that lay out with a Unicode font.
 * Widths are multiplied by the character width factor (GS ! width, 1-8).
 */
import { isWideCodePoint } from './east-asian-width.js'

export type WidthProfile = 'printer' | 'unicode'

export interface WidthOptions {
  /** Character width multiplier from GS ! (1-8). Default 1. */
  widthFactor?: number
  /** Default `'printer'`. */
  profile?: WidthProfile
}

/** Columns taken by one code point at width factor 1: 0 for controls, 1 or 2 otherwise. */
export function charWidth(codePoint: number, profile: WidthProfile = 'printer'): 0 | 1 | 2 {
  if (codePoint < 0x20 || codePoint === 0x7f) return 0
  if (codePoint < 0x80) return 1
  if (profile === 'printer') return 2
  return isWideCodePoint(codePoint) ? 2 : 1
}

/** Columns taken by a string (code points, never UTF-16 units). */
export function textWidth(text: string, options: WidthOptions = {}): number {
  const factor = options.widthFactor ?? 1
  let w = 0
  for (const ch of text) w += charWidth(ch.codePointAt(0)!, options.profile)
  return w * factor
}

// Chinese line-breaking rules (GB/T 15834 标点符号用法, the usual 禁则): closing punctuation
// never starts a line and opening punctuation never ends one, so they stick to their neighbour.
const NO_LINE_START = new Set('，。、；：？！）》」』】〉〕”’…—～%·,.;:?!)]}')
const NO_LINE_END = new Set('（《「『【〈〔“‘([{')

interface Unit {
  text: string
  width: number
  space: boolean
}

function isAsciiWordChar(cp: number): boolean {
  return cp > 0x20 && cp < 0x7f
}

// Splits a paragraph into unbreakable units: ASCII words, single spaces, and single wide
// characters with any glued punctuation.
function units(paragraph: string, opts: WidthOptions): Unit[] {
  const chars = Array.from(paragraph)
  const out: Unit[] = []
  let i = 0
  while (i < chars.length) {
    const ch = chars[i]!
    const cp = ch.codePointAt(0)!
    if (cp === 0x20) {
      out.push({ text: ' ', width: textWidth(' ', opts), space: true })
      i++
      continue
    }
    let text = ch
    i++
    if (isAsciiWordChar(cp) && !NO_LINE_END.has(ch)) {
      while (i < chars.length && isAsciiWordChar(chars[i]!.codePointAt(0)!) && !NO_LINE_END.has(chars[i]!)) {
        text += chars[i++]!
      }
    }
    // Opening punctuation: take the next unit with it.
    while (NO_LINE_END.has(text.at(-1)!) && i < chars.length && chars[i] !== ' ') {
      const next = chars[i++]!
      text += next
      if (isAsciiWordChar(next.codePointAt(0)!)) {
        while (
          i < chars.length &&
          isAsciiWordChar(chars[i]!.codePointAt(0)!) &&
          !NO_LINE_END.has(chars[i]!)
        ) {
          text += chars[i++]!
        }
      }
    }
    // Closing punctuation: stays with what precedes it.
    while (i < chars.length && NO_LINE_START.has(chars[i]!)) text += chars[i++]!
    out.push({ text, width: textWidth(text, opts), space: false })
  }
  return out
}

/**
 * Wraps mixed Chinese/ASCII text to `columns` columns. Breaks between wide characters, at
 * spaces, never inside an ASCII word unless the word alone is wider than the line, and never
 * inside a character. `\n` forces a break. Spaces at a break are dropped. Every line is at most
 * `columns` wide, except when a single character is wider than the whole line (it then stands
 * alone, since dropping it would lose text).
 */
export function wrapText(text: string, columns: number, options: WidthOptions = {}): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) lines.push(...wrapParagraph(paragraph, columns, options))
  return lines
}

function wrapParagraph(paragraph: string, columns: number, opts: WidthOptions): string[] {
  const lines: string[] = []
  let cur = ''
  let curWidth = 0
  const push = (): void => {
    lines.push(cur.trimEnd())
    cur = ''
    curWidth = 0
  }
  for (const u of units(paragraph, opts)) {
    if (u.space) {
      if (cur === '' && lines.length > 0) continue
      if (curWidth + u.width <= columns) {
        cur += u.text
        curWidth += u.width
      } else push()
      continue
    }
    if (curWidth + u.width > columns && cur !== '') {
      // Leading spaces alone are not worth a line of their own.
      if (cur.trim() === '') {
        cur = ''
        curWidth = 0
      } else push()
    }
    if (curWidth + u.width <= columns) {
      cur += u.text
      curWidth += u.width
      continue
    }
    // The unit alone is wider than a line: split it by characters.
    for (const ch of u.text) {
      const w = textWidth(ch, opts)
      if (curWidth + w > columns && cur !== '') push()
      cur += ch
      curWidth += w
    }
  }
  if (cur !== '' || lines.length === 0) push()
  return lines
}

export type PadAlign = 'left' | 'center' | 'right'

/** Pads text with `fill` (a 1-column character) to exactly `width` columns, if it is narrower. */
export function padToWidth(text: string, width: number, align: PadAlign = 'left', fill = ' '): string {
  const gap = Math.max(0, width - textWidth(text))
  if (align === 'left') return text + fill.repeat(gap)
  if (align === 'right') return fill.repeat(gap) + text
  const left = Math.floor(gap / 2)
  return fill.repeat(left) + text + fill.repeat(gap - left)
}

/** Cuts text to at most `width` columns, ending with `ellipsis` when something was cut. */
export function truncateToWidth(text: string, width: number, ellipsis = '...'): string {
  if (textWidth(text) <= width) return text
  const room = width - textWidth(ellipsis)
  let out = ''
  let w = 0
  for (const ch of text) {
    const cw = textWidth(ch)
    if (w + cw > room) break
    out += ch
    w += cw
  }
  return room < 0 ? ellipsis.slice(0, Math.max(0, width)) : out + ellipsis
}

/**
 * "label ....... value" rows. When both fit on one line the gap is filled with `fill` (at least
 * one space each side of the dots); otherwise the label is wrapped and the value follows
 * right-aligned on its own line(s).
 */
export function labelValueLines(label: string, value: string, columns: number, fill = '.'): string[] {
  const lw = textWidth(label)
  const vw = textWidth(value)
  const gap = columns - lw - vw
  if (gap >= 2) {
    const dots = gap >= 4 ? ` ${fill.repeat(gap - 2)} ` : ' '.repeat(gap)
    return [label + dots + value]
  }
  const out = wrapText(label, columns)
  for (const v of wrapText(value, columns)) out.push(padToWidth(v, columns, 'right'))
  return out
}

/**
 * "标签：value" with a hanging indent: continuation lines start under the value. When the label
 * takes more than half the line, it gets its own line(s) and the value is indented by two.
 */
export function fieldLines(label: string, value: string, columns: number): string[] {
  const lw = textWidth(label)
  if (lw * 2 > columns) {
    return [...wrapText(label, columns), ...wrapText(value, columns - 2).map((l) => `  ${l}`)]
  }
  return wrapText(value, columns - lw).map((line, i) => (i === 0 ? label : ' '.repeat(lw)) + line)
}

/** A row of `char` exactly `columns` wide (a 2-column character repeats half as often). */
export function ruleLine(columns: number, char = '-'): string {
  const w = Math.max(1, textWidth(char))
  return char.repeat(Math.floor(columns / w))
}
