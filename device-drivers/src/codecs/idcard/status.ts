/**
 * GA 467 status byte SW3 in reader responses. Codes and meanings from device-drivers/docs/protocols.md;
 * the Chinese wording is the one public reader SDKs print, and 0x23, 0x24, 0x34 and 0x47 come from
 * those SDKs only (they are not in the notes). SW1 and SW2 are 0x00 in the replies seen, so only
 * SW3 carries meaning.
 */

export interface StatusInfo {
  /** Stable name for code and logs. */
  readonly code: string
  /** True for the two "it worked" values: 0x90 (operation succeeded) and 0x9F (card found). */
  readonly ok: boolean
  /** For clerks and citizens. */
  readonly zh: string
  /** For logs and developers. */
  readonly en: string
}

const STATUS_LIST = [
  [0x90, { code: 'SUCCESS', ok: true, zh: '操作成功', en: 'success' }],
  [0x9f, { code: 'CARD_FOUND', ok: true, zh: '寻找证/卡成功', en: 'card found' }],
  [0x80, { code: 'NO_CARD', ok: false, zh: '找卡不成功', en: 'no card found' }],
  [0x81, { code: 'SELECT_FAILED', ok: false, zh: '选卡不成功', en: 'select card failed' }],
  [
    0x10,
    {
      code: 'REQUEST_CHECKSUM',
      ok: false,
      zh: '接收业务终端数据的校验和错',
      en: 'checksum error in the request',
    },
  ],
  [
    0x11,
    { code: 'REQUEST_LENGTH', ok: false, zh: '接收业务终端数据的长度错', en: 'length error in the request' },
  ],
  [0x21, { code: 'BAD_COMMAND', ok: false, zh: '接收业务终端的命令错误', en: 'bad command' }],
  [0x23, { code: 'NOT_PERMITTED', ok: false, zh: '越权操作', en: 'operation not permitted' }],
  [0x24, { code: 'UNRECOGNISED_ERROR', ok: false, zh: '无法识别的错误', en: 'unrecognised error' }],
  [
    0x31,
    {
      code: 'CARD_AUTH_READER_FAILED',
      ok: false,
      zh: '卡认证机具失败',
      en: 'card failed to authenticate the reader',
    },
  ],
  [
    0x32,
    {
      code: 'READER_AUTH_CARD_FAILED',
      ok: false,
      zh: '机具认证卡失败',
      en: 'reader failed to authenticate the card',
    },
  ],
  [0x33, { code: 'VERIFY_ERROR', ok: false, zh: '信息验证错误', en: 'verification error' }],
  [
    0x34,
    {
      code: 'CARD_NOT_FOUND_YET',
      ok: false,
      zh: '尚未找卡，不能进行对卡的操作',
      en: 'no card found before this operation',
    },
  ],
  [0x40, { code: 'WRONG_CARD', ok: false, zh: '无法识别的卡类型', en: 'wrong or unknown card type' }],
  [0x41, { code: 'READ_FAILED', ok: false, zh: '读卡操作失败', en: 'read failed' }],
  [0x47, { code: 'RANDOM_FAILED', ok: false, zh: '取随机数失败', en: 'getting a random number failed' }],
  [0x60, { code: 'SELF_TEST_FAILED', ok: false, zh: '自检失败，不能接收命令', en: 'self-test failure' }],
  [0x66, { code: 'NOT_AUTHORISED', ok: false, zh: '机具未经授权，无法使用', en: 'reader not authorised' }],
] as const satisfies ReadonlyArray<readonly [number, StatusInfo]>

/** SW3 -> meaning, for every status in the notes. */
export const Ga467Status: ReadonlyMap<number, StatusInfo> = new Map<number, StatusInfo>(STATUS_LIST)

export type Ga467StatusCode = (typeof STATUS_LIST)[number][1]['code'] | 'UNKNOWN'

export interface DescribedStatus extends StatusInfo {
  readonly sw3: number
  readonly code: Ga467StatusCode
}

/** Meaning of an SW3 value; values outside the table come back as `UNKNOWN`, never as a throw. */
export function describeStatus(sw3: number): DescribedStatus {
  const known = Ga467Status.get(sw3)
  if (known) return { sw3, ...known } as DescribedStatus
  const hex = sw3.toString(16).toUpperCase().padStart(2, '0')
  return {
    sw3,
    code: 'UNKNOWN',
    ok: false,
    zh: `未知状态码 0x${hex}`,
    en: `unknown status 0x${hex}`,
  }
}

export function isSuccessStatus(sw3: number): boolean {
  return sw3 === 0x90 || sw3 === 0x9f
}
