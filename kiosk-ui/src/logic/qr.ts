import { encodeQr as encode, type QrMatrix, type QrOptions } from '@hall/device-drivers/qr'

/**
 * The kiosk's QR symbols: the one encoder screen and paper share (device-drivers `codecs/qr.ts`,
 * the `qrcode` library, byte mode, level M — what the ticket printer is told to use, layout-writer
 * `qr()`, ESC/POS `GS ( k`), so a code on the screen and on paper scan alike. Versions are kept to
 * 1–10 (up to 213 bytes) so a symbol stays readable at the size the kiosk shows it.
 */

export type { QrMatrix }

export const MAX_VERSION = 10

/** Encodes text (as UTF-8) into a QR symbol, level M; a RangeError beyond version 10. */
export function encodeQr(text: string, options: Pick<QrOptions, 'mask' | 'version'> = {}): QrMatrix {
  return encode(text, { ...options, level: 'M', maxVersion: MAX_VERSION })
}
