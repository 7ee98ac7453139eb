/**
 * `hall-v1`: our serial protocol for evaluator button boxes (no public standard exists; shared
 * device notes). Full description: `device-drivers/docs/evaluator-protocol.md`.
 *
 *   STX   LEN   SEQ   CMD   PAYLOAD…   CRC   ETX
 *   02    n     s     c     n bytes     crc   03
 *
 * LEN = payload length (0-200). CRC = CRC-8/SMBUS over LEN, SEQ, CMD and PAYLOAD. Frames are
 * delimited by LEN, not by escaping, so 02/03 may occur inside; a frame is accepted only when the
 * byte after CRC is ETX and the CRC matches. Multi-byte numbers are big-endian. RS-232 or RS-485
 * at 9600 8N1.
 *
 * Host → box                                   Box → host
 *   10 PING       —                              81 RATING     promptId u16, level u8 (1-5)
 *   11 PROMPT     promptId u16, timeout u8,      82 REASON     promptId u16, reason u8 (1-8)
 *                 caseRef ASCII (0-32 bytes)     83 HEARTBEAT  state u8, fw major u8, fw minor u8
 *   12 THANKS     seconds u8                     06 ACK        ackSeq u8, result u8
 *   13 IDLE       —
 *   14 LEDS       on mask u8, blink mask u8 (bit0 = level 1 … bit4 = level 5)
 *   06 ACK        ackSeq u8, result u8 (0 ok, 1 unknown command, 2 bad payload, 3 busy)
 */

import { createResyncDecoder, type Probe } from '../resync.js'
import { crc8 } from './crc8.js'
import {
  AckResult,
  type BoxState,
  type EncodeOptions,
  EvaluatorCodecError,
  type EvaluatorCommand,
  EvaluatorErrorCode,
  type EvaluatorEvent,
  type EvaluatorProtocol,
  type FrameResult,
  isBadRatingReason,
  isRatingLevel,
  type RatingLevel,
  type StreamDecoder,
} from './types.js'

export const STX = 0x02
export const ETX = 0x03
export const MAX_PAYLOAD = 200
/** STX, LEN, SEQ, CMD before the payload; CRC, ETX after it. */
const OVERHEAD = 6
const MAX_CASE_REF = 32

export const HallV1Command = {
  ping: 0x10,
  prompt: 0x11,
  thanks: 0x12,
  idle: 0x13,
  leds: 0x14,
  ack: 0x06,
  rating: 0x81,
  reason: 0x82,
  heartbeat: 0x83,
} as const

const BOX_STATES: readonly BoxState[] = ['idle', 'prompting', 'thanks']
const ACK_NAMES = Object.keys(AckResult) as AckResult[]

function invalid(message: string): EvaluatorCodecError {
  return new EvaluatorCodecError(EvaluatorErrorCode.invalidCommand, message)
}

function byteArg(name: string, n: number, max = 255): number {
  if (!Number.isInteger(n) || n < 0 || n > max) throw invalid(`${name} must be an integer 0-${max}, got ${n}`)
  return n
}

function u16(name: string, n: number): [number, number] {
  byteArg(name, n, 0xffff)
  return [n >> 8, n & 0xff]
}

/** Builds a frame; `cmd` and payload bytes are already validated. */
export function frame(cmd: number, payload: readonly number[], seq = 0): Uint8Array {
  byteArg('seq', seq)
  if (payload.length > MAX_PAYLOAD) throw invalid(`payload longer than ${MAX_PAYLOAD} bytes`)
  const out = new Uint8Array(payload.length + OVERHEAD)
  out[0] = STX
  out[1] = payload.length
  out[2] = seq
  out[3] = cmd
  out.set(payload, 4)
  out[out.length - 2] = crc8(out, 1, out.length - 2)
  out[out.length - 1] = ETX
  return out
}

const levelMask = (levels: readonly RatingLevel[]): number => {
  let m = 0
  for (const l of levels) {
    if (!isRatingLevel(l)) throw invalid(`LED level must be 1-5, got ${l}`)
    m |= 1 << (l - 1)
  }
  return m
}

