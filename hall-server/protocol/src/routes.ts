import { type Static, type TSchema, Type } from 'typebox'
import {
  AuditEntry,
  CallResult,
  CallTicketBody,
  CaseParams,
  CheckedIn,
  CheckInBody,
  CloseFollowUpBody,
  CreateAppointmentBody,
  FinishCaseBody,
  FinishedCase,
  FollowUpParams,
  Id,
  IssuedTicket,
  IssueTicketBody,
  PauseBody,
  PrincipalView,
  ProgressQuery,
  RatingBody,
  ServiceQuery,
  Session,
  SignInBody,
  StartCaseBody,
  TicketParams,
  TicketResult,
  TicketStatusView,
  TransferBody,
  VerifyFollowUpBody,
  WindowParams,
} from './bodies.js'
import { ServiceGuide, ServiceSummary } from './catalog.js'
import { PrintOutcome } from './print.js'
import {
  AppointmentView,
  CaseView,
  FollowUpView,
  HallSnapshot,
  QueueView,
  RatingView,
  WindowView,
} from './views.js'
import { KIOSK_PROMPT_KEYS } from './vocabulary.js'

/**
 * Every HTTP operation of the hall server: method, path, schemas and who may call it. The server
 * registers its routes from this table, `/openapi.json` is generated from it, and the screens' typed
 * client calls operations by their `operationId` (the key).
 */

/** Who may call an operation: a device role, a signed-in staff role, or anyone. */
export type Access =
  | 'public'
  | 'kiosk'
  | 'counter'
  | 'pad'
  | 'display'
  | 'window_screen'
  | 'wall'
  | 'agent'
  | 'clerk'
  | 'manager'

export interface RouteDef {
  method: 'GET' | 'POST'
  path: string
  summary: string
  tag: string
  access: readonly Access[]
  params?: TSchema
  querystring?: TSchema
  body?: TSchema
  response: TSchema
  /** Status of a successful answer, 200 unless stated. */
  status?: 200 | 201
  /** Media type of a non-JSON answer (the body is then bytes). */
  produces?: string
}

const ANY_DEVICE = ['kiosk', 'counter', 'pad', 'display', 'window_screen', 'wall', 'agent'] as const
const ANYONE_SIGNED = [...ANY_DEVICE, 'clerk', 'manager'] as const
const STAFF = ['clerk', 'manager'] as const

