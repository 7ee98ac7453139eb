/**
 * ESC/POS tokenizer: bytes back into commands and text runs, for tests and the printer
 * simulator. No npm or Debian package does this (shared device notes).
 *
 * Streaming: `push(chunk)` returns the tokens completed so far; a text run is only emitted once
 * a control byte ends it, and a command only once all its bytes are in, so any split of the
 * input gives the same tokens. `end()` flushes the last text run and reports an incomplete
 * command as an `unknown` token. Text is decoded as GB18030 while Chinese mode (FS &) is on:
 * GB18030 never uses bytes below 0x30 after a lead byte, so a control byte always ends a run on a
 * character boundary. Unknown commands are returned as values; nothing here throws.
 * Command lengths: see `command-table.ts`.
 */

import { measureCommand } from './command-table.js'
import { type Align, type QrErrorCorrection, type StatusKind, StatusRequest } from './constants.js'
import { decodeQrPayload, decodeText } from './text-encoding.js'

export interface TextStyle {
  align: Align
  bold: boolean
  /** ESC - (ASCII characters): 0 off, 1 thin, 2 thick. */
  underline: 0 | 1 | 2
  /** FS - (Chinese characters). */
  kanjiUnderline: 0 | 1 | 2
  /** GS ! / ESC ! multipliers, 1-8. */
  width: number
  height: number
  /** FS ! bits for Chinese characters. */
  kanjiDoubleWidth: boolean
  kanjiDoubleHeight: boolean
  chinese: boolean
}

export const DEFAULT_STYLE: Readonly<TextStyle> = {
  align: 'left',
  bold: false,
  underline: 0,
  kanjiUnderline: 0,
  width: 1,
  height: 1,
  kanjiDoubleWidth: false,
  kanjiDoubleHeight: false,
  chinese: false,
}

export type EscPosCommand =
  | { name: 'init' }
  | { name: 'line-feed' }
  | { name: 'carriage-return' }
  | { name: 'tab' }
  | { name: 'form-feed' }
  | { name: 'feed-lines'; lines: number }
  | { name: 'feed-dots'; dots: number }
  | { name: 'align'; align: Align }
  | { name: 'bold'; on: boolean }
  | { name: 'underline'; mode: 0 | 1 | 2 }
  | { name: 'kanji-underline'; mode: 0 | 1 | 2 }
  | { name: 'char-size'; width: number; height: number }
  | { name: 'print-mode'; bold: boolean; doubleWidth: boolean; doubleHeight: boolean; underline: boolean }
  | { name: 'kanji-print-mode'; doubleWidth: boolean; doubleHeight: boolean; underline: boolean }
  | { name: 'chinese-mode'; on: boolean }
  | { name: 'qr-model'; model: number }
  | { name: 'qr-module-size'; size: number }
  | { name: 'qr-error-correction'; level: QrErrorCorrection | null }
  | { name: 'qr-store'; data: Uint8Array; content: string }
  | { name: 'qr-print'; content: string | null; moduleSize: number; level: QrErrorCorrection }
  | { name: 'cut'; partial: boolean; feed: number }
  | { name: 'status-request'; n: number; kind: StatusKind | null }
  /** A command whose length is known but whose meaning we do not model (`label` names it). */
  | { name: 'other'; label: string }

export type EscPosToken =
  | { type: 'text'; text: string; bytes: Uint8Array; style: TextStyle }
  | { type: 'command'; command: EscPosCommand; bytes: Uint8Array }
  | { type: 'unknown'; bytes: Uint8Array; reason: 'unknown-command' | 'control-byte' | 'truncated' }

export interface EscPosTokenizer {
  push(chunk: Uint8Array): EscPosToken[]
  /** Flushes the pending text run and any incomplete command. */
  end(): EscPosToken[]
  /** The style that the next text would be printed with. */
  style(): TextStyle
}

// 48-51 per the reference; some printers also take 0-3.
const QR_LEVEL_BY_BYTE: Readonly<Record<number, QrErrorCorrection>> = {
  0: 'L',
  1: 'M',
  2: 'Q',
  3: 'H',
  48: 'L',
  49: 'M',
  50: 'Q',
  51: 'H',
}

const ALIGN_BY_BYTE: Readonly<Record<number, Align>> = {
  0: 'left',
  1: 'center',
  2: 'right',
  48: 'left',
  49: 'center',
  50: 'right',
}