const maskLevels = (mask: number): RatingLevel[] =>
  ([1, 2, 3, 4, 5] as const).filter((l) => (mask & (1 << (l - 1))) !== 0)

export function encodeCommand(cmd: EvaluatorCommand, options: EncodeOptions = {}): Uint8Array {
  const seq = options.seq ?? 0
  switch (cmd.type) {
    case 'ping':
      return frame(HallV1Command.ping, [], seq)
    case 'prompt-rating': {
      if (cmd.caseRef.length > MAX_CASE_REF || !/^[\x20-\x7e]*$/.test(cmd.caseRef)) {
        throw invalid(`caseRef must be printable ASCII of at most ${MAX_CASE_REF} characters`)
      }
      const ref = Array.from(cmd.caseRef, (c) => c.charCodeAt(0))
      return frame(
        HallV1Command.prompt,
        [...u16('promptId', cmd.promptId), byteArg('timeoutSeconds', cmd.timeoutSeconds), ...ref],
        seq,
      )
    }
    case 'show-thanks':
      return frame(HallV1Command.thanks, [byteArg('seconds', cmd.seconds)], seq)
    case 'idle':
      return frame(HallV1Command.idle, [], seq)
    case 'set-leds':
      return frame(HallV1Command.leds, [levelMask(cmd.on), levelMask(cmd.blink ?? [])], seq)
    case 'ack':
      return frame(HallV1Command.ack, [byteArg('ackSeq', cmd.ackSeq), AckResult[cmd.result]], seq)
  }
}

export function encodeEvent(event: EvaluatorEvent, options: EncodeOptions = {}): Uint8Array {
  const seq = options.seq ?? 0
  switch (event.type) {
    case 'rating':
      if (!isRatingLevel(event.level)) throw invalid(`level must be 1-5, got ${event.level}`)
      return frame(HallV1Command.rating, [...u16('promptId', event.promptId), event.level], seq)
    case 'reason':
      if (!isBadRatingReason(event.reason)) throw invalid(`reason must be 1-8, got ${event.reason}`)
      return frame(HallV1Command.reason, [...u16('promptId', event.promptId), event.reason], seq)
    case 'heartbeat': {
      const m = /^(\d{1,3})\.(\d{1,3})$/.exec(event.firmware)
      if (!m) throw invalid(`firmware must look like "1.2", got ${event.firmware}`)
      const state = BOX_STATES.indexOf(event.state)
      if (state < 0) throw invalid(`unknown box state ${event.state}`)
      return frame(
        HallV1Command.heartbeat,
        [state, byteArg('fw major', +m[1]!), byteArg('fw minor', +m[2]!)],
        seq,
      )
    }
    case 'ack':
      return frame(HallV1Command.ack, [byteArg('ackSeq', event.ackSeq), AckResult[event.result]], seq)
  }
}

type PayloadParser<T> = (cmd: number, p: Uint8Array) => T | string

// Box → host payloads; a string is the reason the payload is bad.
const parseEvent: PayloadParser<EvaluatorEvent | null> = (cmd, p) => {
  switch (cmd) {
    case HallV1Command.rating: {
      if (p.length !== 3) return 'RATING needs 3 bytes'
      const level = p[2]!
      if (!isRatingLevel(level)) return `rating level ${level} is not 1-5`
      return { type: 'rating', promptId: (p[0]! << 8) | p[1]!, level }
    }
    case HallV1Command.reason: {
      if (p.length !== 3) return 'REASON needs 3 bytes'
      const reason = p[2]!
      if (!isBadRatingReason(reason)) return `reason code ${reason} is not 1-8`
      return { type: 'reason', promptId: (p[0]! << 8) | p[1]!, reason }
    }
    case HallV1Command.heartbeat: {
      if (p.length !== 3) return 'HEARTBEAT needs 3 bytes'
      const state = BOX_STATES[p[0]!]
      if (!state) return `box state ${p[0]} is not 0-2`
      return { type: 'heartbeat', state, firmware: `${p[1]}.${p[2]}` }
    }
    case HallV1Command.ack:
      return parseAck(p)
  }
  return null
}

