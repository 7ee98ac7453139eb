/**
 * GA 467 (GA 467-2013, revised as GA/T 467-2019) frame encoding for second-generation ID card
 * readers: the frames a host sends and, for simulators, the frames a reader answers with.
 *
 * Source: device-drivers/docs/protocols.md, checked against public reader code that sends the same
 * bytes (find card `... 00 03 20 01 22`, read with fingerprint `... 00 03 30 10 23`).
 *
 *   request:  AA AA AA 96 69 | LEN_HI LEN_LO | CMD PARA   | DATA... | CHK
 *   response: AA AA AA 96 69 | LEN_HI LEN_LO | SW1 SW2 SW3 | DATA... | CHK
 *
 * - LEN is big-endian and counts every byte from CMD (or SW1) through CHK.
 * - CHK is the XOR of every byte after the 5-byte preamble up to CHK, so the two length bytes are
 *   included: failure reply `00 04 00 00 41 45` has 0x00^0x04^0x00^0x00^0x41 = 0x45.
 */
import { CodedError } from '../../coded-error.js'

export const PREAMBLE: readonly number[] = [0xaa, 0xaa, 0xaa, 0x96, 0x69]
export const PREAMBLE_LENGTH = 5
/** Preamble plus the two length bytes: where CMD or SW1 starts. */
export const HEADER_LENGTH = 7
/** LEN is a 16-bit field. */
export const MAX_LEN_FIELD = 0xffff

/** Stable codes for errors thrown by encoders (programming errors) and returned by parsers. */
export const Ga467ErrorCode = {
  invalidArgument: 'INVALID_ARGUMENT',
  fieldTooLong: 'FIELD_TOO_LONG',
  checksum: 'CHECKSUM',
  length: 'LENGTH',
  status: 'STATUS',
  baseInfoLength: 'BASE_INFO_LENGTH',
  textLength: 'TEXT_LENGTH',
  unknownCardType: 'UNKNOWN_CARD_TYPE',
  badDate: 'BAD_DATE',
} as const
export type Ga467ErrorCode = (typeof Ga467ErrorCode)[keyof typeof Ga467ErrorCode]

/** Thrown only by encoders, for arguments no reader could ever send or accept. */
export class Ga467Error extends CodedError<Ga467ErrorCode> {
  override readonly name = 'Ga467Error'
}

/** Parsers return this instead of throwing, so one bad card read never takes a device down. */
export type Ga467Result<T> = { ok: true; value: T } | { ok: false; code: Ga467ErrorCode; message: string }

/** The commands in the notes. `para` 0xFF is what readers expect for the SAM management commands. */
export const Ga467Command = {
  resetSam: { cmd: 0x10, para: 0xff },
  samStatus: { cmd: 0x11, para: 0xff },
  readSamId: { cmd: 0x12, para: 0xff },
  findCard: { cmd: 0x20, para: 0x01 },
  selectCard: { cmd: 0x20, para: 0x02 },
  /** Text (256 bytes) and photo (1024 bytes WLT). */
  readBaseInfo: { cmd: 0x30, para: 0x01 },
  /** Text, photo and fingerprint data. */
  readBaseInfoWithFingerprint: { cmd: 0x30, para: 0x10 },
} as const
export type Ga467CommandName = keyof typeof Ga467Command

/** XOR of `bytes[start..end)`. */
export function xorChecksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let chk = 0
  for (let i = start; i < end; i++) chk ^= bytes[i]!
  return chk
}

function assertByte(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) {
    throw new Ga467Error(Ga467ErrorCode.invalidArgument, `${what} must be a byte (0-255), got ${value}`)
  }
}

/** Builds preamble, length, the given body bytes and the checksum. */
function encodeFrame(head: readonly number[], data: Uint8Array): Uint8Array {
  const len = head.length + data.length + 1
  if (len > MAX_LEN_FIELD) {
    throw new Ga467Error(Ga467ErrorCode.fieldTooLong, `frame body of ${len} bytes does not fit LEN`)
  }
  const out = new Uint8Array(HEADER_LENGTH + len)
  out.set(PREAMBLE, 0)
  out[5] = len >> 8
  out[6] = len & 0xff
  out.set(head, HEADER_LENGTH)
  out.set(data, HEADER_LENGTH + head.length)
  out[out.length - 1] = xorChecksum(out, PREAMBLE_LENGTH, out.length - 1)
  return out
}

/** A request frame for any command, including ones this module has no name for. */
export function encodeRequest(cmd: number, para: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  assertByte(cmd, 'CMD')
  assertByte(para, 'PARA')
  return encodeFrame([cmd, para], data)
}

/** A request frame for one of the named commands. */
export function encodeCommand(name: Ga467CommandName): Uint8Array {
  const { cmd, para } = Ga467Command[name]
  return encodeRequest(cmd, para)
}

export interface StatusWord {
  sw1: number
  sw2: number
  sw3: number
}

/**
 * A response frame, as a reader (or our simulator) sends it. A bare number is SW3 with SW1 = SW2 =
 * 0x00, which is what readers send in practice.
 */
export function encodeResponse(sw: number | StatusWord, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const word = typeof sw === 'number' ? { sw1: 0, sw2: 0, sw3: sw } : sw
  assertByte(word.sw1, 'SW1')
  assertByte(word.sw2, 'SW2')
  assertByte(word.sw3, 'SW3')
  return encodeFrame([word.sw1, word.sw2, word.sw3], data)
}
