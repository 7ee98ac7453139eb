/**
 * Lengths of ESC/POS commands, so a tokenizer can step over commands it does not model.
 *
 * Source: Epson ESC/POS Command Reference (standard mode commands of the TM-T88/T20 family) and
 * the FS/DLE extensions of Chinese-market printers (Xprinter, JPM112, Bixolon SRP-350 manuals).
 * Counts are bytes after the two-byte prefix (ESC x, GS x, FS x, DLE x) unless noted.
 */

// Fixed parameter counts after the two-byte prefix.
const ESC_FIXED: ReadonlyMap<number, number> = new Map([
  [0x20, 1], // ESC SP n   right-side character spacing
  [0x21, 1], // ESC ! n    print mode
  [0x24, 2], // ESC $      absolute position
  [0x25, 1], // ESC % n    user-defined character set
  [0x2d, 1], // ESC - n    underline
  [0x32, 0], // ESC 2      default line spacing
  [0x33, 1], // ESC 3 n    line spacing
  [0x3d, 1], // ESC = n    select peripheral
  [0x3f, 1], // ESC ? n    cancel user-defined character
  [0x40, 0], // ESC @      initialise
  [0x42, 2], // ESC B n t  buzzer (Chinese-market printers)
  [0x45, 1], // ESC E n    emphasised
  [0x47, 1], // ESC G n    double strike
  [0x4a, 1], // ESC J n    feed n dots
  [0x4c, 0], // ESC L      page mode
  [0x4d, 1], // ESC M n    font
  [0x52, 1], // ESC R n    international character set
  [0x53, 0], // ESC S      standard mode
  [0x54, 1], // ESC T n    page-mode direction
  [0x55, 1], // ESC U n    unidirectional printing
  [0x56, 1], // ESC V n    90° rotation
  [0x57, 8], // ESC W      page-mode area
  [0x5c, 2], // ESC \      relative position
  [0x61, 1], // ESC a n    justification
  [0x63, 2], // ESC c 3/4/5 n  paper sensors, panel buttons
  [0x64, 1], // ESC d n    feed n lines
  [0x65, 1], // ESC e n    reverse feed n lines
  [0x69, 0], // ESC i      partial cut (legacy)
  [0x6d, 0], // ESC m      partial cut (legacy)
  [0x70, 3], // ESC p m t1 t2  drawer pulse
  [0x72, 1], // ESC r n    print colour
  [0x74, 1], // ESC t n    code page
  [0x75, 1], // ESC u n    peripheral status (legacy)
  [0x76, 0], // ESC v      paper sensor status (legacy)
  [0x7b, 1], // ESC { n    upside-down
])

const GS_FIXED: ReadonlyMap<number, number> = new Map([
  [0x21, 1], // GS ! n     character size
  [0x24, 2], // GS $       absolute vertical position (page mode)
  [0x2f, 1], // GS / m     print downloaded bit image
  [0x3a, 0], // GS :       macro start/end
  [0x42, 1], // GS B n     white/black reverse
  [0x48, 1], // GS H n     HRI position
  [0x49, 1], // GS I n     printer id
  [0x4c, 2], // GS L       left margin
  [0x50, 2], // GS P x y   motion units
  [0x54, 1], // GS T n     print position to line start
  [0x57, 2], // GS W       print area width
  [0x5c, 2], // GS \       relative vertical position
  [0x5e, 3], // GS ^ r t m macro execution
  [0x61, 1], // GS a n     automatic status back
  [0x62, 1], // GS b n     smoothing
  [0x66, 1], // GS f n     HRI font
  [0x68, 1], // GS h n     barcode height
  [0x72, 1], // GS r n     transmit status
  [0x77, 1], // GS w n     barcode module width
])

const FS_FIXED: ReadonlyMap<number, number> = new Map([
  [0x21, 1], // FS ! n     Kanji print mode
  [0x26, 0], // FS &       Kanji mode on
  [0x2d, 1], // FS - n     Kanji underline
  [0x2e, 0], // FS .       Kanji mode off
  [0x32, 74], // FS 2 c1 c2 + 72 bytes  define a 24x24 user Kanji
  [0x43, 1], // FS C n     Kanji code system
  [0x53, 2], // FS S n1 n2 Kanji spacing
  [0x57, 1], // FS W n     quadruple Kanji
  [0x70, 2], // FS p n m   print NV bit image
])

/** `more`: the command is incomplete at `end`; `null`: not a command we know. */
export type Measure = number | 'more' | null

function fixed(start: number, end: number, total: number): Measure {
  return end - start >= total ? total : 'more'
}

function u16(buf: Uint8Array, at: number): number {
  return buf[at]! | (buf[at + 1]! << 8)
}

