/**
 * A QR code encoder for the kiosk's screen: byte mode, error correction level M, versions 1–10
 * (up to 213 bytes; `HALLTICKET:2026-11-23-public-12` needs version 3). Written here because no
 * QR library is installed and the kiosk shows a ticket's QR when its printer cannot print it.
 *
 * Source: ISO/IEC 18004:2015 — §7.4.3 byte mode, §7.4.9 padding (0xEC 0x11), Table 7 (codewords),
 * Table 9 (blocks for level M), §7.5 Reed–Solomon over GF(256) with x^8+x^4+x^3+x^2+1, §7.6
 * interleaving, §7.7 placement, §7.8 masks and their penalty rules (N1=3, N2=3, N3=40, N4=10),
 * §7.9 format information (BCH(15,5), XOR 0x5412), §7.10 version information (BCH(18,6)),
 * Annex E alignment pattern positions.
 */

export interface QrMatrix {
  version: number
  mask: number
  size: number
  /** `modules[y][x]` is true for a dark module. */
  modules: boolean[][]
}

/** Level M per version (index = version): EC codewords per block, and the block groups. */
const EC_PER_BLOCK = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
const BLOCKS: readonly (readonly [count: number, dataCodewords: number][])[] = [
  [],
  [[1, 16]],
  [[1, 28]],
  [[1, 44]],
  [[2, 32]],
  [[2, 43]],
  [[4, 27]],
  [[4, 31]],
  [
    [2, 38],
    [2, 39],
  ],
  [
    [3, 36],
    [2, 37],
  ],
  [
    [4, 43],
    [1, 44],
  ],
]
const ALIGNMENT: readonly (readonly number[])[] = [
  [],
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
]
export const MAX_VERSION = 10
/** Level M is 00 in the format information (§7.9.1, Table 12). */
const EC_LEVEL_BITS = 0b00

export function dataCodewords(version: number): number {
  return (BLOCKS[version] ?? []).reduce((sum, [count, data]) => sum + count * data, 0)
}

// GF(256) with the primitive polynomial 0x11D.
const EXP = new Uint8Array(512)
const LOG = new Uint8Array(256)
{
  let x = 1
  for (let i = 0; i < 255; i++) {
    EXP[i] = x
    LOG[x] = i
    x <<= 1
    if (x & 0x100) x ^= 0x11d
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255] as number
}
const mul = (a: number, b: number): number =>
  a === 0 || b === 0 ? 0 : (EXP[(LOG[a] as number) + (LOG[b] as number)] as number)

/** Generator polynomial of degree n, coefficients highest power first, leading 1 dropped. */
function generator(n: number): number[] {
  let poly = [1]
  for (let i = 0; i < n; i++) {
    const next = new Array<number>(poly.length + 1).fill(0)
    for (let j = 0; j < poly.length; j++) {
      next[j] = (next[j] as number) ^ (poly[j] as number)
      next[j + 1] = (next[j + 1] as number) ^ mul(poly[j] as number, EXP[i] as number)
    }
    poly = next
  }
  return poly.slice(1)
}

/** Reed–Solomon error correction codewords for one block. */
export function reedSolomon(data: readonly number[], ecCount: number): number[] {
  const gen = generator(ecCount)
  const rem = new Array<number>(ecCount).fill(0)
  for (const byte of data) {
    const factor = byte ^ (rem.shift() as number)
    rem.push(0)
    for (let i = 0; i < ecCount; i++) rem[i] = (rem[i] as number) ^ mul(gen[i] as number, factor)
  }
  return rem
}

/** The smallest version whose level-M capacity holds `byteLength` bytes in byte mode. */
export function chooseVersion(byteLength: number): number {
  for (let v = 1; v <= MAX_VERSION; v++) {
    const countBits = v < 10 ? 8 : 16
    if (4 + countBits + 8 * byteLength <= 8 * dataCodewords(v)) return v
  }
  throw new RangeError(`QR: ${byteLength} bytes do not fit in version ${MAX_VERSION}-M`)
}

