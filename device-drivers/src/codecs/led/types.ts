/**
 * Protocol-neutral vocabulary of a window LED strip screen (窗口屏). A protocol (`hall-v1`, or a
 * vendor's later) maps these to bytes.
 */
import { CodedError } from '../../coded-error.js'

export const LedEffect = { static: 0, scroll: 1, blink: 2 } as const
export type LedEffect = keyof typeof LedEffect

/** Single-colour and two-colour strips: red, green, and amber (both LEDs on). */
export const LedColor = { red: 1, green: 2, amber: 3 } as const
export type LedColor = keyof typeof LedColor

/** Brightness steps 1-16, the usual PWM range of strip controllers. */
export const MIN_BRIGHTNESS = 1
export const MAX_BRIGHTNESS = 16

/** Host → screen. */
export type LedCommand =
  | {
      type: 'show-text'
      /** 0-based line of the screen. */
      line: number
      text: string
      /** Default `'static'`. */
      effect?: LedEffect
      /** Default `'red'`. */
      color?: LedColor
      /** 1-16, or null/absent to keep the current brightness. */
      brightness?: number | null
    }
  | { type: 'clear' /** A line, or all lines when absent. */; line?: number }
  | { type: 'set-brightness'; level: number }
  | { type: 'query-status' }

export type LedCommandType = LedCommand['type']

/** Why a screen refused a command (NAK). Messages are for the clerk's screen. */
export const LED_NAK_REASONS = {
  1: { key: 'checksum', message: '屏幕收到的数据校验错误' },
  2: { key: 'unknown_command', message: '屏幕不支持该指令' },
  3: { key: 'bad_payload', message: '指令参数错误' },
  4: { key: 'line_out_of_range', message: '行号超出屏幕行数' },
  5: { key: 'text_too_long', message: '文字超出屏幕显示长度' },
  6: { key: 'missing_glyph', message: '屏幕字库缺少部分汉字' },
  7: { key: 'busy', message: '屏幕忙，请稍后重试' },
  8: { key: 'hardware_fault', message: '屏幕硬件故障' },
} as const
export type LedNakReason = keyof typeof LED_NAK_REASONS

/** Screen → host. */
export type LedReply =
  | { type: 'ack'; command: number }
  | { type: 'nak'; command: number; reason: LedNakReason }
  | {
      type: 'status'
      lines: number
      /** Width in ASCII columns (a Chinese character takes two). */
      columns: number
      brightness: number
      displayOn: boolean
      pixelFault: boolean
      overTemperature: boolean
      temperatureC: number
      firmware: string
    }

export const LedErrorCode = {
  checksum: 'LED_CHECKSUM',
  unknownCommand: 'LED_UNKNOWN_COMMAND',
  badPayload: 'LED_BAD_PAYLOAD',
  invalidCommand: 'LED_INVALID_COMMAND',
  textTooLong: 'LED_TEXT_TOO_LONG',
} as const
export type LedErrorCode = (typeof LedErrorCode)[keyof typeof LedErrorCode]

export interface LedFrameError {
  code: LedErrorCode
  message: string
  raw: Uint8Array
}

export type LedResult<T> =
  | { ok: true; message: T; address: number; seq: number; raw: Uint8Array }
  | { ok: false; error: LedFrameError }

export type LedFrameResult = LedResult<LedReply>
export type LedCommandResult = LedResult<LedCommand>

export interface LedStreamDecoder<R> {
  push(chunk: Uint8Array): R[]
  reset(): void
}

export interface LedEncodeOptions {
  /** Bus address 0-254 of the screen; 255 broadcasts (no reply). Default 1. */
  address?: number
  /** Sequence number 0-255 echoed in the reply. Default 0. */
  seq?: number
}

/**
 * One wire protocol for LED screens. `encode`/`createDecoder` are the host side;
 * `encodeReply`/`createCommandDecoder` the screen side, for simulators and tests.
 */
export interface LedProtocol {
  readonly id: string
  readonly description: string
  encode(cmd: LedCommand, options?: LedEncodeOptions): Uint8Array
  createDecoder(): LedStreamDecoder<LedFrameResult>
  encodeReply(reply: LedReply, options?: LedEncodeOptions): Uint8Array
  createCommandDecoder(): LedStreamDecoder<LedCommandResult>
}

export class LedCodecError extends CodedError<LedErrorCode> {
  override readonly name = 'LedCodecError'
}
