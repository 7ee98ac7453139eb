import { readFileSync } from 'node:fs'
import t from 'tap'
import { encodeQr, MAX_VERSION } from '../../src/logic/qr.js'

interface Vector {
  text: string
  version: number
  /** Set when the reference was made with `-v N` rather than the smallest version. */
  forcedVersion: number | null
  rows: string[]
}
/** Reference symbols from libqrencode (see the fixture's `source`), an encoder other than ours. */
const { vectors } = JSON.parse(
  readFileSync(new URL('../fixtures/qr-vectors.json', import.meta.url), 'utf8'),
) as { vectors: Vector[] }

const rowsOf = (modules: boolean[][]) => modules.map((r) => r.map((d) => (d ? '1' : '0')).join(''))

t.test('symbols equal an independent encoder (libqrencode) module for module', async (t) => {
  t.ok(vectors.length >= 3)
  for (const v of vectors) {
    const label = `${v.text.slice(0, 24)} (v${v.version})`
    if (v.forcedVersion === null) t.equal(encodeQr(v.text).version, v.version, `version of ${label}`)
    // Encoders may pick different masks (their penalty rules differ); the symbol for the
    // reference's mask must be identical, module for module: same bytes, level M, byte mode.
    const masks = [0, 1, 2, 3, 4, 5, 6, 7].filter((mask) => {
      const ours = encodeQr(v.text, { version: v.version, mask })
      return rowsOf(ours.modules).join('\n') === v.rows.join('\n')
    })
    t.equal(masks.length, 1, `exactly one mask reproduces ${label}`)
  }
})

t.test('a ticket code fits a small symbol; too much text is refused, not shrunk', async (t) => {
  const ticket = encodeQr('HALLTICKET:2026-11-23-public-12')
  t.equal(ticket.version, 3)
  t.equal(ticket.size, 29)
  t.equal(ticket.modules.length, 29)
  t.equal(encodeQr('x'.repeat(213)).version, MAX_VERSION, '213 bytes still fit version 10-M')
  t.throws(() => encodeQr('x'.repeat(214)), RangeError)
  t.throws(() => encodeQr('x'.repeat(300)), RangeError)
  t.equal(encodeQr('办件查询').version, 1, 'Chinese goes as UTF-8 bytes (12 bytes, version 1)')
})