/** Mode indicator, count, data, terminator and padding: the data codewords (§7.4). */
export function encodeData(bytes: Uint8Array, version: number): number[] {
  const bits: number[] = []
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1)
  }
  const capacity = dataCodewords(version) * 8
  put(0b0100, 4)
  put(bytes.length, version < 10 ? 8 : 16)
  for (const b of bytes) put(b, 8)
  if (bits.length > capacity) throw new RangeError('QR: data too long for this version')
  put(0, Math.min(4, capacity - bits.length))
  while (bits.length % 8 !== 0) bits.push(0)
  const words: number[] = []
  for (let i = 0; i < bits.length; i += 8) words.push(Number.parseInt(bits.slice(i, i + 8).join(''), 2))
  for (let pad = 0; words.length < capacity / 8; pad++) words.push(pad % 2 === 0 ? 0xec : 0x11)
  return words
}

/** Splits into blocks, adds error correction, interleaves (§7.6). */
export function finalCodewords(data: readonly number[], version: number): number[] {
  const ec = EC_PER_BLOCK[version] as number
  const blocks: number[][] = []
  let at = 0
  for (const [count, size] of BLOCKS[version] ?? []) {
    for (let i = 0; i < count; i++) {
      blocks.push(data.slice(at, at + size))
      at += size
    }
  }
  const ecBlocks = blocks.map((b) => reedSolomon(b, ec))
  const out: number[] = []
  const longest = Math.max(...blocks.map((b) => b.length))
  for (let i = 0; i < longest; i++) for (const b of blocks) if (i < b.length) out.push(b[i] as number)
  for (let i = 0; i < ec; i++) for (const b of ecBlocks) out.push(b[i] as number)
  return out
}

/** BCH remainder of `value` (shifted by the generator's degree) modulo `poly`. */
function bch(value: number, poly: number): number {
  const degree = Math.floor(Math.log2(poly))
  let rem = value << degree
  while (rem > 0 && Math.floor(Math.log2(rem)) >= degree) rem ^= poly << (Math.floor(Math.log2(rem)) - degree)
  return rem
}

/** The 15 format bits for level M and a mask (§7.9). */
export function formatBits(mask: number): number {
  const data = (EC_LEVEL_BITS << 3) | mask
  return ((data << 10) | bch(data, 0b10100110111)) ^ 0b101010000010010
}

/** The 18 version bits (§7.10), for versions 7 and up. */
export function versionBits(version: number): number {
  return (version << 12) | bch(version, 0b1111100100101)
}

const MASKS: readonly ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(y / 2) + Math.floor(x / 3)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
]

interface Grid {
  size: number
  dark: boolean[][]
  /** Function patterns and format/version areas, which data and masks skip. */
  reserved: boolean[][]
}

function emptyGrid(size: number): Grid {
  const make = () => Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
  return { size, dark: make(), reserved: make() }
}

function set(grid: Grid, x: number, y: number, dark: boolean): void {
  ;(grid.dark[y] as boolean[])[x] = dark
  ;(grid.reserved[y] as boolean[])[x] = true
}

function drawFunctionPatterns(grid: Grid, version: number): void {
  const { size } = grid
  for (let i = 0; i < size; i++) {
    set(grid, 6, i, i % 2 === 0)
    set(grid, i, 6, i % 2 === 0)
  }
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx
        const y = cy + dy
        if (x < 0 || y < 0 || x >= size || y >= size) continue
        const d = Math.max(Math.abs(dx), Math.abs(dy))
        set(grid, x, y, d !== 2 && d !== 4)
      }
    }
  }
  const centres = ALIGNMENT[version] ?? []
  for (const cy of centres) {
    for (const cx of centres) {
      const onFinder =
        (cx === 6 && cy === 6) || (cx === 6 && cy === size - 7) || (cx === size - 7 && cy === 6)
      if (onFinder) continue
      for (let dy = -2; dy <= 2; dy++)
        for (let dx = -2; dx <= 2; dx++)
          set(grid, cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1)
    }
  }
  drawFormat(grid, 0)
  if (version >= 7) {
    const bits = versionBits(version)
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1
      const a = size - 11 + (i % 3)
      const b = Math.floor(i / 3)
      set(grid, a, b, dark)
      set(grid, b, a, dark)
    }
  }
}

/** Both copies of the format information, plus the dark module (§7.9.1, Figure 25). */
function drawFormat(grid: Grid, mask: number): void {
  const { size } = grid
  const bits = formatBits(mask)
  const bit = (i: number) => ((bits >>> i) & 1) === 1
  for (let i = 0; i <= 5; i++) set(grid, 8, i, bit(i))
  set(grid, 8, 7, bit(6))
  set(grid, 8, 8, bit(7))
  set(grid, 7, 8, bit(8))
  for (let i = 9; i < 15; i++) set(grid, 14 - i, 8, bit(i))
  for (let i = 0; i < 8; i++) set(grid, size - 1 - i, 8, bit(i))
  for (let i = 8; i < 15; i++) set(grid, 8, size - 15 + i, bit(i))
  set(grid, 8, size - 8, true)
}

