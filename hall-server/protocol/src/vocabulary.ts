/**
 * The hall's vocabulary: every closed set of values the server, the screens and the device agent
 * agree on, with the Chinese label a citizen or clerk sees. Sources: 淄川区镇村便民服务标准化管理办法
 * §17 (即办件/承诺件/上报件/退办件), §21 (受理凭证, 补齐补正, 不予受理), §35 (好差评, 7 日整改).
 */

export const PRIORITY_CLASSES = [
  'normal',
  'elderly',
  'disabled',
  'pregnant',
  'military',
  'appointment',
  'assisted',
] as const
export type PriorityClass = (typeof PRIORITY_CLASSES)[number]

export const PRIORITY_LABELS: Record<PriorityClass, string> = {
  normal: '普通',
  elderly: '老年人优先',
  disabled: '残疾人优先',
  pregnant: '孕妇优先',
  military: '军人优先',
  appointment: '预约优先',
  assisted: '帮办代办',
}

export const TICKET_STATUSES = [
  'waiting',
  'called',
  'serving',
  'done',
  'no_show',
  'transferred',
  'cancelled',
] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  waiting: '等候中',
  called: '已呼叫',
  serving: '办理中',
  done: '已办结',
  no_show: '已过号',
  transferred: '已转移',
  cancelled: '已作废',
}

/** States in which a ticket still waits for a window. */
export const WAITING_STATUSES: readonly TicketStatus[] = ['waiting', 'transferred']

export const TICKET_SOURCES = ['kiosk', 'counter', 'appointment', 'manager'] as const
export type TicketSource = (typeof TICKET_SOURCES)[number]

export const WINDOW_STATUSES = ['open', 'paused', 'closed'] as const
export type WindowStatus = (typeof WINDOW_STATUSES)[number]

export const WINDOW_STATUS_LABELS: Record<WindowStatus, string> = {
  open: '服务中',
  paused: '暂停服务',
  closed: '未开放',
}

export const CASE_TYPES = ['immediate', 'promised', 'reported', 'returned'] as const
export type CaseType = (typeof CASE_TYPES)[number]

export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  immediate: '即办件',
  promised: '承诺件',
  reported: '上报件',
  returned: '退办件',
}

export const CASE_OUTCOMES = ['accepted', 'supplement', 'rejected'] as const
export type CaseOutcome = (typeof CASE_OUTCOMES)[number]

export const CASE_OUTCOME_LABELS: Record<CaseOutcome, string> = {
  accepted: '受理',
  supplement: '补齐补正',
  rejected: '不予受理',
}

/** The national 好差评 scale, best first. */
/**
 * How a time limit counts its days, kept as the guide writes it: 个工作日 (working days), 个自然日
 * (calendar days), or plain 日/天, which laws use both ways (行政许可法 §82 counts working days,
 * 信访工作条例 calendar days). A deadline counted from plain 日 uses calendar days: the earlier date.
 */
export const DAY_UNITS = ['working', 'natural', 'day'] as const
export type DayUnit = (typeof DAY_UNITS)[number]

export const DAY_UNIT_WORDS: Record<DayUnit, string> = {
  working: '个工作日',
  natural: '个自然日',
  day: '日',
}

/** "20个工作日", "60日"; 0 is 即办 (settled on the spot); null (no limit) stays null. */
export function dayLimitText(days: number | null, unit: DayUnit, immediate = '即办'): string | null {
  if (days === null) return null
  return days === 0 ? immediate : `${days}${DAY_UNIT_WORDS[unit]}`
}

export const RATING_LEVELS = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'very_dissatisfied',
] as const
export type RatingLevel = (typeof RATING_LEVELS)[number]

export const RATING_LABELS: Record<RatingLevel, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
}

export const BAD_RATINGS: readonly RatingLevel[] = ['dissatisfied', 'very_dissatisfied']

/** Reasons offered for a bad rating; a pad or button box shows these. */
export const RATING_REASONS = {
  attitude: '服务态度不好',
  slow: '办理时间太长',
  repeated: '多次跑腿',
  unclear: '告知不清楚',
  materials: '材料要求过多',
  wait: '排队等候太久',
  environment: '大厅环境设施不便',
  unskilled: '业务不熟练',
  other: '其他',
} as const
export type RatingReason = keyof typeof RATING_REASONS

/** A case finished but not rated before the limit is recorded with this value (未评价). */
export const UNRATED = 'unrated' as const

export const FOLLOW_UP_STATUSES = ['open', 'verified', 'rectified', 'explained'] as const
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number]

export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = {
  open: '待核实',
  verified: '已核实，待整改',
  rectified: '已整改',
  explained: '已解释说明',
}

/** Device roles. A device token is bound to one role and, where it applies, one window. */
export const DEVICE_ROLES = ['kiosk', 'counter', 'pad', 'display', 'window_screen', 'wall', 'agent'] as const
export type DeviceRole = (typeof DEVICE_ROLES)[number]

export const DEVICE_ROLE_LABELS: Record<DeviceRole, string> = {
  kiosk: '取号机',
  counter: '窗口工作台',
  pad: '评价器',
  display: '综合叫号屏',
  window_screen: '窗口屏',
  wall: '管理大屏',
  agent: '设备代理',
}

/** Roles that are bound to a window. */
export const WINDOW_BOUND_ROLES: readonly DeviceRole[] = ['counter', 'pad', 'window_screen']

export const STAFF_ROLES = ['clerk', 'manager'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const ALARM_KINDS = [
  'device_offline',
  'printer_paper_out',
  'printer_paper_near_end',
  'printer_cover_open',
  'printer_error',
  'print_failed',
  'window_unstaffed',
  'window_paused_long',
  'follow_up_overdue',
] as const
export type AlarmKind = (typeof ALARM_KINDS)[number]

export const ALARM_LABELS: Record<AlarmKind, string> = {
  device_offline: '设备离线',
  printer_paper_out: '打印机缺纸',
  printer_paper_near_end: '打印纸将尽',
  printer_cover_open: '打印机盖未关',
  printer_error: '打印机故障',
  print_failed: '打印失败',
  window_unstaffed: '窗口空岗',
  window_paused_long: '窗口暂停过久',
  follow_up_overdue: '差评整改超期',
}

export const HALL_MODES = ['open', 'appointment_only', 'closed'] as const
export type HallMode = (typeof HALL_MODES)[number]

export const HALL_MODE_LABELS: Record<HallMode, string> = {
  open: '正常取号',
  appointment_only: '仅限预约办理',
  closed: '今日已停止取号',
}

export const ID_CARD_TYPES = ['resident', 'foreigner', 'hkmotw'] as const
export type IdCardType = (typeof ID_CARD_TYPES)[number]

export const PRINT_KINDS = ['ticket', 'receipt', 'notice', 'refusal', 'guide'] as const
export type PrintKind = (typeof PRINT_KINDS)[number]

/** Spoken prompts the kiosk may ask the server for (rendered offline with espeak-ng). */
export const KIOSK_PROMPT_KEYS = [
  'welcome',
  'choose',
  'confirm',
  'card',
  'printed',
  'printFailed',
  'offline',
  'scan',
] as const
export type KioskPromptKey = (typeof KIOSK_PROMPT_KEYS)[number]
