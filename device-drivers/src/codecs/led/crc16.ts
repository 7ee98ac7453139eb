/**
 * CRC-16/MODBUS: reflected polynomial 0xA001 (0x8005), initial value 0xFFFF, no final XOR,
 * sent low byte first (Modbus over serial line, V1.02 §2.5.1.2; check value for "123456789" =
 * 0x4B37). RS-485 screen controllers commonly have it in firmware already.
 */
const TABLE = (() => {
  const t = new Uint16Array(256)
  for (let i = 0; i < 256; i++) {
    let c = i
    for (let b = 0; b < 8; b++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1
    t[i] = c
  }
  return t
})()

export function crc16Modbus(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffff
  for (let i = start; i < end; i++) c = (c >>> 8) ^ TABLE[(c ^ bytes[i]!) & 0xff]!
  return c
}