/** Places the codewords in the zigzag order of §7.7.3, bit 7 first. */
function placeData(grid: Grid, codewords: readonly number[]): void {
  const { size } = grid
  let i = 0
  const total = codewords.length * 8
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5
    const upward = ((right + 1) & 2) === 0
    for (let step = 0; step < size; step++) {
      const y = upward ? size - 1 - step : step
      for (let j = 0; j < 2; j++) {
        const x = right - j
        if ((grid.reserved[y] as boolean[])[x]) continue
        const dark = i < total && (((codewords[i >>> 3] as number) >>> (7 - (i & 7))) & 1) === 1
        ;(grid.dark[y] as boolean[])[x] = dark
        i++
      }
    }
  }
}

function applyMask(grid: Grid, mask: number): boolean[][] {
  const test = MASKS[mask] as (x: number, y: number) => boolean
  return grid.dark.map((row, y) =>
    row.map((dark, x) => ((grid.reserved[y] as boolean[])[x] ? dark : dark !== test(x, y))),
  )
}

/** The penalty score of a masked symbol (§7.8.3). */
export function penalty(m: readonly (readonly boolean[])[]): number {
  const size = m.length
  const at = (x: number, y: number) => (m[y] as readonly boolean[])[x] as boolean
  let score = 0
  for (let pass = 0; pass < 2; pass++) {
    for (let a = 0; a < size; a++) {
      let run = 1
      const line: boolean[] = []
      for (let b = 0; b < size; b++) line.push(pass === 0 ? at(b, a) : at(a, b))
      for (let b = 1; b <= size; b++) {
        if (b < size && line[b] === line[b - 1]) run++
        else {
          if (run >= 5) score += 3 + (run - 5)
          run = 1
        }
      }
      // 1:1:3:1:1 finder-like pattern with four light modules on one side (outside counts light).
      const light = (b: number) => b < 0 || b >= size || !line[b]
      for (let b = -4; b < size; b++) {
        const core = [1, 0, 1, 1, 1, 0, 1].every((v, k) => {
          const idx = b + k
          return idx >= 0 && idx < size && line[idx] === (v === 1)
        })
        if (!core) continue
        const before = [1, 2, 3, 4].every((k) => light(b - k))
        const after = [7, 8, 9, 10].every((k) => light(b + k))
        if (before || after) score += 40
      }
    }
  }
  for (let y = 0; y < size - 1; y++)
    for (let x = 0; x < size - 1; x++) {
      const c = at(x, y)
      if (at(x + 1, y) === c && at(x, y + 1) === c && at(x + 1, y + 1) === c) score += 3
    }
  let dark = 0
  for (const row of m) for (const v of row) if (v) dark++
  const percent = (dark * 100) / (size * size)
  score += Math.floor(Math.abs(percent - 50) / 5) * 10
  return score
}

export interface QrOptions {
  /** Force a mask (0–7) instead of the lowest penalty; for tests against reference symbols. */
  mask?: number
  /** Force a version instead of the smallest that fits. */
  version?: number
}

/** Encodes text (as UTF-8) into a QR symbol, level M. */
export function encodeQr(text: string, options: QrOptions = {}): QrMatrix {
  const bytes = new TextEncoder().encode(text)
  const version = options.version ?? chooseVersion(bytes.length)
  if (version < 1 || version > MAX_VERSION) throw new RangeError(`QR: version ${version} not supported`)
  const codewords = finalCodewords(encodeData(bytes, version), version)
  const size = 17 + 4 * version
  const grid = emptyGrid(size)
  drawFunctionPatterns(grid, version)
  placeData(grid, codewords)
  const candidates = options.mask === undefined ? [0, 1, 2, 3, 4, 5, 6, 7] : [options.mask]
  let best: { mask: number; modules: boolean[][]; score: number } | null = null
  for (const mask of candidates) {
    drawFormat(grid, mask)
    const modules = applyMask(grid, mask)
    const score = candidates.length === 1 ? 0 : penalty(modules)
    if (best === null || score < best.score) best = { mask, modules, score }
  }
  const chosen = best as { mask: number; modules: boolean[][] }
  return { version, mask: chosen.mask, size, modules: chosen.modules }
}
