/**
 * Protocol-neutral vocabulary of an evaluator button box (好差评 rating pad). A protocol
 * (`hall-v1`, or a vendor's later) maps these to bytes; devices and the agent only see these.
 */
import { CodedError } from '../../coded-error.js'

/**
 * The national 好差评 five-level scale, level 1 best. Levels 4 and 5 are bad ratings, which ask
 * for a reason (shared device notes).
 */
export const RATING_LEVELS = {
  1: { label: '非常满意', bad: false },
  2: { label: '满意', bad: false },
  3: { label: '基本满意', bad: false },
  4: { label: '不满意', bad: true },
  5: { label: '非常不满意', bad: true },
} as const
export type RatingLevel = keyof typeof RATING_LEVELS

/** Reason buttons shown after a bad rating: a fixed list so reports can count them. */
export const BAD_RATING_REASONS = {
  1: '等候时间过长',
  2: '服务态度不好',
  3: '业务不熟练',
  4: '办事效率低',
  5: '材料要求繁琐',
  6: '多次往返跑腿',
  7: '政策解释不清',
  8: '其他',
} as const
export type BadRatingReason = keyof typeof BAD_RATING_REASONS

export const isRatingLevel = (n: number): n is RatingLevel => Number.isInteger(n) && n >= 1 && n <= 5
export const isBadRatingReason = (n: number): n is BadRatingReason => Number.isInteger(n) && n >= 1 && n <= 8
export const ratingLabel = (level: RatingLevel): string => RATING_LEVELS[level].label
export const isBadRating = (level: RatingLevel): boolean => RATING_LEVELS[level].bad
export const reasonLabel = (reason: BadRatingReason): string => BAD_RATING_REASONS[reason]

/** Result byte of an acknowledgement, in either direction. */
export const AckResult = { ok: 0, unknownCommand: 1, badPayload: 2, busy: 3 } as const
export type AckResult = keyof typeof AckResult

/** Host → box. */
export type EvaluatorCommand =
  | {
      type: 'prompt-rating'
      /** Chosen by the host; the box echoes it in button frames so late presses can be discarded. */
      promptId: number
      /** Case reference the box may show (ASCII, at most 32 characters). */
      caseRef: string
      /** 1-255 seconds; 0 leaves the box's own default. */
      timeoutSeconds: number
    }
  | { type: 'show-thanks'; seconds: number }
  | { type: 'idle' }
  | { type: 'set-leds'; on: readonly RatingLevel[]; blink?: readonly RatingLevel[] }
  | { type: 'ping' }
  | { type: 'ack'; ackSeq: number; result: AckResult }

export type BoxState = 'idle' | 'prompting' | 'thanks'

/** Box → host. */
export type EvaluatorEvent =
  | { type: 'rating'; promptId: number; level: RatingLevel }
  | { type: 'reason'; promptId: number; reason: BadRatingReason }
  | { type: 'heartbeat'; state: BoxState; firmware: string }
  | { type: 'ack'; ackSeq: number; result: AckResult }

export const EvaluatorErrorCode = {
  checksum: 'EVALUATOR_CHECKSUM',
  unknownCommand: 'EVALUATOR_UNKNOWN_COMMAND',
  badPayload: 'EVALUATOR_BAD_PAYLOAD',
  invalidCommand: 'EVALUATOR_INVALID_COMMAND',
} as const
export type EvaluatorErrorCode = (typeof EvaluatorErrorCode)[keyof typeof EvaluatorErrorCode]

export interface EvaluatorFrameError {
  code: EvaluatorErrorCode
  message: string
  /** The frame's bytes as received. */
  raw: Uint8Array
}

/** What a decoder returns for each frame: a message, or an error value (never a throw). */
export type FrameResult<T> =
  | { ok: true; message: T; seq: number | null; raw: Uint8Array }
  | { ok: false; error: EvaluatorFrameError }

export type EvaluatorFrameResult = FrameResult<EvaluatorEvent>
export type EvaluatorCommandResult = FrameResult<EvaluatorCommand>

export interface StreamDecoder<R> {
  /** Returns the frames completed by this chunk; keeps a partial frame for the next call. */
  push(chunk: Uint8Array): R[]
  /** Drops buffered bytes (after the port was reopened). */
  reset(): void
}

export interface EncodeOptions {
  /** Frame sequence number, 0-255, for protocols that have one. Default 0. */
  seq?: number
}

/**
 * One wire protocol for evaluator boxes. `encode`/`createDecoder` are the host side; the
 * `encodeEvent`/`createCommandDecoder` pair is the box side, for simulators and tests.
 */
export interface EvaluatorProtocol {
  readonly id: string
  readonly description: string
  encode(cmd: EvaluatorCommand, options?: EncodeOptions): Uint8Array
  createDecoder(): StreamDecoder<EvaluatorFrameResult>
  encodeEvent(event: EvaluatorEvent, options?: EncodeOptions): Uint8Array
  createCommandDecoder(): StreamDecoder<EvaluatorCommandResult>
}

/** Thrown by encoders for commands that cannot be put on the wire (bad ranges, long text). */
export class EvaluatorCodecError extends CodedError<EvaluatorErrorCode> {
  override readonly name = 'EvaluatorCodecError'
}
