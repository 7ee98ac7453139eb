/**
 * Text bytes for the printer.
 *
 * In Chinese (Kanji) mode, entered with FS &, Chinese-market printers read GB18030: one byte for
 * ASCII, two bytes for GBK characters, four bytes (second byte 0x30-0x39) for the rest of Unicode
 * (CJK extension B names such as 𠀀). GB2312 would turn rare characters in names into `?`, which
 * is why we do not use node-thermal-printer's encoder (see shared device notes).
 * Outside Chinese mode only ASCII is sent: the code page in effect is unknown to us.
 */
import iconv from 'iconv-lite'

// Control bytes inside text would be executed as commands (an ESC in a citizen's name must not
// reconfigure the printer), so every C0 control and DEL is dropped; newlines are handled by the
// composer before text reaches here.
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g
// A lone surrogate has no GB18030 encoding.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Removes control characters and lone surrogates so the text cannot inject commands. */
export function sanitizeText(text: string): string {
  return text.replace(CONTROL_CHARS, '').replace(LONE_SURROGATE, '?')
}

/** Encodes text for the printer: GB18030 in Chinese mode, otherwise ASCII with `?` for the rest. */
export function encodeText(text: string, chineseMode: boolean): Uint8Array {
  const clean = sanitizeText(text)
  if (chineseMode) return new Uint8Array(iconv.encode(clean, 'gb18030'))
  const out = new Uint8Array(clean.length)
  let n = 0
  for (const ch of clean) {
    const cp = ch.codePointAt(0)!
    out[n++] = cp < 0x80 ? cp : 0x3f
  }
  return out.slice(0, n)
}

/** Decodes printed text bytes: GB18030 in Chinese mode, ASCII (U+FFFD for high bytes) otherwise. */
export function decodeText(bytes: Uint8Array, chineseMode: boolean): string {
  if (chineseMode) return iconv.decode(Buffer.from(bytes), 'gb18030')
  let s = ''
  for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : '\ufffd'
  return s
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true })

/**
 * Decodes QR payload bytes. The composer stores UTF-8; GB18030 is the fallback for payloads a
 * different encoder produced, so the simulator still shows something readable.
 */
export function decodeQrPayload(bytes: Uint8Array): string {
  try {
    return utf8Strict.decode(bytes)
  } catch {
    return iconv.decode(Buffer.from(bytes), 'gb18030')
  }
}
