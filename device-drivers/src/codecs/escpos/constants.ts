/**
 * ESC/POS control bytes and option tables shared by the composer, tokenizer and layouts.
 *
 * Source: Epson "ESC/POS Command Reference" (TM series), and the Chinese-market printer manuals
 * that follow it (Xprinter, JPM112, Bixolon SRP-350 — FS & / FS . / FS ! / FS - for Kanji mode).
 */

export const ESC = 0x1b
export const GS = 0x1d
export const FS = 0x1c
export const DLE = 0x10
export const EOT = 0x04
export const LF = 0x0a
export const CR = 0x0d
export const HT = 0x09
export const FF = 0x0c
export const CAN = 0x18

/** ESC a n: the printer reads n = 0/1/2 (and '0'/'1'/'2', which the tokenizer also accepts). */
export const Align = { left: 0, center: 1, right: 2 } as const
export type Align = keyof typeof Align

/** GS ( k fn 69 (0x45): error correction level byte, L/M/Q/H = 48..51. */
export const QrErrorCorrection = { L: 48, M: 49, Q: 50, H: 51 } as const
export type QrErrorCorrection = keyof typeof QrErrorCorrection

/**
 * Byte-mode capacity of a version-40 QR symbol per error-correction level (ISO/IEC 18004
 * table 7). Longer data cannot be stored, whatever the printer accepts into its buffer.
 */
export const QR_MAX_BYTES: Readonly<Record<QrErrorCorrection, number>> = {
  L: 2953,
  M: 2331,
  Q: 1663,
  H: 1273,
}

/**
 * Columns of font A (12 x 24 dots) per paper width at 203 dpi: 58 mm paper prints 384 dots
 * (32 columns), 80 mm paper prints 576 dots (48 columns). A CJK character takes 2 columns.
 */
export const PaperColumns = { '58mm': 32, '80mm': 48 } as const
export type PaperWidth = keyof typeof PaperColumns

/** DLE EOT n: which real-time status byte the printer sends back. */
export const StatusRequest = { printer: 1, offline: 2, error: 3, paper: 4 } as const
export type StatusKind = keyof typeof StatusRequest

/** Dots per column and per text line of font A, used by the SVG renderer. */
export const DOTS_PER_COLUMN = 12
export const DOTS_PER_LINE = 24
