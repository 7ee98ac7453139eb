/**
 * Interprets tokens the way a printer lays out its lines, and renders the result as plain text.
 *
 * Printer behaviour modelled (Epson ESC/POS reference, standard mode): ESC a takes effect only
 * for a line that is still empty; a line that would overflow the printable width is printed and
 * continued on the next line; ESC d n feeds like n LFs; ESC @ discards the unprinted line; text
 * without a final LF is shown anyway (a real printer keeps it buffered). Chinese characters use
 * the larger of the GS ! multiplier and FS ! doubling. HT advances to the next multiple of 8
 * columns (the default tab stops).
 */
import { type Align, PaperColumns, type PaperWidth, type QrErrorCorrection } from './constants.js'
import { applyCommand, DEFAULT_STYLE, type EscPosToken, type TextStyle, tokenize } from './tokenizer.js'
import { charWidth, textWidth } from './width.js'

export interface RenderSegment {
  text: string
  /** First column of the segment inside its line (before alignment). */
  startColumn: number
  /** Columns taken, multipliers included. */
  columns: number
  width: number
  height: number
  bold: boolean
  underline: boolean
}

export type RenderBlock =
  | { kind: 'text'; align: Align; segments: RenderSegment[]; columns: number; height: number }
  | { kind: 'qr'; align: Align; content: string | null; moduleSize: number; level: QrErrorCorrection }
  | { kind: 'cut'; partial: boolean }

export interface RenderedDocument {
  columns: number
  blocks: RenderBlock[]
  /** Unknown or truncated tokens met on the way, in order. */
  unknown: EscPosToken[]
  /** How many times a line overflowed the width and the printer wrapped it by itself. */
  overflows: number
}

export interface RenderOptions {
  /** Printable columns; default from `paper` (80 mm = 48). */
  columns?: number
  paper?: PaperWidth
}

interface OpenLine {
  align: Align
  segments: RenderSegment[]
  used: number
}

type Input = Uint8Array | readonly EscPosToken[]

const toTokens = (input: Input): readonly EscPosToken[] =>
  input instanceof Uint8Array ? tokenize(input) : input

const columnsOf = (o: RenderOptions): number => o.columns ?? PaperColumns[o.paper ?? '80mm']

/** Lays tokens out into printed blocks. */
export function layoutTokens(input: Input, options: RenderOptions = {}): RenderedDocument {
  const columns = columnsOf(options)
  const blocks: RenderBlock[] = []
  const unknown: EscPosToken[] = []
  let overflows = 0
  let style: TextStyle = { ...DEFAULT_STYLE }
  // Typed through an alias: TypeScript does not follow assignments made inside the closures.
  let line = null as OpenLine | null

  const flush = (): void => {
    if (line === null) {
      blocks.push({ kind: 'text', align: style.align, segments: [], columns: 0, height: 1 })
      return
    }
    const height = Math.max(1, ...line.segments.map((s) => s.height))
    blocks.push({ kind: 'text', align: line.align, segments: line.segments, columns: line.used, height })
    line = null
  }

  const put = (
    ch: string,
    cols: number,
    look: Omit<RenderSegment, 'text' | 'startColumn' | 'columns'>,
  ): void => {
    if (line !== null && line.used + cols > columns && line.used > 0) {
      overflows++
      flush()
    }
    if (line === null) line = { align: style.align, segments: [], used: 0 }
    const last = line.segments.at(-1)
    if (
      last &&
      last.width === look.width &&
      last.height === look.height &&
      last.bold === look.bold &&
      last.underline === look.underline
    ) {
      last.text += ch
      last.columns += cols
    } else {
      line.segments.push({ text: ch, startColumn: line.used, columns: cols, ...look })
    }
    line.used += cols
  }

  for (const token of toTokens(input)) {
    if (token.type === 'unknown') {
      unknown.push(token)
      continue
    }
    if (token.type === 'text') {
      const s = token.style
      for (const ch of token.text) {
        const cp = ch.codePointAt(0)!
        const wide = s.chinese && cp >= 0x80
        const w = wide ? Math.max(s.width, s.kanjiDoubleWidth ? 2 : 1) : s.width
        const h = wide ? Math.max(s.height, s.kanjiDoubleHeight ? 2 : 1) : s.height
        const underline = (wide ? s.kanjiUnderline : s.underline) > 0
        put(ch, (s.chinese ? charWidth(cp) : 1) * w, { width: w, height: h, bold: s.bold, underline })
      }
      continue
    }
    const c = token.command
    switch (c.name) {
      case 'line-feed':
        flush()
        break
      case 'feed-lines':
        for (let i = 0; i < c.lines; i++) flush()
        break
      case 'feed-dots':
      case 'form-feed':
        if (line !== null) flush()
        break
      case 'tab': {
        const used = line?.used ?? 0
        const spaces = 8 - (used % 8)
        for (let i = 0; i < spaces && used + i < columns; i++)
          put(' ', 1, { width: 1, height: 1, bold: false, underline: false })
        break
      }
      case 'init':
        line = null
        break
      case 'qr-print':
        if (line !== null) flush()
        blocks.push({
          kind: 'qr',
          align: style.align,
          content: c.content,
          moduleSize: c.moduleSize,
          level: c.level,
        })
        break
      case 'cut':
        if (line !== null) flush()
        blocks.push({ kind: 'cut', partial: c.partial })
        break
    }
    style = applyCommand(style, c)
  }
  if (line !== null) flush()
  return { columns, blocks, unknown, overflows }
}

function startColumn(align: Align, used: number, columns: number): number {
  if (align === 'center') return Math.max(0, Math.floor((columns - used) / 2))
  if (align === 'right') return Math.max(0, columns - used)
  return 0
}

/** A row of scissors and dashes marking a cut. */
export function cutLine(columns: number): string {
  return `✂${' -'.repeat(Math.floor((columns - 2) / 2))}`
}

/**
 * Readable plain text of the printout: one string per printed line, aligned with spaces at the
 * physical start column of each line, QR codes as `[QR: content]`, cuts as a scissors line.
 */
export function renderPlainLines(input: Input, options: RenderOptions = {}): string[] {
  const doc = layoutTokens(input, options)
  const out: string[] = []
  for (const b of doc.blocks) {
    if (b.kind === 'cut') out.push(cutLine(doc.columns))
    else if (b.kind === 'qr') {
      const text = `[QR: ${b.content ?? ''}]`
      out.push(' '.repeat(startColumn(b.align, textWidth(text), doc.columns)) + text)
    } else {
      const text = b.segments.map((s) => s.text).join('')
      out.push((' '.repeat(startColumn(b.align, b.columns, doc.columns)) + text).trimEnd())
    }
  }
  return out
}

/** `renderPlainLines` joined with newlines. */
export function renderPlainText(input: Input, options: RenderOptions = {}): string {
  return renderPlainLines(input, options).join('\n')
}

export { startColumn as alignedStartColumn }
