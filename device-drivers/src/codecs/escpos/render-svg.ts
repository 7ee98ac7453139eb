/**
 * SVG picture of a printout, for the printer simulator and for reviewing layouts by eye.
 *
 * Units are printer dots (203 dpi): a column is 12 dots, a text line 24 dots per height step,
 * so 80 mm paper is 576 dots wide. Text is drawn in a monospace font stretched to its exact
 * column span with `textLength`, because CJK glyphs in monospace fonts are not exactly two ASCII
 * cells wide. QR codes are drawn as a QR-looking placeholder (finder patterns plus modules
 * derived from a hash of the content, not scannable) at roughly the printed size, with the
 * content written beneath: encoding real symbols would need a QR encoder, which the workspace
 * does not ship.
 */
import { DOTS_PER_COLUMN, DOTS_PER_LINE, type QrErrorCorrection } from './constants.js'
import { alignedStartColumn, layoutTokens, type RenderOptions } from './render.js'
import type { EscPosToken } from './tokenizer.js'
import { textWidth, wrapText } from './width.js'

const MARGIN = 16
const LINE_GAP = 8

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

// Byte-mode capacities of versions 1-10 (ISO/IEC 18004 table 7); beyond v10 the version is
// interpolated towards the v40 capacity, which is close enough for a placeholder's size.
const CAPACITY: Readonly<Record<QrErrorCorrection, readonly number[]>> = {
  L: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271],
  M: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213],
  Q: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151],
  H: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119],
}
const CAPACITY_V40: Readonly<Record<QrErrorCorrection, number>> = { L: 2953, M: 2331, Q: 1663, H: 1273 }

/** Approximate QR version (1-40) for `bytes` bytes of byte-mode data. */
export function estimateQrVersion(bytes: number, level: QrErrorCorrection): number {
  const table = CAPACITY[level]
  const v = table.findIndex((c) => bytes <= c)
  if (v >= 0) return v + 1
  const c10 = table[9]!
  const frac = (bytes - c10) / (CAPACITY_V40[level] - c10)
  return Math.min(40, 10 + Math.ceil(frac * 30))
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

function qrPlaceholder(x: number, y: number, content: string, modules: number, unit: number): string {
  const parts: string[] = [
    `<rect x="${x}" y="${y}" width="${modules * unit}" height="${modules * unit}" fill="#fff"/>`,
  ]
  const finder = (fx: number, fy: number): void => {
    const px = x + fx * unit
    const py = y + fy * unit
    parts.push(
      `<rect x="${px}" y="${py}" width="${7 * unit}" height="${7 * unit}" fill="#000"/>`,
      `<rect x="${px + unit}" y="${py + unit}" width="${5 * unit}" height="${5 * unit}" fill="#fff"/>`,
      `<rect x="${px + 2 * unit}" y="${py + 2 * unit}" width="${3 * unit}" height="${3 * unit}" fill="#000"/>`,
    )
  }
  finder(0, 0)
  finder(modules - 7, 0)
  finder(0, modules - 7)
  let seed = fnv1a(content) || 1
  const inFinder = (c: number, r: number): boolean =>
    (c < 8 && r < 8) || (c >= modules - 8 && r < 8) || (c < 8 && r >= modules - 8)
  let path = ''
  for (let r = 0; r < modules; r++) {
    for (let c = 0; c < modules; c++) {
      // xorshift32: deterministic module pattern per content.
      seed ^= seed << 13
      seed ^= seed >>> 17
      seed ^= seed << 5
      seed >>>= 0
      if (!inFinder(c, r) && (seed & 1) === 1)
        path += `M${x + c * unit} ${y + r * unit}h${unit}v${unit}h-${unit}z`
    }
  }
  if (path) parts.push(`<path d="${path}" fill="#000"/>`)
  return parts.join('')
}

/** Renders bytes or tokens to an SVG document (a string). */
export function renderSvg(input: Uint8Array | readonly EscPosToken[], options: RenderOptions = {}): string {
  const doc = layoutTokens(input, options)
  const paperWidth = doc.columns * DOTS_PER_COLUMN
  const body: string[] = []
  let y = MARGIN
  for (const b of doc.blocks) {
    if (b.kind === 'text') {
      const lineHeight = DOTS_PER_LINE * b.height
      const start = alignedStartColumn(b.align, b.columns, doc.columns)
      for (const s of b.segments) {
        if (s.text.trim() === '') continue
        const x = MARGIN + (start + s.startColumn) * DOTS_PER_COLUMN
        const baseline = y + lineHeight - Math.round(DOTS_PER_LINE * s.height * 0.14)
        const attrs = [
          `x="${x}"`,
          `y="${baseline}"`,
          `font-size="${DOTS_PER_LINE * s.height}"`,
          `textLength="${s.columns * DOTS_PER_COLUMN}"`,
          'lengthAdjust="spacingAndGlyphs"',
          s.bold ? 'font-weight="bold"' : '',
          s.underline ? 'text-decoration="underline"' : '',
        ].filter(Boolean)
        body.push(`<text ${attrs.join(' ')} xml:space="preserve">${escapeXml(s.text)}</text>`)
      }
      y += lineHeight + LINE_GAP
    } else if (b.kind === 'qr') {
      const content = b.content ?? ''
      const version = estimateQrVersion(new TextEncoder().encode(content).length, b.level)
      const modules = 17 + 4 * version
      const unit = Math.max(1, b.moduleSize)
      const size = modules * unit
      const free = Math.max(0, paperWidth - size)
      const left = MARGIN + (b.align === 'center' ? Math.floor(free / 2) : b.align === 'right' ? free : 0)
      body.push(qrPlaceholder(left, y, content, modules, unit))
      y += size + LINE_GAP
      for (const caption of wrapText(content, doc.columns)) {
        const cols = textWidth(caption)
        const cx = MARGIN + alignedStartColumn(b.align, cols, doc.columns) * DOTS_PER_COLUMN
        body.push(
          `<text x="${cx}" y="${y + 18}" font-size="20" textLength="${cols * DOTS_PER_COLUMN}" ` +
            `lengthAdjust="spacingAndGlyphs" fill="#555" xml:space="preserve">${escapeXml(caption)}</text>`,
        )
        y += 22
      }
      y += LINE_GAP
    } else {
      const mid = y + 12
      body.push(
        `<line x1="0" y1="${mid}" x2="${paperWidth + 2 * MARGIN}" y2="${mid}" stroke="#999" stroke-dasharray="8 6"/>`,
        `<text x="4" y="${mid + 8}" font-size="20" fill="#999">✂</text>`,
      )
      y += 24 + LINE_GAP
    }
  }
  const width = paperWidth + 2 * MARGIN
  const height = y + MARGIN
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#fffef8"/>`,
    `<g font-family="'Noto Sans Mono CJK SC', 'WenQuanYi Zen Hei Mono', monospace" fill="#111">`,
    ...body,
    '</g>',
    '</svg>',
    '',
  ].join('\n')
}
