/**
 * ESC/POS for Chinese thermal printers: composer, width arithmetic, real-time status, layouts,
 * and a tokenizer/renderer for tests and the printer simulator. Everything here is pure.
 */
export {
  type CutOptions,
  EscPosBuilder,
  encodeQrCode,
  escpos,
  type KanjiModeOptions,
  type QrOptions,
  statusRequest,
} from './composer.js'
export {
  Align,
  DOTS_PER_COLUMN,
  DOTS_PER_LINE,
  PaperColumns,
  type PaperWidth,
  QR_MAX_BYTES,
  QrErrorCorrection,
  type StatusKind,
  StatusRequest,
} from './constants.js'
export { isWideCodePoint } from './east-asian-width.js'
export { EscPosError, EscPosErrorCode } from './errors.js'
export { fromHex, hexDump, parseHexDump, toHex } from './hex-dump.js'
export * from './layouts/index.js'
export {
  cutLine,
  layoutTokens,
  type RenderBlock,
  type RenderedDocument,
  type RenderOptions,
  type RenderSegment,
  renderPlainLines,
  renderPlainText,
} from './render.js'
export { renderSvg } from './render-svg.js'
export {
  createStatusDecoder,
  decodeStatusByte,
  type ErrorStatusByte,
  encodeStatusByte,
  isStatusByte,
  type OfflineStatusByte,
  type PaperStatusByte,
  type PrinterStatusByte,
  type RealtimeStatus,
  type StatusDecoder,
  type StatusError,
  StatusErrorCode,
  type StatusProblem,
  type StatusResult,
  statusProblems,
} from './status.js'
export { decodeQrPayload, decodeText, encodeText, sanitizeText } from './text-encoding.js'
export {
  applyCommand,
  createEscPosTokenizer,
  DEFAULT_STYLE,
  type EscPosCommand,
  type EscPosToken,
  type EscPosTokenizer,
  type TextStyle,
  tokenize,
} from './tokenizer.js'
export {
  charWidth,
  fieldLines,
  labelValueLines,
  type PadAlign,
  padToWidth,
  ruleLine,
  textWidth,
  truncateToWidth,
  type WidthOptions,
  type WidthProfile,
  wrapText,
} from './width.js'
