/**
 * The DATA of a successful "read base info" reply (GA 467 command 30 01, or 30 10 with
 * fingerprint), and the text record inside it.
 *
 * Source: device-drivers/docs/protocols.md; the fingerprint variant's layout matches public reader
 * code that sends `30 10` and reads the three lengths at frame offsets 10, 12 and 14.
 *
 *   30 01:  TEXT_LEN(2, BE) | PHOTO_LEN(2, BE) | TEXT | PHOTO
 *   30 10:  TEXT_LEN(2, BE) | PHOTO_LEN(2, BE) | FP_LEN(2, BE) | TEXT | PHOTO | FINGERPRINT
 *
 * A card reply is normally TEXT_LEN 0x0100 (256), PHOTO_LEN 0x0400 (1024 bytes of WLT, a
 * proprietary format that needs the vendor decoder: kept as bytes here). The two forms cannot be
 * confused: 4 + T + P equals the data length only without fingerprint lengths, since the other form
 * needs at least 2 more bytes.
 */

import type { Ga467Response } from './decoder.js'
import { Ga467Error, Ga467ErrorCode, type Ga467Result } from './frame.js'
import type { IdCardRecord } from './record.js'
import { describeStatus } from './status.js'
import { parseTextRecord } from './text-record.js'

export interface BaseInfo {
  /** The text record, normally 256 bytes. */
  text: Uint8Array
  /** WLT-compressed photo, normally 1024 bytes, untouched. */
  photo: Uint8Array
  /** Present when the reply had the fingerprint layout (possibly empty: card without fingerprints). */
  fingerprint?: Uint8Array
}

export interface BaseInfoOptions {
  /** Force one layout; by default it is told from the lengths. */
  fingerprint?: boolean
}

const be16 = (b: Uint8Array, i: number): number => (b[i]! << 8) | b[i + 1]!

function lengthError(message: string): Ga467Result<never> {
  return { ok: false, code: Ga467ErrorCode.baseInfoLength, message }
}

/** Splits base-info DATA into text, photo and fingerprint; never throws. */
export function parseBaseInfo(data: Uint8Array, options: BaseInfoOptions = {}): Ga467Result<BaseInfo> {
  if (data.length < 4) return lengthError(`身份信息数据过短 (${data.length} 字节)`)
  const textLength = be16(data, 0)
  const photoLength = be16(data, 2)

  const plainFits = 4 + textLength + photoLength === data.length
  if (options.fingerprint !== true && plainFits) {
    return {
      ok: true,
      value: {
        text: data.slice(4, 4 + textLength),
        photo: data.slice(4 + textLength, 4 + textLength + photoLength),
      },
    }
  }
  if (options.fingerprint !== false && data.length >= 6) {
    const fpLength = be16(data, 4)
    const start = 6
    if (start + textLength + photoLength + fpLength === data.length) {
      const photoStart = start + textLength
      const fpStart = photoStart + photoLength
      return {
        ok: true,
        value: {
          text: data.slice(start, photoStart),
          photo: data.slice(photoStart, fpStart),
          fingerprint: data.slice(fpStart),
        },
      }
    }
  }
  return lengthError(
    `身份信息长度不符: 文字 ${textLength} + 照片 ${photoLength} 字节与数据长度 ${data.length} 不一致`,
  )
}

/** DATA for a simulated base-info reply; the fingerprint layout is used when `fingerprint` is set. */
export function encodeBaseInfoData(info: BaseInfo): Uint8Array {
  const parts = [info.text, info.photo, ...(info.fingerprint ? [info.fingerprint] : [])]
  for (const p of parts) {
    if (p.length > 0xffff) throw new Ga467Error(Ga467ErrorCode.fieldTooLong, `${p.length} bytes exceed 65535`)
  }
  const header = parts.length * 2
  const out = new Uint8Array(header + parts.reduce((n, p) => n + p.length, 0))
  let at = header
  parts.forEach((p, i) => {
    out[2 * i] = p.length >> 8
    out[2 * i + 1] = p.length & 0xff
    out.set(p, at)
    at += p.length
  })
  return out
}

export interface IdCardRead extends BaseInfo {
  record: IdCardRecord
}

/**
 * From a decoded response frame to a card: checks SW3 is 0x90, splits the data and parses the
 * text. Failures come back as values with a stable code (STATUS carries the reader's meaning).
 */
export function decodeBaseInfoResponse(
  frame: Ga467Response,
  options: BaseInfoOptions = {},
): Ga467Result<IdCardRead> {
  if (frame.sw3 !== 0x90) {
    const status = describeStatus(frame.sw3)
    return { ok: false, code: Ga467ErrorCode.status, message: `${status.zh} (${status.code})` }
  }
  const info = parseBaseInfo(frame.data, options)
  if (!info.ok) return info
  const record = parseTextRecord(info.value.text)
  if (!record.ok) return record
  return { ok: true, value: { ...info.value, record: record.value } }
}
