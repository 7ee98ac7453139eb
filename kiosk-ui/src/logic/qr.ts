import QRCode from 'qrcode'

/**
 * The kiosk's QR symbols, from the `qrcode` library: byte mode (the text as UTF-8) at error
 * correction level M, the same payload and level the ticket printer is told to use (device-drivers
 * layout-writer `qr()`, ESC/POS `GS ( k`), so a code on the screen and on paper scan alike. Versions
 * are kept to 1–10 (up to 213 bytes) so a symbol stays readable at the size the kiosk shows it.
 */

export interface QrMatrix {
  version: number
  mask: number
  size: number
  /** `modules[y][x]` is true for a dark module. */
  modules: boolean[][]
}

export const MAX_VERSION = 10

export interface QrOptions {
  /** Force a mask (0–7) instead of the library's lowest penalty; for tests against reference symbols. */
  mask?: number
  /** Force a version instead of the smallest that fits. */
  version?: number
}

/** Encodes text (as UTF-8) into a QR symbol, level M; a RangeError beyond version 10. */
export function encodeQr(text: string, options: QrOptions = {}): QrMatrix {
  if (options.version !== undefined && (options.version < 1 || options.version > MAX_VERSION)) {
    throw new RangeError(`QR: version ${options.version} not supported`)
  }
  let symbol: QRCode.QRCode
  try {
    symbol = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
      errorCorrectionLevel: 'M',
      ...(options.version === undefined ? {} : { version: options.version }),
      ...(options.mask === undefined ? {} : { maskPattern: options.mask as QRCode.QRCodeMaskPattern }),
    })
  } catch (error) {
    throw new RangeError(`QR: ${error instanceof Error ? error.message.trim() : String(error)}`)
  }
  if (symbol.version > MAX_VERSION) {
    throw new RangeError(
      `QR: ${text.length} characters need version ${symbol.version}, more than ${MAX_VERSION}`,
    )
  }
  const { size, data } = symbol.modules
  const modules = Array.from({ length: size }, (_, y) =>
    Array.from({ length: size }, (_, x) => data[y * size + x] === 1),
  )
  return { version: symbol.version, mask: symbol.maskPattern ?? 0, size, modules }
}