function parseAck(p: Uint8Array): { type: 'ack'; ackSeq: number; result: AckResult } | string {
  if (p.length !== 2) return 'ACK needs 2 bytes'
  const result = ACK_NAMES[p[1]!]
  if (!result) return `ack result ${p[1]} is not 0-3`
  return { type: 'ack', ackSeq: p[0]!, result }
}

// Host → box payloads, for simulators.
const parseCommand: PayloadParser<EvaluatorCommand | null> = (cmd, p) => {
  switch (cmd) {
    case HallV1Command.ping:
      return p.length === 0 ? { type: 'ping' } : 'PING has no payload'
    case HallV1Command.idle:
      return p.length === 0 ? { type: 'idle' } : 'IDLE has no payload'
    case HallV1Command.prompt: {
      if (p.length < 3 || p.length > 3 + MAX_CASE_REF) return 'PROMPT needs 3-35 bytes'
      const ref = p.subarray(3)
      if (ref.some((b) => b < 0x20 || b > 0x7e)) return 'caseRef is not printable ASCII'
      return {
        type: 'prompt-rating',
        promptId: (p[0]! << 8) | p[1]!,
        timeoutSeconds: p[2]!,
        caseRef: String.fromCharCode(...ref),
      }
    }
    case HallV1Command.thanks:
      return p.length === 1 ? { type: 'show-thanks', seconds: p[0]! } : 'THANKS needs 1 byte'
    case HallV1Command.leds:
      if (p.length !== 2 || (p[0]! | p[1]!) > 0x1f) return 'LEDS needs 2 masks of 5 bits'
      return { type: 'set-leds', on: maskLevels(p[0]!), blink: maskLevels(p[1]!) }
    case HallV1Command.ack:
      return parseAck(p)
  }
  return null
}

const hex = (b: number): string => b.toString(16).padStart(2, '0')

// What starts at data[i] (an STX): a whole valid frame, a frame with a bad CRC, not a frame, or
// not enough bytes yet to tell.
function probe(data: Uint8Array, i: number): Probe {
  if (data.length - i < 2) return { kind: 'incomplete' }
  const len = data[i + 1]!
  // A length we never send means this STX was junk.
  if (len > MAX_PAYLOAD) return { kind: 'no-frame' }
  const total = len + OVERHEAD
  if (data.length - i < total) return { kind: 'incomplete' }
  if (data[i + total - 1] !== ETX) return { kind: 'no-frame' }
  const raw = data.slice(i, i + total)
  return crc8(raw, 1, total - 2) === raw[total - 2] ? { kind: 'frame', raw } : { kind: 'bad-crc', raw }
}

function createFrameDecoder<T>(parse: PayloadParser<T | null>): StreamDecoder<FrameResult<T>> {
  return createResyncDecoder<FrameResult<T>>({
    startByte: STX,
    probe,
    badCrc(raw) {
      const expected = crc8(raw, 1, raw.length - 2)
      return {
        ok: false,
        error: {
          code: EvaluatorErrorCode.checksum,
          message: `CRC-8 is ${hex(raw[raw.length - 2]!)}, expected ${hex(expected)}`,
          raw,
        },
      }
    },
    frame(raw) {
      const cmd = raw[3]!
      const parsed = parse(cmd, raw.subarray(4, raw.length - 2))
      if (parsed === null) {
        return {
          ok: false,
          error: { code: EvaluatorErrorCode.unknownCommand, message: `unknown command 0x${hex(cmd)}`, raw },
        }
      }
      if (typeof parsed === 'string')
        return { ok: false, error: { code: EvaluatorErrorCode.badPayload, message: parsed, raw } }
      return { ok: true, message: parsed, seq: raw[2]!, raw }
    },
  })
}

export const hallV1EvaluatorProtocol: EvaluatorProtocol = {
  id: 'hall-v1',
  description: 'Hall serial protocol v1: STX LEN SEQ CMD payload CRC-8/SMBUS ETX, 9600 8N1',
  encode: encodeCommand,
  createDecoder: () => createFrameDecoder(parseEvent),
  encodeEvent,
  createCommandDecoder: () => createFrameDecoder(parseCommand),
}
