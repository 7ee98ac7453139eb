/**
 * A stable hex dump for byte snapshots in test fixtures: 16 bytes a line, offset, hex, and the
 * printable ASCII column (other bytes as `.`), like `hexdump -C` without its line folding.
 */
export function hexDump(bytes: Uint8Array): string {
  const lines: string[] = []
  for (let off = 0; off < bytes.length; off += 16) {
    const row = bytes.subarray(off, off + 16)
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0'))
    const left = hex.slice(0, 8).join(' ')
    const right = hex.slice(8).join(' ')
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('')
    lines.push(`${off.toString(16).padStart(8, '0')}  ${`${left}  ${right}`.padEnd(48)}  |${ascii}|`)
  }
  lines.push(bytes.length.toString(16).padStart(8, '0'))
  return `${lines.join('\n')}\n`
}

/** Parses the hex columns of `hexDump` output back to bytes. */
export function parseHexDump(dump: string): Uint8Array {
  const out: number[] = []
  for (const line of dump.split('\n')) {
    const m = /^[0-9a-f]{8} {2}(.*?) {2}\|/.exec(line)
    if (!m) continue
    for (const h of m[1]!.trim().split(/\s+/)) out.push(Number.parseInt(h, 16))
  }
  return Uint8Array.from(out)
}

/** `1b 40 1c 26` style, for short golden values in tests. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ')
}

/** Inverse of `toHex`; ignores whitespace and accepts upper case. */
export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '')
  const out = new Uint8Array(clean.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean.slice(i * 2, i * 2 + 2), 16)
  return out
}
