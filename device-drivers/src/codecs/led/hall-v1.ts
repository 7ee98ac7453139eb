/**
 * `hall-v1`: our protocol for window LED strip screens on an RS-485 bus (vendor protocols differ
 * and none is public; shared device notes). Full description: `device-drivers/docs/led-protocol.md`.
 *
 *   AA 55 | ADDR | SEQ | CMD | LEN_HI LEN_LO | PAYLOAD (LEN bytes) | CRC_LO CRC_HI
 *
 * CRC = CRC-16/MODBUS over ADDR … PAYLOAD, low byte first. LEN ≤ 512. ADDR is the screen's bus
 * address (0-254; 255 = broadcast, never answered); replies carry the screen's address and the
 * request's SEQ. Text is GB18030, the encoding of the 16 x 16 Hanzi fonts in screen controllers.
 * 9600 8N1.
 *
 * Host → screen                                   Screen → host
 *   01 SHOW_TEXT  line u8, effect u8 (0 static,     80 ACK     command u8
 *                 1 scroll, 2 blink), colour u8     81 NAK     command u8, reason u8 (1-8)
 *                 (1 red, 2 green, 3 amber),        82 STATUS  lines u8, columns u8,
 *                 brightness u8 (0 keep, 1-16),                brightness u8, flags u8 (bit0 on,
 *                 text GB18030 (rest)                          bit1 pixel fault, bit2 hot),
 *   02 CLEAR      line u8 (FF = all lines)                     temperature i8 °C, fw major u8,
 *   03 BRIGHTNESS level u8 (1-16)                              fw minor u8
 *   04 STATUS?    —
 */
import iconv from 'iconv-lite'
import { createResyncDecoder, type Probe } from '../resync.js'
import { crc16Modbus } from './crc16.js'
import {
  LedCodecError,
  LedColor,
  type LedCommand,
  LedEffect,
  type LedEncodeOptions,
  LedErrorCode,
  type LedNakReason,
  type LedProtocol,
  type LedReply,
  type LedResult,
  type LedStreamDecoder,
  MAX_BRIGHTNESS,
  MIN_BRIGHTNESS,
} from './types.js'

export const SYNC_1 = 0xaa
export const SYNC_2 = 0x55
export const MAX_PAYLOAD = 512
export const BROADCAST_ADDRESS = 0xff
/** SYNC×2, ADDR, SEQ, CMD, LEN×2 before the payload. */
const HEADER = 7
const TRAILER = 2
const ALL_LINES = 0xff

export const HallV1LedCommand = {
  showText: 0x01,
  clear: 0x02,
  brightness: 0x03,
  queryStatus: 0x04,
  ack: 0x80,
  nak: 0x81,
  status: 0x82,
} as const

const invalid = (message: string): LedCodecError => new LedCodecError(LedErrorCode.invalidCommand, message)

function byteArg(name: string, n: number, min = 0, max = 255): number {
  if (!Number.isInteger(n) || n < min || n > max)
    throw invalid(`${name} must be an integer ${min}-${max}, got ${n}`)
  return n
}

export function frame(cmd: number, payload: ArrayLike<number>, options: LedEncodeOptions = {}): Uint8Array {
  const address = byteArg('address', options.address ?? 1)
  const seq = byteArg('seq', options.seq ?? 0)
  if (payload.length > MAX_PAYLOAD) {
    throw new LedCodecError(
      LedErrorCode.textTooLong,
      `payload of ${payload.length} bytes exceeds ${MAX_PAYLOAD}`,
    )
  }
  const out = new Uint8Array(HEADER + payload.length + TRAILER)
  out.set([SYNC_1, SYNC_2, address, seq, cmd, payload.length >> 8, payload.length & 0xff])
  out.set(payload, HEADER)
  const crc = crc16Modbus(out, 2, HEADER + payload.length)
  out[out.length - 2] = crc & 0xff
  out[out.length - 1] = crc >> 8
  return out
}

// Control characters have no glyph and could confuse controllers that treat them specially.
const CONTROLS = /[\u0000-\u001f\u007f]/g
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

export function encodeLedText(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text.replace(CONTROLS, '').replace(LONE_SURROGATE, '?'), 'gb18030'))
}

