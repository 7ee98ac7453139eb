/**
 * CRC-8/SMBUS: polynomial 0x07, initial value 0x00, no reflection, no final XOR
 * (Rocksoft catalogue "CRC-8/SMBUS", check value for "123456789" = 0xF4). Chosen over a plain
 * XOR because XOR cannot see two swapped bytes or a pair of flipped bits in one column.
 */
const TABLE = (() => {
  const t = new Uint8Array(256)
  for (let i = 0; i < 256; i++) {
    let c = i
    for (let b = 0; b < 8; b++) c = c & 0x80 ? ((c << 1) ^ 0x07) & 0xff : (c << 1) & 0xff
    t[i] = c
  }
  return t
})()

export function crc8(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0
  for (let i = start; i < end; i++) c = TABLE[c ^ bytes[i]!]!
  return c
}
