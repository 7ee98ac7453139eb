/**
 * The small vocabulary the layouts share: centred titles, labelled fields with a hanging
 * indent, numbered lists, rules, signature lines. It keeps every layout to the same grid
 * arithmetic (see `../width.ts`) and leaves the printer in the default style after each block,
 * so one block's bold or size can never leak into the next.
 */
import { EscPosBuilder } from '../composer.js'
import { PaperColumns, type PaperWidth } from '../constants.js'
import { fieldLines, labelValueLines, ruleLine, textWidth, wrapText } from '../width.js'

export interface TextLook {
  bold?: boolean
  /** GS ! multipliers. */
  width?: number
  height?: number
}

/** Two full-width spaces: the customary first-line indent of a Chinese paragraph. */
export const PARAGRAPH_INDENT = '\u3000\u3000'

export class LayoutWriter {
  readonly columns: number
  readonly paper: PaperWidth
  readonly #b = new EscPosBuilder()

  constructor(paper: PaperWidth = '80mm') {
    this.paper = paper
    this.columns = PaperColumns[paper]
    this.#b.init().chinese(true)
  }

  #styled(look: TextLook, body: (widthFactor: number) => void): this {
    const width = look.width ?? 1
    const height = look.height ?? width
    if (look.bold) this.#b.bold(true)
    if (width !== 1 || height !== 1) this.#b.size(width, height)
    body(width)
    if (width !== 1 || height !== 1) this.#b.size(1, 1)
    if (look.bold) this.#b.bold(false)
    return this
  }

  /** Centred text, wrapped to the line at its width multiplier. */
  centered(text: string, look: TextLook = {}): this {
    this.#b.align('center')
    this.#styled(look, (w) => this.#b.lines(wrapText(text, this.columns, { widthFactor: w })))
    this.#b.align('left')
    return this
  }

  /** Left-aligned text, wrapped. */
  text(text: string, look: TextLook = {}): this {
    return this.#styled(look, (w) => this.#b.lines(wrapText(text, this.columns, { widthFactor: w })))
  }

  /** A paragraph with the customary two-character first-line indent. */
  paragraph(text: string): this {
    return this.text(PARAGRAPH_INDENT + text)
  }

  /** `标签：value`, continuation lines under the value. Skipped when the value is null. */
  field(label: string, value: string | null, look: TextLook = {}): this {
    if (value === null || value === '') return this
    return this.#styled(look, () => this.#b.lines(fieldLines(`${label}：`, value, this.columns)))
  }

  /** Several fields whose labels are padded to a common width so the values line up. */
  fields(rows: readonly (readonly [string, string | null])[]): this {
    const present = rows.filter(([, v]) => v !== null && v !== '')
    const widest = Math.max(0, ...present.map(([l]) => textWidth(l)))
    for (const [label, value] of present) this.field(spreadLabel(label, widest), value)
    return this
  }

  /** "label ....... value". */
  dotted(label: string, value: string | null): this {
    if (value === null || value === '') return this
    this.#b.lines(labelValueLines(label, value, this.columns))
    return this
  }

  /** `1. name` items with a hanging indent, and optional detail lines beneath each. */
  numbered(items: readonly { title: string; details: readonly string[] }[], look: TextLook = {}): this {
    items.forEach((item, i) => {
      const marker = `${i + 1}. `
      const indent = ' '.repeat(textWidth(marker))
      const titleLines = wrapText(item.title, this.columns - indent.length)
      this.#styled(look, () => this.#b.lines(titleLines.map((l, j) => (j === 0 ? marker : indent) + l)))
      for (const d of item.details) {
        this.#b.lines(wrapText(d, this.columns - indent.length).map((l) => indent + l))
      }
    })
    return this
  }

  rule(char = '-'): this {
    this.#b.line(ruleLine(this.columns, char))
    return this
  }

  blank(lines = 1): this {
    this.#b.feed(lines)
    return this
  }

  /** `label：________` reaching the end of the line, for a handwritten signature or date. */
  signature(label: string): this {
    const head = `${label}：`
    this.#b.line(head + '_'.repeat(Math.max(4, this.columns - textWidth(head) - 2)))
    return this
  }

  /** The sign-off of a written notice: 盖章, the clerk's and the applicant's signatures, the date. */
  signOff(): this {
    for (const label of ['办理单位（盖章）', '经办人签字', '申请人签收', '签收日期'])
      this.blank().signature(label)
    return this
  }

  /** A centred QR code (UTF-8 payload, level M) with an optional caption beneath. */
  qr(content: string, caption: string | null = null): this {
    this.#b
      .align('center')
      .qrCode(content, { moduleSize: this.paper === '58mm' ? 5 : 6, errorCorrection: 'M' })
    this.#b.newline()
    if (caption) this.#b.lines(wrapText(caption, this.columns))
    this.#b.align('left')
    return this
  }

  /** Partial cut (the cutter feeds to its own position first) and the bytes. */
  finish(): Uint8Array {
    return this.#b.cut({ partial: true, feed: 0 }).build()
  }
}

/**
 * Pads a short label so labels of one block share a width: "申请人" becomes "申 请 人" next to
 * four-character labels, the way Chinese forms spread short labels instead of leaving a gap.
 */
export function spreadLabel(label: string, width: number): string {
  const chars = Array.from(label)
  const gap = width - textWidth(label)
  if (gap <= 0 || chars.length < 2) return label + ' '.repeat(Math.max(0, gap))
  const slots = chars.length - 1
  let out = chars[0]!
  for (let i = 1; i < chars.length; i++) {
    const spaces = Math.floor(gap / slots) + (i <= gap % slots ? 1 : 0)
    out += ' '.repeat(spaces) + chars[i]!
  }
  return out
}