const brightness = (n: number): number => byteArg('brightness', n, MIN_BRIGHTNESS, MAX_BRIGHTNESS)

export function encodeCommand(cmd: LedCommand, options: LedEncodeOptions = {}): Uint8Array {
  switch (cmd.type) {
    case 'show-text': {
      const text = encodeLedText(cmd.text)
      const head = [
        byteArg('line', cmd.line, 0, 254),
        LedEffect[cmd.effect ?? 'static'],
        LedColor[cmd.color ?? 'red'],
        cmd.brightness == null ? 0 : brightness(cmd.brightness),
      ]
      if (head.length + text.length > MAX_PAYLOAD) {
        throw new LedCodecError(LedErrorCode.textTooLong, `text of ${text.length} GB18030 bytes is too long`)
      }
      const payload = new Uint8Array(head.length + text.length)
      payload.set(head)
      payload.set(text, head.length)
      return frame(HallV1LedCommand.showText, payload, options)
    }
    case 'clear':
      return frame(
        HallV1LedCommand.clear,
        [cmd.line === undefined ? ALL_LINES : byteArg('line', cmd.line, 0, 254)],
        options,
      )
    case 'set-brightness':
      return frame(HallV1LedCommand.brightness, [brightness(cmd.level)], options)
    case 'query-status':
      return frame(HallV1LedCommand.queryStatus, [], options)
  }
}

export function encodeReply(reply: LedReply, options: LedEncodeOptions = {}): Uint8Array {
  switch (reply.type) {
    case 'ack':
      return frame(HallV1LedCommand.ack, [byteArg('command', reply.command)], options)
    case 'nak':
      return frame(
        HallV1LedCommand.nak,
        [byteArg('command', reply.command), byteArg('reason', reply.reason, 1, 8)],
        options,
      )
    case 'status': {
      const m = /^(\d{1,3})\.(\d{1,3})$/.exec(reply.firmware)
      if (!m) throw invalid(`firmware must look like "1.2", got ${reply.firmware}`)
      const flags = (reply.displayOn ? 1 : 0) | (reply.pixelFault ? 2 : 0) | (reply.overTemperature ? 4 : 0)
      const temp = byteArg('temperatureC', reply.temperatureC, -128, 127) & 0xff
      return frame(
        HallV1LedCommand.status,
        [
          byteArg('lines', reply.lines),
          byteArg('columns', reply.columns),
          byteArg('brightness', reply.brightness),
          flags,
          temp,
          byteArg('fw major', +m[1]!),
          byteArg('fw minor', +m[2]!),
        ],
        options,
      )
    }
  }
}

type PayloadParser<T> = (cmd: number, p: Uint8Array) => T | string | null

const EFFECTS = Object.keys(LedEffect) as LedEffect[]
const COLORS: Readonly<Record<number, LedColor>> = { 1: 'red', 2: 'green', 3: 'amber' }

const parseReply: PayloadParser<LedReply> = (cmd, p) => {
  switch (cmd) {
    case HallV1LedCommand.ack:
      return p.length === 1 ? { type: 'ack', command: p[0]! } : 'ACK needs 1 byte'
    case HallV1LedCommand.nak: {
      if (p.length !== 2) return 'NAK needs 2 bytes'
      const reason = p[1]!
      if (reason < 1 || reason > 8) return `NAK reason ${reason} is not 1-8`
      return { type: 'nak', command: p[0]!, reason: reason as LedNakReason }
    }
    case HallV1LedCommand.status: {
      if (p.length !== 7) return 'STATUS needs 7 bytes'
      const flags = p[3]!
      return {
        type: 'status',
        lines: p[0]!,
        columns: p[1]!,
        brightness: p[2]!,
        displayOn: (flags & 1) !== 0,
        pixelFault: (flags & 2) !== 0,
        overTemperature: (flags & 4) !== 0,
        temperatureC: p[4]! > 127 ? p[4]! - 256 : p[4]!,
        firmware: `${p[5]}.${p[6]}`,
      }
    }
  }
  return null
}