const underlineMode = (n: number): 0 | 1 | 2 => (n === 1 || n === 49 ? 1 : n === 2 || n === 50 ? 2 : 0)
const bit = (n: number, b: number): boolean => (n & (1 << b)) !== 0

/** Applies a command to a style (pure: returns a new object, or the same one if unchanged). */
export function applyCommand(style: TextStyle, command: EscPosCommand): TextStyle {
  switch (command.name) {
    case 'init':
      return { ...DEFAULT_STYLE }
    case 'align':
      return { ...style, align: command.align }
    case 'bold':
      return { ...style, bold: command.on }
    case 'underline':
      return { ...style, underline: command.mode }
    case 'kanji-underline':
      return { ...style, kanjiUnderline: command.mode }
    case 'char-size':
      return { ...style, width: command.width, height: command.height }
    case 'print-mode':
      return {
        ...style,
        bold: command.bold,
        width: command.doubleWidth ? 2 : 1,
        height: command.doubleHeight ? 2 : 1,
        underline: command.underline ? 1 : 0,
      }
    case 'kanji-print-mode':
      return {
        ...style,
        kanjiDoubleWidth: command.doubleWidth,
        kanjiDoubleHeight: command.doubleHeight,
        kanjiUnderline: command.underline ? 1 : 0,
      }
    case 'chinese-mode':
      return { ...style, chinese: command.on }
    default:
      return style
  }
}

interface QrState {
  data: Uint8Array | null
  moduleSize: number
  level: QrErrorCorrection
}

// Builds the typed command for a complete command's bytes.
function describe(b: Uint8Array, qr: QrState): EscPosCommand {
  const [p, op = 0] = b
  const a1 = b[2] ?? 0
  if (p === 0x1b) {
    switch (op) {
      case 0x40:
        return { name: 'init' }
      case 0x61:
        return { name: 'align', align: ALIGN_BY_BYTE[a1] ?? 'left' }
      case 0x45:
        return { name: 'bold', on: (a1 & 1) === 1 }
      case 0x2d:
        return { name: 'underline', mode: underlineMode(a1) }
      case 0x21:
        return {
          name: 'print-mode',
          bold: bit(a1, 3),
          doubleHeight: bit(a1, 4),
          doubleWidth: bit(a1, 5),
          underline: bit(a1, 7),
        }
      case 0x64:
        return { name: 'feed-lines', lines: a1 }
      case 0x4a:
        return { name: 'feed-dots', dots: a1 }
      case 0x69:
        return { name: 'cut', partial: true, feed: 0 }
      case 0x6d:
        return { name: 'cut', partial: true, feed: 0 }
    }
    return { name: 'other', label: `ESC ${label(op)}` }
  }
  if (p === 0x1d) {
    if (op === 0x21) return { name: 'char-size', width: ((a1 >> 4) & 7) + 1, height: (a1 & 7) + 1 }
    if (op === 0x56) {
      const partial = a1 === 1 || a1 === 49 || a1 === 66 || a1 === 98 || a1 === 104
      return { name: 'cut', partial, feed: b.length > 3 ? b[3]! : 0 }
    }
    if (op === 0x28 && b[2] === 0x6b && b.length >= 7 && b[5] === 0x31) return describeQr(b, qr)
    return { name: 'other', label: op === 0x28 ? `GS ( ${label(a1)}` : `GS ${label(op)}` }
  }
  if (p === 0x1c) {
    switch (op) {
      case 0x26:
        return { name: 'chinese-mode', on: true }
      case 0x2e:
        return { name: 'chinese-mode', on: false }
      case 0x21:
        return {
          name: 'kanji-print-mode',
          doubleWidth: bit(a1, 2),
          doubleHeight: bit(a1, 3),
          underline: bit(a1, 7),
        }
      case 0x2d:
        return { name: 'kanji-underline', mode: underlineMode(a1) }
    }
    return { name: 'other', label: `FS ${label(op)}` }
  }
  if (p === 0x10 && op === 0x04) {
    const kind = (Object.keys(StatusRequest) as StatusKind[]).find((k) => StatusRequest[k] === a1) ?? null
    return { name: 'status-request', n: a1, kind }
  }
  return { name: 'other', label: `DLE ${label(op)}` }
}

