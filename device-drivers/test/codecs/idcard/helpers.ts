/**
 * Test helpers for the GA 467 codec. `buildText` writes the 256-byte text record straight from the
 * offsets in device-drivers/docs/protocols.md, so tests do not depend on the encoder they check.
 */

import { readFileSync } from 'node:fs'

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')
}

/** Hex with whitespace and `#` comments, as in test/fixtures. */
export function fromHex(text: string): Uint8Array {
  const digits = text
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .join('')
    .replace(/\s+/g, '')
  if (!/^([0-9a-fA-F]{2})*$/.test(digits)) throw new Error('bad hex')
  return Uint8Array.from(digits.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16))
}

export function fixture(name: string): Uint8Array {
  return fromHex(readFileSync(new URL(`../../fixtures/idcard/${name}`, import.meta.url), 'utf8'))
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** [offset, value] pairs written as UCS-2 LE into a space-padded 256-byte record. */
export function buildText(fields: ReadonlyArray<readonly [number, string]>): Uint8Array {
  const out = new Uint8Array(256)
  for (let i = 0; i < 256; i += 2) out[i] = 0x20
  for (const [offset, value] of fields) {
    for (let i = 0; i < value.length; i++) {
      const unit = value.charCodeAt(i)
      out[offset + 2 * i] = unit & 0xff
      out[offset + 2 * i + 1] = unit >> 8
    }
  }
  return out
}

/** A resident record per the notes: name 0, gender 30, nation 32, birth 36, address 52, ID 122,
 * issuer 158, valid from 188, valid until 204; `overrides` replace fields by offset. */
export function residentText(overrides: ReadonlyArray<readonly [number, string]> = []): Uint8Array {
  const base: Array<readonly [number, string]> = [
    [0, '李四'],
    [30, '1'],
    [32, '03'],
    [36, '19700101'],
    [52, '宁夏回族自治区银川市兴庆区解放西街1号'],
    [122, '640104197001010019'],
    [158, '银川市公安局兴庆区分局'],
    [188, '20100101'],
    [204, '20300101'],
  ]
  const byOffset = new Map<number, string>(base)
  for (const [offset, value] of overrides) byOffset.set(offset, value)
  return buildText([...byOffset])
}

/** A complete response frame assembled by hand: preamble, LEN, SW, data, XOR checksum. */
export function responseFrame(sw3: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const len = 3 + data.length + 1
  const body = concat(Uint8Array.from([len >> 8, len & 0xff, 0, 0, sw3]), data)
  let chk = 0
  for (const b of body) chk ^= b
  return concat(Uint8Array.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]), body, Uint8Array.from([chk]))
}