export const routes = {
  health: {
    method: 'GET',
    path: '/api/health',
    summary: '健康检查',
    tag: 'system',
    access: ['public'],
    response: Type.Object({ status: Type.Literal('ok') }),
  },
  getHallSnapshot: {
    method: 'GET',
    path: '/api/snapshot',
    summary: '大厅完整状态',
    tag: 'hall',
    access: ANYONE_SIGNED,
    response: HallSnapshot,
  },
  listQueues: {
    method: 'GET',
    path: '/api/queues',
    summary: '业务队列及等候人数',
    tag: 'hall',
    access: ANYONE_SIGNED,
    response: Type.Array(QueueView),
  },
  issueTicket: {
    method: 'POST',
    path: '/api/tickets',
    summary: '取号',
    tag: 'tickets',
    access: ['kiosk', 'counter', 'clerk', 'manager'],
    body: IssueTicketBody,
    response: IssuedTicket,
    status: 201,
  },
  getTicket: {
    method: 'GET',
    path: '/api/tickets/:ticketId',
    summary: '号码状态与前面等候人数',
    tag: 'tickets',
    access: ANYONE_SIGNED,
    params: TicketParams,
    response: TicketStatusView,
  },
  cancelTicket: {
    method: 'POST',
    path: '/api/tickets/:ticketId/cancel',
    summary: '作废号码',
    tag: 'tickets',
    access: ['manager'],
    params: TicketParams,
    response: TicketResult,
  },
  callNext: {
    method: 'POST',
    path: '/api/windows/:windowId/call-next',
    summary: '呼叫下一位',
    tag: 'windows',
    access: STAFF,
    params: WindowParams,
    response: CallResult,
  },
  recall: {
    method: 'POST',
    path: '/api/windows/:windowId/recall',
    summary: '重呼',
    tag: 'windows',
    access: STAFF,
    params: WindowParams,
    response: CallResult,
  },
  skipTicket: {
    method: 'POST',
    path: '/api/windows/:windowId/skip',
    summary: '过号',
    tag: 'windows',
    access: STAFF,
    params: WindowParams,
    response: TicketResult,
  },
  transferTicket: {
    method: 'POST',
    path: '/api/windows/:windowId/transfer',
    summary: '转移到其他队列或窗口',
    tag: 'windows',
    access: STAFF,
    params: WindowParams,
    body: TransferBody,
    response: TicketResult,
  },
  callTicket: {
    method: 'POST',
    path: '/api/windows/:windowId/call-ticket',
    summary: '呼叫指定号码',
    tag: 'windows',
    access: STAFF,
    params: WindowParams,
    body: CallTicketBody,
    response: CallResult,
  },
  completeTicket: {
    method: 'POST',
    path: '/api/windows/:windowId/complete',
    summary: '结束当前号码的服务',
    tag: 'windows',
    access: STAFF,
    params: WindowParams,
    response: TicketResult,
  },
  pauseWindow: {
    method: 'POST',
    path: '/api/windows/:windowId/pause',
    summary: '暂停服务',
    tag: 'windows',
    access: STAFF,
    params: WindowParams,
    body: PauseBody,
    response: WindowView,
  },
  resumeWindow: {
    method: 'POST',
    path: '/api/windows/:windowId/resume',
    summary: '恢复服务',
    tag: 'windows',
    access: STAFF,
    params: WindowParams,
    response: WindowView,
  },
  startCase: {
    method: 'POST',
    path: '/api/windows/:windowId/cases',
    summary: '开始办件',
    tag: 'cases',
    access: STAFF,
    params: WindowParams,
    body: StartCaseBody,
    response: CaseView,
    status: 201,
  },
  finishCase: {
    method: 'POST',
    path: '/api/cases/:caseId/finish',
    summary: '办结办件（受理、补齐补正或不予受理）',
    tag: 'cases',
    access: STAFF,
    params: CaseParams,
    body: FinishCaseBody,
    response: FinishedCase,
  },
  getCase: {
    method: 'GET',
    path: '/api/cases/:caseId',
    summary: '办件详情',
    tag: 'cases',
    access: ['clerk', 'manager', 'pad', 'counter'],
    params: CaseParams,
    response: CaseView,
  },
  completeCase: {
    method: 'POST',
    path: '/api/cases/:caseId/complete',
    summary: '承诺件、上报件办结',
    tag: 'cases',
    access: ['clerk', 'manager'],
    params: CaseParams,
    body: Type.Object(
      { note: Type.Optional(Type.String({ maxLength: 500 })) },
      { additionalProperties: false },
    ),
    response: CaseView,
  },
  listPendingCases: {
    method: 'GET',
    path: '/api/cases/pending',
    summary: '已受理未办结的承诺件、上报件（含超期）',
    tag: 'cases',
    access: ['clerk', 'manager', 'wall'],
    response: Type.Array(CaseView),
  },
  submitRating: {
    method: 'POST',
    path: '/api/cases/:caseId/rating',
    summary: '好差评评价',
    tag: 'ratings',
    access: ['pad'],
    params: CaseParams,
    body: RatingBody,
    response: RatingView,
    status: 201,
  },
  signIn: {
    method: 'POST',
    path: '/api/auth/sign-in',
    summary: '工作人员签到登录',
    tag: 'auth',
    access: ['counter', 'wall'],
    body: SignInBody,
    response: Session,
  },
  signOut: {
    method: 'POST',
    path: '/api/auth/sign-out',
    summary: '工作人员签退',
    tag: 'auth',
    access: STAFF,
    response: Type.Object({ ok: Type.Literal(true) }),
  },
  whoAmI: {
    method: 'GET',
    path: '/api/auth/me',
    summary: '当前身份',
    tag: 'auth',
    access: ANYONE_SIGNED,
    response: PrincipalView,
  },
  listFollowUps: {
    method: 'GET',
    path: '/api/follow-ups',
    summary: '差评核实整改',
    tag: 'ratings',
    access: ['manager', 'wall'],
    response: Type.Array(FollowUpView),
  },
  verifyFollowUp: {
    method: 'POST',
    path: '/api/follow-ups/:followUpId/verify',
    summary: '核实差评',
    tag: 'ratings',
    access: ['manager'],
    params: FollowUpParams,
    body: VerifyFollowUpBody,
    response: FollowUpView,
  },
  closeFollowUp: {
    method: 'POST',
    path: '/api/follow-ups/:followUpId/close',
    summary: '整改完成并反馈',
    tag: 'ratings',
    access: ['manager'],
    params: FollowUpParams,
    body: CloseFollowUpBody,
    response: FollowUpView,
  },
  searchServices: {
    method: 'GET',
    path: '/api/services',
    summary: '查找事项（中文或拼音首字母）',
    tag: 'services',
    access: ANYONE_SIGNED,
    querystring: ServiceQuery,
    response: Type.Array(ServiceSummary),
  },
  getService: {
    method: 'GET',
    path: '/api/services/:serviceId',
    summary: '办事指南',
    tag: 'services',
    access: ANYONE_SIGNED,
    params: Type.Object({ serviceId: Id }),
    response: ServiceGuide,
  },
  createAppointment: {
    method: 'POST',
    path: '/api/appointments',
    summary: '登记预约（电话或现场预约）',
    tag: 'appointments',
    access: ['clerk', 'manager'],
    body: CreateAppointmentBody,
    response: AppointmentView,
    status: 201,
  },
  listAppointments: {
    method: 'GET',
    path: '/api/appointments',
    summary: '某日的预约',
    tag: 'appointments',
    access: ['clerk', 'manager', 'counter', 'wall'],
    querystring: Type.Object({ date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })) }),
    response: Type.Array(AppointmentView),
  },
  checkInAppointment: {
    method: 'POST',
    path: '/api/appointments/check-in',
    summary: '预约签到取号（扫预约码或刷身份证）',
    tag: 'appointments',
    access: ['kiosk', 'counter', 'clerk', 'manager'],
    body: CheckInBody,
    response: CheckedIn,
    status: 201,
  },
  lookupCases: {
    method: 'GET',
    path: '/api/progress',
    summary: '办件进度查询（扫受理凭证二维码或刷身份证）',
    tag: 'cases',
    access: ['kiosk', 'counter', 'clerk', 'manager'],
    querystring: ProgressQuery,
    response: Type.Array(CaseView),
  },
  printGuide: {
    method: 'POST',
    path: '/api/services/:serviceId/print',
    summary: '打印办事指南或材料清单',
    tag: 'services',
    access: ['kiosk', 'counter', 'clerk'],
    params: Type.Object({ serviceId: Id }),
    body: Type.Object({ materialsOnly: Type.Boolean() }, { additionalProperties: false }),
    response: PrintOutcome,
  },
  callAudio: {
    method: 'GET',
    path: '/api/audio/call',
    summary: '叫号语音（提示音加普通话播报，WAV）',
    tag: 'hall',
    access: ['display', 'window_screen', 'wall', 'counter', 'clerk', 'manager'],
    querystring: Type.Object({
      code: Type.String({ pattern: '^[A-Z]{1,2}\\d{1,6}$' }),
      window: Type.Integer({ minimum: 1, maximum: 999 }),
    }),
    response: Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' }),
    produces: 'audio/wav',
  },
  kioskPrompt: {
    method: 'GET',
    path: '/api/audio/prompt',
    summary: '取号机语音提示（WAV）',
    tag: 'hall',
    access: ['kiosk'],
    querystring: Type.Object({ key: Type.Enum(KIOSK_PROMPT_KEYS) }),
    response: Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' }),
    produces: 'audio/wav',
  },
  listAudit: {
    method: 'GET',
    path: '/api/audit',
    summary: '操作日志',
    tag: 'system',
    access: ['manager'],
    querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }),
    response: Type.Array(AuditEntry),
  },
} as const satisfies Record<string, RouteDef>

export type Routes = typeof routes
export type OperationId = keyof Routes

type StaticOf<R, K extends string> = R extends Record<K, infer S extends TSchema> ? Static<S> : undefined

/** The typed input of an operation, for the screens' client. */
export type OperationInput<Op extends OperationId> = {
  params: StaticOf<Routes[Op], 'params'>
  query: StaticOf<Routes[Op], 'querystring'>
  body: StaticOf<Routes[Op], 'body'>
}
export type OperationOutput<Op extends OperationId> = Static<Routes[Op]['response']>

/** Fills `:name` segments of a route path. */
export function routePath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name]
    if (value === undefined) throw new Error(`missing path parameter ${name}`)
    return encodeURIComponent(value)
  })
}