// GS ( k pL pH cn=0x31 fn ...: QR code functions.
function describeQr(b: Uint8Array, qr: QrState): EscPosCommand {
  const fn = b[6]
  const arg = b[7] ?? 0
  switch (fn) {
    case 0x41:
      return { name: 'qr-model', model: arg - 0x30 }
    case 0x43:
      qr.moduleSize = arg
      return { name: 'qr-module-size', size: arg }
    case 0x45: {
      const level = QR_LEVEL_BY_BYTE[arg] ?? null
      if (level) qr.level = level
      return { name: 'qr-error-correction', level }
    }
    case 0x50: {
      const data = b.slice(8)
      qr.data = data
      return { name: 'qr-store', data, content: decodeQrPayload(data) }
    }
    case 0x51:
      return {
        name: 'qr-print',
        content: qr.data ? decodeQrPayload(qr.data) : null,
        moduleSize: qr.moduleSize,
        level: qr.level,
      }
  }
  return { name: 'other', label: `GS ( k QR fn ${label(fn ?? 0)}` }
}

function label(byte: number): string {
  return byte > 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `0x${byte.toString(16).padStart(2, '0')}`
}

// Printer defaults after power-on or ESC @ (Epson: module size 3, level L).
const QR_DEFAULTS: Readonly<QrState> = { data: null, moduleSize: 3, level: 'L' }

const SINGLE_BYTE: ReadonlyMap<number, EscPosCommand> = new Map([
  [0x0a, { name: 'line-feed' }],
  [0x0d, { name: 'carriage-return' }],
  [0x09, { name: 'tab' }],
  [0x0c, { name: 'form-feed' }],
])

const isPrefix = (b: number): boolean => b === 0x1b || b === 0x1d || b === 0x1c || b === 0x10

/** A streaming tokenizer (see the file comment). */
export function createEscPosTokenizer(): EscPosTokenizer {
  let buf = new Uint8Array(0)
  let style: TextStyle = { ...DEFAULT_STYLE }
  const qr: QrState = { ...QR_DEFAULTS }

  const textToken = (bytes: Uint8Array): EscPosToken => ({
    type: 'text',
    text: decodeText(bytes, style.chinese),
    bytes,
    style: { ...style },
  })

  const run = (final: boolean): EscPosToken[] => {
    const out: EscPosToken[] = []
    let i = 0
    while (i < buf.length) {
      const b = buf[i]!
      if (b >= 0x20) {
        let j = i
        while (j < buf.length && buf[j]! >= 0x20) j++
        if (j === buf.length && !final) break
        out.push(textToken(buf.slice(i, j)))
        i = j
        continue
      }
      const single = SINGLE_BYTE.get(b)
      if (single) {
        out.push({ type: 'command', command: single, bytes: buf.slice(i, i + 1) })
        i++
        continue
      }
      if (!isPrefix(b)) {
        out.push({ type: 'unknown', bytes: buf.slice(i, i + 1), reason: 'control-byte' })
        i++
        continue
      }
      const len = measureCommand(buf, i, buf.length)
      if (len === 'more') {
        if (!final) break
        out.push({ type: 'unknown', bytes: buf.slice(i), reason: 'truncated' })
        i = buf.length
        continue
      }
      if (len === null) {
        // Skip the prefix and the command byte, as printers do with commands they do not know.
        // A lone DLE is only one byte: it is not printable and is otherwise ignored.
        const skip = b === 0x10 ? 1 : 2
        out.push({ type: 'unknown', bytes: buf.slice(i, i + skip), reason: 'unknown-command' })
        i += skip
        continue
      }
      const bytes = buf.slice(i, i + len)
      const command = describe(bytes, qr)
      style = applyCommand(style, command)
      if (command.name === 'init') Object.assign(qr, QR_DEFAULTS)
      out.push({ type: 'command', command, bytes })
      i += len
    }
    buf = buf.slice(i)
    return out
  }

  return {
    push(chunk) {
      if (chunk.length === 0) return []
      const next = new Uint8Array(buf.length + chunk.length)
      next.set(buf)
      next.set(chunk, buf.length)
      buf = next
      return run(false)
    },
    end() {
      return run(true)
    },
    style() {
      return { ...style }
    },
  }
}

/** Tokenizes a complete print job. */
export function tokenize(bytes: Uint8Array): EscPosToken[] {
  const t = createEscPosTokenizer()
  return [...t.push(bytes), ...t.end()]
}
