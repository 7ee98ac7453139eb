/**
 * SVG picture of a printout, for the printer simulator and for reviewing layouts by eye.
 *
 * Units are printer dots (203 dpi): a column is 12 dots, a text line 24 dots per height step,
 * so 80 mm paper is 576 dots wide. Text is drawn in a monospace font stretched to its exact
 * column span with `textLength`, because CJK glyphs in monospace fonts are not exactly two ASCII
 * cells wide. QR codes (`GS ( k`) are drawn as the real, scannable symbol from the encoder the
 * kiosk screen uses (`../qr.ts`: byte mode, the job's error correction level, smallest version),
 * `moduleSize` dots per module, with the content written beneath.
 */
import { encodeQr, type QrMatrix } from '../qr.js'
import { DOTS_PER_COLUMN, DOTS_PER_LINE } from './constants.js'
import { alignedStartColumn, layoutTokens, type RenderOptions } from './render.js'
import type { EscPosToken } from './tokenizer.js'
import { textWidth, wrapText } from './width.js'

const MARGIN = 16
const LINE_GAP = 8

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/**
 * The symbol the printer prints for `GS ( k` (byte mode at the level the job asked for), from the
 * encoder the kiosk screen uses too, as one path of unit squares at `x`, `y`, on white.
 */
function qrSymbol(x: number, y: number, qr: QrMatrix, unit: number): string {
  let path = ''
  qr.modules.forEach((row, r) => {
    row.forEach((dark, c) => {
      if (dark) path += `M${x + c * unit} ${y + r * unit}h${unit}v${unit}h-${unit}z`
    })
  })
  const side = qr.size * unit
  return (
    `<rect x="${x}" y="${y}" width="${side}" height="${side}" fill="#fff"/>` +
    `<path class="qr" data-qr-version="${qr.version}" d="${path}" fill="#000"/>`
  )
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
      const unit = Math.max(1, b.moduleSize)
      let qr: QrMatrix | null = null
      try {
        if (content !== '') qr = encodeQr(content, { level: b.level })
      } catch {
        // Nothing stored, or more than a version-40 symbol holds: the printer prints no symbol.
      }
      const size = qr ? qr.size * unit : DOTS_PER_LINE
      const free = Math.max(0, paperWidth - size)
      const left = MARGIN + (b.align === 'center' ? Math.floor(free / 2) : b.align === 'right' ? free : 0)
      if (qr) body.push(qrSymbol(left, y, qr, unit))
      else
        body.push(
          `<text x="${MARGIN}" y="${y + 20}" font-size="20" fill="#b00">无法生成二维码（内容为空或超出容量），打印机不会打印</text>`,
        )
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