const parseCommand: PayloadParser<LedCommand> = (cmd, p) => {
  switch (cmd) {
    case HallV1LedCommand.showText: {
      if (p.length < 4) return 'SHOW_TEXT needs at least 4 bytes'
      const effect = EFFECTS[p[1]!]
      const color = COLORS[p[2]!]
      if (!effect || !color || p[3]! > MAX_BRIGHTNESS || p[0] === ALL_LINES)
        return 'SHOW_TEXT parameter out of range'
      return {
        type: 'show-text',
        line: p[0]!,
        effect,
        color,
        brightness: p[3] === 0 ? null : p[3]!,
        text: iconv.decode(Buffer.from(p.subarray(4)), 'gb18030'),
      }
    }
    case HallV1LedCommand.clear:
      if (p.length !== 1) return 'CLEAR needs 1 byte'
      return p[0] === ALL_LINES ? { type: 'clear' } : { type: 'clear', line: p[0]! }
    case HallV1LedCommand.brightness:
      if (p.length !== 1 || p[0]! < MIN_BRIGHTNESS || p[0]! > MAX_BRIGHTNESS)
        return 'BRIGHTNESS needs 1 byte 1-16'
      return { type: 'set-brightness', level: p[0]! }
    case HallV1LedCommand.queryStatus:
      return p.length === 0 ? { type: 'query-status' } : 'STATUS? has no payload'
  }
  return null
}

const hex = (n: number, w = 2): string => n.toString(16).padStart(w, '0')

// What starts at data[i] (a first sync byte): a whole valid frame, a frame with a bad CRC, not a
// frame, or not enough bytes yet to tell.
function probe(data: Uint8Array, i: number): Probe {
  if (data.length - i < 2) return { kind: 'incomplete' }
  if (data[i + 1] !== SYNC_2) return { kind: 'no-frame' }
  if (data.length - i < HEADER) return { kind: 'incomplete' }
  const len = (data[i + 5]! << 8) | data[i + 6]!
  // A length we never send: the sync bytes were junk.
  if (len > MAX_PAYLOAD) return { kind: 'no-frame' }
  const total = HEADER + len + TRAILER
  if (data.length - i < total) return { kind: 'incomplete' }
  const raw = data.slice(i, i + total)
  const crc = crc16Modbus(raw, 2, HEADER + len)
  const sent = raw[total - 2]! | (raw[total - 1]! << 8)
  return crc === sent ? { kind: 'frame', raw } : { kind: 'bad-crc', raw }
}

function createFrameDecoder<T>(parse: PayloadParser<T>): LedStreamDecoder<LedResult<T>> {
  return createResyncDecoder<LedResult<T>>({
    startByte: SYNC_1,
    probe,
    badCrc(raw) {
      const len = raw.length - HEADER - TRAILER
      const expected = crc16Modbus(raw, 2, HEADER + len)
      const actual = raw[raw.length - 2]! | (raw[raw.length - 1]! << 8)
      return {
        ok: false,
        error: {
          code: LedErrorCode.checksum,
          message: `CRC-16 is ${hex(actual, 4)}, expected ${hex(expected, 4)}`,
          raw,
        },
      }
    },
    frame(raw) {
      const len = raw.length - HEADER - TRAILER
      const cmd = raw[4]!
      const parsed = parse(cmd, raw.subarray(HEADER, HEADER + len))
      if (parsed === null) {
        return {
          ok: false,
          error: { code: LedErrorCode.unknownCommand, message: `unknown command 0x${hex(cmd)}`, raw },
        }
      }
      if (typeof parsed === 'string')
        return { ok: false, error: { code: LedErrorCode.badPayload, message: parsed, raw } }
      return { ok: true, message: parsed, address: raw[2]!, seq: raw[3]!, raw }
    },
  })
}

export const hallV1LedProtocol: LedProtocol = {
  id: 'hall-v1',
  description: 'Hall LED screen protocol v1: AA 55 ADDR SEQ CMD LEN16 payload CRC-16/MODBUS, GB18030 text',
  encode: encodeCommand,
  createDecoder: () => createFrameDecoder(parseReply),
  encodeReply,
  createCommandDecoder: () => createFrameDecoder(parseCommand),
}
