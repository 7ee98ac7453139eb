import QRCode from 'qrcode'
import t from 'tap'
import {
  cutLine,
  escpos,
  fromHex,
  layoutTokens,
  renderPlainLines,
  renderPlainText,
  renderSvg,
  ticketLayout,
} from '../../../src/codecs/escpos/index.js'
import { sampleTicket } from './samples.js'

t.test('plain text: alignment, QR, cut', async (t) => {
  const bytes = escpos()
    .init()
    .chinese()
    .align('center')
    .line('中文')
    .align('right')
    .line('AB')
    .align('left')
    .size(2, 2)
    .line('大')
    .size(1, 1)
    .feed(2)
    .align('center')
    .qrCode('扫码')
    .cut()
    .build()
  t.same(renderPlainLines(bytes, { columns: 10 }), [
    '   中文',
    '        AB',
    '大',
    '',
    '',
    '[QR: 扫码]',
    cutLine(10),
  ])
  t.equal(cutLine(10), '✂ - - - -')
  t.equal(renderPlainText(bytes, { columns: 10 }).split('\n').length, 7)
})

t.test('48 columns on 80 mm, 32 on 58 mm', async (t) => {
  const bytes = escpos().chinese().align('right').line('号').build()
  t.same(renderPlainLines(bytes), [`${' '.repeat(46)}号`])
  t.same(renderPlainLines(bytes, { paper: '58mm' }), [`${' '.repeat(30)}号`])
})

t.test('the printer wraps an overflowing line by itself, and that is counted', async (t) => {
  const bytes = escpos().chinese().line('一二三四五六').build()
  const doc = layoutTokens(bytes, { columns: 8 })
  t.equal(doc.overflows, 1)
  t.same(renderPlainLines(bytes, { columns: 8 }), ['一二三四', '五六'])
  t.equal(layoutTokens(escpos().chinese().line('一二三四').build(), { columns: 8 }).overflows, 0)
  const wide = layoutTokens(escpos().chinese().size(2, 1).line('一二三').build(), { columns: 8 })
  t.equal(wide.overflows, 1, 'width multiplier counts')
  t.same(
    renderPlainLines(escpos().chinese().kanjiMode({ doubleWidth: true }).line('一二三A').build(), {
      columns: 8,
    }),
    ['一二', '三A'],
    'FS ! doubles Chinese characters only',
  )
})

t.test('ESC a only applies at the start of a line', async (t) => {
  const bytes = escpos().line('A').text('B').align('right').line('C').line('D').build()
  t.same(renderPlainLines(bytes, { columns: 6 }), ['A', 'BC', '     D'])
})

t.test('segments carry size, bold and underline', async (t) => {
  const doc = layoutTokens(
    escpos().chinese().bold().size(3, 3).text('A012').bold(false).size(1, 1).underline(1).line('号').build(),
  )
  const block = doc.blocks[0]!
  t.equal(block.kind, 'text')
  if (block.kind !== 'text') return
  t.equal(block.height, 3)
  t.equal(block.columns, 14)
  t.match(block.segments, [
    { text: 'A012', width: 3, height: 3, bold: true, columns: 12, startColumn: 0, underline: false },
    { text: '号', width: 1, height: 1, bold: false, columns: 2, startColumn: 12, underline: true },
  ])
})

t.test('tabs, init and unknown tokens', async (t) => {
  t.same(renderPlainLines(fromHex('41 09 42 0a'), { columns: 20 }), ['A       B'])
  t.same(
    renderPlainLines(fromHex('41 1b 40 42 0a'), { columns: 20 }),
    ['B'],
    'ESC @ discards the unprinted line',
  )
  const doc = layoutTokens(fromHex('1b 99 41 0a 07'))
  t.equal(doc.unknown.length, 2)
})

t.test('SVG picture', async (t) => {
  const bytes = escpos()
    .init()
    .chinese()
    .align('center')
    .bold()
    .size(3, 3)
    .line('A012')
    .size(1, 1)
    .bold(false)
    .line('<综合&受理>')
    .qrCode('https://hall.example.cn/q/A012')
    .cut()
    .build()
  const svg = renderSvg(bytes)
  t.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="608"/)
  t.match(
    svg,
    /font-size="72" textLength="144" lengthAdjust="spacingAndGlyphs" font-weight="bold"[^>]*>A012<\/text>/,
  )
  t.match(svg, /&#60;综合&#38;受理&#62;/, 'text is escaped')
  t.match(svg, />https:\/\/hall.example.cn\/q\/A012<\/text>/, 'QR content beneath the symbol')
  t.match(svg, /stroke-dasharray/, 'cut line')
  t.equal(renderSvg(bytes), svg, 'deterministic')
  t.notMatch(renderSvg(bytes, { paper: '58mm' }), /width="608"/)
})

/** The dark modules of the preview's QR path (`M{x} {y}h{u}v{u}h-{u}z` squares), as a matrix. */
function previewModules(svg: string): { version: number; modules: boolean[][] } {
  const m = /<path class="qr" data-qr-version="(\d+)" d="([^"]*)"/.exec(svg)
  if (!m) throw new Error('no QR path in the preview')
  const squares = [...m[2]!.matchAll(/M(\d+) (\d+)h(\d+)/g)].map((s) => s.slice(1).map(Number))
  const version = Number(m[1])
  const size = 17 + 4 * version
  const unit = squares[0]![2]!
  const left = Math.min(...squares.map((s) => s[0]!))
  const top = Math.min(...squares.map((s) => s[1]!))
  const modules = Array.from({ length: size }, () => Array.from({ length: size }, () => false))
  for (const [x, y] of squares) modules[(y! - top) / unit]![(x! - left) / unit] = true
  return { version, modules }
}

/** The library's own matrix, asked directly with the screen's settings (byte mode, level M). */
function libraryModules(text: string): { version: number; modules: boolean[][] } {
  const q = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
  })
  const { size, data } = q.modules
  return {
    version: q.version,
    modules: Array.from({ length: size }, (_, y) =>
      Array.from({ length: size }, (_, x) => data[y * size + x] === 1),
    ),
  }
}

t.test('the paper preview draws the real QR symbol of the ticket payload', async (t) => {
  for (const qrContent of ['HALLTICKET:2026-12-07-public-12', sampleTicket.qrContent]) {
    for (const paper of ['80mm', '58mm'] as const) {
      const svg = renderSvg(ticketLayout({ ...sampleTicket, qrContent }, { paper }), { paper })
      const preview = previewModules(svg)
      const library = libraryModules(qrContent)
      t.equal(preview.version, library.version, `${qrContent} on ${paper}: version`)
      t.same(preview.modules, library.modules, `${qrContent} on ${paper}: every module`)
    }
  }
  // The finder pattern's corner module is dark (top left of every symbol), the quiet-zone side light.
  const { modules } = previewModules(renderSvg(ticketLayout(sampleTicket)))
  t.equal(modules[0]![0], true)
  t.equal(modules[7]![7], false)
})

t.test('a QR print with nothing stored is said on the preview, not drawn', async (t) => {
  const svg = renderSvg(fromHex('1d 28 6b 03 00 31 51 30'))
  t.notMatch(svg, /class="qr"/)
  t.match(svg, /无法生成二维码/)
})
