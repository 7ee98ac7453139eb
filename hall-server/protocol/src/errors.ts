import { type Static, Type } from 'typebox'

/**
 * Stable error codes with the Chinese message a clerk or citizen sees, and the HTTP status the
 * server answers with. Screens show `message`; programs branch on `code`.
 */
export const ERRORS = {
  VALIDATION: { status: 400, message: '提交的内容不完整或格式不正确' },
  UNAUTHORIZED: { status: 401, message: '设备未登记或登录已失效，请联系管理员' },
  FORBIDDEN: { status: 403, message: '没有执行此操作的权限' },
  NOT_FOUND: { status: 404, message: '未找到' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容太大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '提交的内容格式不支持，请以 JSON 提交' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  SIGN_IN_FAILED: { status: 401, message: '工号或密码不正确' },
  SIGN_IN_LOCKED: { status: 429, message: '连续输错5次，已锁定15分钟，请稍后再试' },
  QUEUE_NOT_FOUND: { status: 404, message: '没有这个业务队列' },
  QUEUE_EXHAUSTED: { status: 409, message: '该业务今日号码已发完' },
  OUTSIDE_HOURS: { status: 409, message: '现在不是取号时间' },
  APPOINTMENT_ONLY: { status: 409, message: '当前时段仅办理预约业务' },
  PRIORITY_NOT_ALLOWED: { status: 403, message: '此设备不能取优先号' },
  WINDOW_NOT_FOUND: { status: 404, message: '没有这个窗口' },
  WINDOW_NOT_OPEN: { status: 409, message: '窗口未开放，请先签到' },
  WINDOW_PAUSED: { status: 409, message: '窗口暂停服务中，请先恢复服务' },
  WINDOW_BUSY: { status: 409, message: '请先处理当前号码（开始办理、过号或转移）' },
  WINDOW_IDLE: { status: 409, message: '窗口当前没有呼叫的号码' },
  NO_WAITING: { status: 409, message: '当前没有等候的号码' },
  TICKET_NOT_FOUND: { status: 404, message: '没有找到这个号码' },
  TICKET_STATE: { status: 409, message: '这个号码当前的状态不能执行此操作' },
  TICKET_NOT_SERVABLE: { status: 409, message: '这个号码不属于本窗口办理的业务' },
  RECALL_LIMIT: { status: 409, message: '已达到重呼次数上限：请过号，或呼叫下一位（此号按过号处理）' },
  CASE_OPEN: { status: 409, message: '请先办结当前办件' },
  CASE_NOT_FOUND: { status: 404, message: '没有找到这个办件' },
  CASE_STATE: { status: 409, message: '这个办件当前的状态不能执行此操作' },
  CASE_INCOMPLETE: { status: 400, message: '办件信息不完整' },
  SERVICE_NOT_FOUND: { status: 404, message: '没有找到这个事项' },
  RATING_EXISTS: { status: 409, message: '这个办件已经评价过了' },
  RATING_EXPIRED: { status: 409, message: '评价时间已过' },
  RATING_WRONG_WINDOW: { status: 403, message: '只能在办理窗口的评价器上评价' },
  RATING_REASON_REQUIRED: { status: 400, message: '请选择不满意的原因' },
  FOLLOW_UP_NOT_FOUND: { status: 404, message: '没有找到这条差评整改' },
  FOLLOW_UP_STATE: { status: 409, message: '这条差评整改当前的状态不能执行此操作' },
  STAFF_NOT_FOUND: { status: 404, message: '没有这个工号' },
  CARD_READ_EXPIRED: { status: 409, message: '身份证信息已失效，请重新刷卡' },
  APPOINTMENT_NOT_FOUND: { status: 404, message: '没有找到今天的预约' },
  APPOINTMENT_USED: { status: 409, message: '这个预约已经取过号了' },
  DEVICE_NOT_FOUND: { status: 404, message: '没有这个设备' },
  STORAGE_FAILED: { status: 503, message: '数据保存失败，请稍后重试' },
  OFFLINE: { status: 503, message: '暂时连不上大厅服务器，请稍候' },
  AUDIO_UNAVAILABLE: { status: 503, message: '语音播报暂不可用' },
  INTERNAL: { status: 500, message: '系统内部错误，请联系管理员' },
} as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof ERRORS
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[]

export const ApiError = Type.Object(
  {
    code: Type.Enum(ERROR_CODES),
    message: Type.String(),
    details: Type.Optional(Type.Array(Type.String())),
  },
  { $id: 'ApiError' },
)
export type ApiError = Static<typeof ApiError>

/** Acknowledgement of a socket request: the same result shape everywhere. */
export type Ack<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string }

export function apiError(code: ErrorCode, message?: string, details?: string[]): ApiError {
  const error: ApiError = { code, message: message ?? ERRORS[code].message }
  if (details && details.length > 0) error.details = details
  return error
}
