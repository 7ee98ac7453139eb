/** Barcode/QR scanner codecs: HID keyboard-mode reports and virtual-COM lines. Pure, no I/O. */

export { ScannerCodecError, ScannerErrorCode } from './errors.js'
export {
  DEFAULT_MAX_SCAN_LENGTH,
  encodeHidReports,
  type HidEncodeOptions,
  HidKeyboardDecoder,
  type HidKeyboardDecoderOptions,
  type HidScanResult,
} from './hid-keyboard.js'
export { charToUsage, HidModifier, HidUsage, TYPABLE_CHARACTERS, usageToChar } from './hid-usage.js'
export {
  DEFAULT_MAX_LINE_LENGTH,
  type LineDecoderOptions,
  type LineEncoding,
  type LineResult,
  ScannerLineDecoder,
} from './line-decoder.js'
