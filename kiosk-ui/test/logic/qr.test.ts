import { readFileSync } from 'node:fs'
import t from 'tap'
import {
  chooseVersion,
  encodeData,
  encodeQr,
  finalCodewords,
  formatBits,
  penalty,
  reedSolomon,
  versionBits,
} from '../../src/logic/qr.js'

interface Vector {
  text: string
  version: number
  /** Set when the reference was made with `-v N` rather than the smallest version. */
  forcedVersion: number | null
  rows: string[]
}
/** Reference symbols from libqrencode (see the fixture's `source`), which picks its own mask. */
const { vectors } = JSON.parse(
  readFileSync(new URL('../fixtures/qr-vectors.json', import.meta.url), 'utf8'),
) as { vectors: Vector[] }

const rowsOf = (modules: boolean[][]) => modules.map((r) => r.map((d) => (d ? '1' : '0')).join(''))

t.test('Reed–Solomon: the ISO/IEC 18004 Annex I example (01234567, 1-M)', async (t) => {
  const data = [
    0x10, 0x20, 0x0c, 0x56, 0x61, 0x80, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11,
  ]
  t.same(reedSolomon(data, 10), [0xa5, 0x24, 0xd4, 0xc1, 0xed, 0x36, 0xc7, 0x87, 0x2c, 0x55])
})

t.test('format and version information match the standard tables', async (t) => {
  // Table C.1: level M, mask 0..7.
  const expected = [0x5412, 0x5125, 0x5e7c, 0x5b4b, 0x45f9, 0x40ce, 0x4f97, 0x4aa0]
  t.same([0, 1, 2, 3, 4, 5, 6, 7].map(formatBits), expected)
  // Table D.1: versions 7 to 10.
  t.equal(versionBits(7), 0x07c94)
  t.equal(versionBits(8), 0x085bc)
  t.equal(versionBits(9), 0x09a99)
  t.equal(versionBits(10), 0x0a4d3)
})

t.test('data codewords: mode, count, terminator and 0xEC 0x11 padding', async (t) => {
  const words = encodeData(new TextEncoder().encode('AB'), 1)
  t.equal(words.length, 16)
  t.same(words.slice(0, 4), [0x40, 0x24, 0x14, 0x20])
  t.same(words.slice(4, 8), [0xec, 0x11, 0xec, 0x11])
  t.equal(finalCodewords(words, 1).length, 26)
  t.equal(finalCodewords(encodeData(new TextEncoder().encode('x'.repeat(200)), 10), 10).length, 346)
})

t.test('the smallest version that holds the bytes, up to 10-M', async (t) => {
  t.equal(chooseVersion(14), 1)
  t.equal(chooseVersion(15), 2)
  t.equal(chooseVersion('HALLTICKET:2026-11-23-public-12'.length), 3)
  t.equal(chooseVersion(213), 10)
  t.throws(() => chooseVersion(214), RangeError)
  t.throws(() => encodeQr('x'.repeat(300)), RangeError)
})

t.test('symbols equal the reference encoder module for module', async (t) => {
  for (const v of vectors) {
    const label = `${v.text.slice(0, 24)} (v${v.version})`
    if (v.forcedVersion === null) t.equal(encodeQr(v.text).version, v.version, `version of ${label}`)
    // Masks are chosen by penalty, whose N3 rule encoders read differently; the symbol for the
    // reference's mask must be identical, module for module.
    const masks = [0, 1, 2, 3, 4, 5, 6, 7].filter((mask) => {
      const ours = encodeQr(v.text, { version: v.version, mask })
      return rowsOf(ours.modules).join('\n') === v.rows.join('\n')
    })
    t.equal(masks.length, 1, `exactly one mask reproduces ${label}`)
  }
})

t.test('the automatic mask is the one with the lowest penalty', async (t) => {
  const text = 'HALLTICKET:2026-11-23-public-12'
  const chosen = encodeQr(text)
  const scores = [0, 1, 2, 3, 4, 5, 6, 7].map((mask) => penalty(encodeQr(text, { mask }).modules))
  t.equal(penalty(chosen.modules), Math.min(...scores))
})