/**
 * Total length in bytes of the command at `buf[start]` (which must be ESC, GS, FS or DLE),
 * looking no further than `end`.
 */
export function measureCommand(buf: Uint8Array, start: number, end: number): Measure {
  if (end - start < 2) return 'more'
  const prefix = buf[start]!
  const op = buf[start + 1]!
  const avail = end - start
  if (prefix === 0x1b) {
    const n = ESC_FIXED.get(op)
    if (n !== undefined) return fixed(start, end, 2 + n)
    if (op === 0x44) {
      // ESC D n1..nk NUL: tab stops, at most 32 of them.
      for (let i = start + 2; i < end && i <= start + 34; i++) if (buf[i] === 0) return i - start + 1
      return avail >= 35 ? null : 'more'
    }
    if (op === 0x2a) {
      // ESC * m nL nH d1..dk: 8-dot modes take n bytes, 24-dot modes 3n.
      if (avail < 5) return 'more'
      const m = buf[start + 2]!
      const cols = u16(buf, start + 3)
      return fixed(start, end, 5 + (m === 32 || m === 33 ? 3 * cols : cols))
    }
    if (op === 0x26) return measureUserChars(buf, start, end)
    return null
  }
  if (prefix === 0x1d) {
    const n = GS_FIXED.get(op)
    if (n !== undefined) return fixed(start, end, 2 + n)
    if (op === 0x28) {
      // GS ( fn pL pH d1..dp
      if (avail < 5) return 'more'
      return fixed(start, end, 5 + u16(buf, start + 3))
    }
    if (op === 0x56) {
      // GS V m [n]: m 0/1/48/49 have no n; 65/66 and 97/98/103/104 have one.
      if (avail < 3) return 'more'
      const m = buf[start + 2]!
      if (m === 0 || m === 1 || m === 48 || m === 49) return 3
      if (m === 65 || m === 66 || m === 97 || m === 98 || m === 103 || m === 104) return fixed(start, end, 4)
      return null
    }
    if (op === 0x6b) {
      // GS k m d1..dk NUL (m 0-6) or GS k m n d1..dn (m 65-79).
      if (avail < 3) return 'more'
      const m = buf[start + 2]!
      if (m <= 6) {
        for (let i = start + 3; i < end; i++) if (buf[i] === 0) return i - start + 1
        return avail > 258 ? null : 'more'
      }
      if (m >= 65 && m <= 79) return avail < 4 ? 'more' : fixed(start, end, 4 + buf[start + 3]!)
      return null
    }
    if (op === 0x76) {
      // GS v 0 m xL xH yL yH d1..dk: raster image, k = (xL + 256 xH) * (yL + 256 yH).
      if (avail < 8) return 'more'
      return fixed(start, end, 8 + u16(buf, start + 4) * u16(buf, start + 6))
    }
    if (op === 0x2a) {
      // GS * x y d1..d(x*y*8): downloaded bit image.
      if (avail < 4) return 'more'
      return fixed(start, end, 4 + buf[start + 2]! * buf[start + 3]! * 8)
    }
    if (op === 0x38) {
      // GS 8 L p1 p2 p3 p4 fn ...: graphics with a 32-bit length.
      if (avail < 7) return 'more'
      if (buf[start + 2] !== 0x4c) return null
      const p =
        buf[start + 3]! + buf[start + 4]! * 0x100 + buf[start + 5]! * 0x10000 + buf[start + 6]! * 0x1000000
      return fixed(start, end, 7 + p)
    }
    return null
  }
  if (prefix === 0x1c) {
    const n = FS_FIXED.get(op)
    if (n !== undefined) return fixed(start, end, 2 + n)
    if (op === 0x28) {
      if (avail < 5) return 'more'
      return fixed(start, end, 5 + u16(buf, start + 3))
    }
    return null
  }
  if (prefix === 0x10) {
    if (op === 0x04 || op === 0x05) return fixed(start, end, 3)
    // DLE DC4 fn m t: pulse (fn 1) and power-off (fn 2) are five bytes.
    if (op === 0x14) return fixed(start, end, 5)
    return null
  }
  return null
}

// ESC & y c1 c2 [x d1..d(y*x)] for each character c1..c2.
function measureUserChars(buf: Uint8Array, start: number, end: number): Measure {
  if (end - start < 5) return 'more'
  const y = buf[start + 2]!
  const c1 = buf[start + 3]!
  const c2 = buf[start + 4]!
  if (c2 < c1) return null
  let i = start + 5
  for (let c = c1; c <= c2; c++) {
    if (i >= end) return 'more'
    i += 1 + y * buf[i]!
  }
  return i <= end ? i - start : 'more'
}
