import QRCode from 'qrcode'

/**
 * The one QR encoder for screen and paper: the `qrcode` library in byte mode (the text as UTF-8),
 * error correction level M unless told otherwise, smallest version that fits, the library's
 * lowest-penalty mask. The kiosk draws its codes with it (kiosk-ui `logic/qr.ts`) and the printout
 * preview draws the ticket's `GS ( k` symbol with it (`escpos/render-svg.ts`), so both show the
 * symbol a printer told "byte mode, level M" prints (ISO/IEC 18004). No `node:*` imports: the
 * kiosk bundles this file.
 */

export type QrLevel = 'L' | 'M' | 'Q' | 'H'

export interface QrMatrix {
  version: number
  mask: number
  size: number
  /** `modules[y][x]` is true for a dark module. */
  modules: boolean[][]
}

export interface QrOptions {
  /** Error correction level; default M (what the ticket layout tells the printer). */
  level?: QrLevel
  /** Largest version accepted (1–40); a RangeError when the text needs more. Default 40. */
  maxVersion?: number
  /** Force a mask (0–7) instead of the library's lowest penalty; for tests against reference symbols. */
  mask?: number
  /** Force a version instead of the smallest that fits. */
  version?: number
}

/** Encodes text (as UTF-8) into a QR symbol; a RangeError when it does not fit. */
export function encodeQr(text: string, options: QrOptions = {}): QrMatrix {
  const maxVersion = options.maxVersion ?? 40
  if (options.version !== undefined && (options.version < 1 || options.version > maxVersion)) {
    throw new RangeError(`QR: version ${options.version} not supported`)
  }
  let symbol: QRCode.QRCode
  try {
    symbol = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
      errorCorrectionLevel: options.level ?? 'M',
      ...(options.version === undefined ? {} : { version: options.version }),
      ...(options.mask === undefined ? {} : { maskPattern: options.mask as QRCode.QRCodeMaskPattern }),
    })
  } catch (error) {
    throw new RangeError(`QR: ${error instanceof Error ? error.message.trim() : String(error)}`)
  }
  if (symbol.version > maxVersion) {
    throw new RangeError(
      `QR: ${text.length} characters need version ${symbol.version}, more than ${maxVersion}`,
    )
  }
  const { size, data } = symbol.modules
  const modules = Array.from({ length: size }, (_, y) =>
    Array.from({ length: size }, (_, x) => data[y * size + x] === 1),
  )
  return { version: symbol.version, mask: symbol.maskPattern ?? 0, size, modules }
}
