import { addDays, formatLocal } from '@hall/domain'
import {
  CASE_OUTCOME_LABELS,
  CASE_TYPE_LABELS,
  type CaseOutcome,
  type CaseType,
  FOLLOW_UP_STATUS_LABELS,
  type FollowUpView,
  type MissingMaterial,
  RATING_LABELS,
  RATING_REASONS,
  type RatingLevel,
  type RatingReason,
} from '@hall/protocol'
import { formatRecord } from '../catalog/delimited.js'
import type { Db } from './db.js'

/**
 * The case ledger (办件台账): every case opened in a date range, with its rating (好差评) and the
 * follow-up of a bad one, as a CSV a hall manager opens in Excel or WPS and reports upward. Names
 * and ID numbers appear only masked, as everywhere else.
 */

export interface LedgerNames {
  utcOffsetMinutes: number
  windowName(id: string): string
  staffName(staffNo: string): string
}

interface LedgerRow {
  id: string
  opened_at: number
  finished_at: number | null
  completed_at: number | null
  window_id: string
  staff_no: string
  status: 'open' | 'finished'
  ticket_code: string | null
  service_name: string | null
  case_type: CaseType | null
  outcome: CaseOutcome | null
  receipt_no: string | null
  promise_deadline: string | null
  missing_materials: string
  supplement_deadline: string | null
  refusal_reason: string | null
  applicant_name: string | null
  applicant_id_masked: string | null
  case_rating: string | null
  level: RatingLevel | null
  reasons: string | null
  comment: string | null
  channel: string | null
  follow_up: string | null
}

const LEDGER_SELECT = `SELECT c.id, c.opened_at, c.finished_at, c.completed_at, c.window_id, c.staff_no, c.status,
  t.code AS ticket_code, c.service_name, c.case_type, c.outcome, c.receipt_no, c.promise_deadline,
  c.missing_materials, c.supplement_deadline, c.refusal_reason,
  a.name_masked AS applicant_name, a.id_masked AS applicant_id_masked, c.rating AS case_rating,
  r.level, r.reasons, r.comment, r.channel, f.data AS follow_up
  FROM cases c
  LEFT JOIN tickets t ON t.id = c.ticket_id
  LEFT JOIN applicants a ON a.id = c.applicant_id
  -- a rating that timed out is stored as level 'unrated': the case shows 未评价, no level or channel
  LEFT JOIN ratings r ON r.case_id = c.id AND r.level <> 'unrated'
  LEFT JOIN follow_ups f ON f.case_id = c.id
  WHERE c.opened_at >= ? AND c.opened_at < ?
  ORDER BY c.opened_at, c.id`

export const LEDGER_COLUMNS = [
  '办件编号',
  '受理时间',
  '窗口',
  '工号',
  '工作人员',
  '号码',
  '办理事项',
  '办件类型',
  '办理结果',
  '受理凭证号',
  '承诺办结日期',
  '补正材料',
  '补正期限',
  '不予受理理由',
  '申请人',
  '证件号码',
  '办结时间',
  '评价',
  '评价原因',
  '评价意见',
  '评价方式',
  '差评处理',
  '核实情况',
  '整改反馈',
] as const

const CHANNELS: Record<string, string> = { pad: '评价器', button_box: '评价按键' }

/** The first instant of a local date and of the day after `to`: the range [from, to] whole. */
export function localDayRange(from: string, to: string, utcOffsetMinutes: number): [number, number] {
  const start = (date: string) => Date.parse(`${date}T00:00:00Z`) - utcOffsetMinutes * 60_000
  return [start(from), start(addDays(to, 1))]
}

/** The ledger of the local dates from `from` to `to`, both included, as CSV. */
export async function caseLedgerCsv(db: Db, from: string, to: string, names: LedgerNames): Promise<string> {
  const [fromMs, toMs] = localDayRange(from, to, names.utcOffsetMinutes)
  return ledgerCsv(await db.all<LedgerRow>(LEDGER_SELECT, [fromMs, toMs]), names)
}

function ratingText(row: LedgerRow): string {
  if (row.level) return RATING_LABELS[row.level]
  if (row.case_rating === 'unrated') return '未评价'
  return row.status === 'finished' ? '待评价' : ''
}

function cells(row: LedgerRow, names: LedgerNames): string[] {
  const at = (ms: number | null) => (ms === null ? '' : formatLocal(ms, names.utcOffsetMinutes))
  const materials = JSON.parse(row.missing_materials) as MissingMaterial[]
  const reasons = row.reasons ? (JSON.parse(row.reasons) as string[]) : []
  const followUp = row.follow_up ? (JSON.parse(row.follow_up) as FollowUpView) : null
  return [
    row.id,
    at(row.opened_at),
    names.windowName(row.window_id),
    row.staff_no,
    names.staffName(row.staff_no),
    row.ticket_code ?? '',
    row.service_name ?? '',
    row.case_type ? CASE_TYPE_LABELS[row.case_type] : '',
    row.outcome ? CASE_OUTCOME_LABELS[row.outcome] : '办理中',
    row.receipt_no ?? '',
    row.promise_deadline ?? '',
    materials.map((m) => (m.note ? `${m.name}（${m.note}）` : m.name)).join('；'),
    row.supplement_deadline ?? '',
    row.refusal_reason ?? '',
    row.applicant_name ?? '',
    row.applicant_id_masked ?? '',
    // 即办件 accepted are done when recorded; 承诺件 and 上报件 when marked done later.
    at(
      row.completed_at ??
        (row.case_type === 'immediate' && row.outcome === 'accepted' ? row.finished_at : null),
    ),
    ratingText(row),
    reasons.map((r) => RATING_REASONS[r as RatingReason] ?? r).join('；'),
    row.comment ?? '',
    row.channel ? (CHANNELS[row.channel] ?? row.channel) : '',
    followUp ? FOLLOW_UP_STATUS_LABELS[followUp.status] : '',
    followUp?.finding ?? '',
    followUp?.resolution ?? '',
  ]
}

/**
 * A cell a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return:
 * a citizen's comment "=HYPERLINK(…)", say) gets a leading apostrophe, so Excel and WPS show it as
 * text (the OWASP advice on CSV injection). Every other cell is left as it is.
 */
export function formulaSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
}

/** The ledger as CSV (RFC 4180, CRLF) with a BOM, so Excel and WPS read the Chinese right. */
function ledgerCsv(rows: readonly LedgerRow[], names: LedgerNames): string {
  const lines = [
    formatRecord(LEDGER_COLUMNS, ','),
    ...rows.map((row) => formatRecord(cells(row, names).map(formulaSafe), ',')),
  ]
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Why a requested range cannot be exported (in the words a manager reads), or null. */
export function ledgerRangeProblem(from: string, to: string): string | null {
  const valid = (d: string) => DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`))
  if (!valid(from) || !valid(to)) return '日期应写成 YYYY-MM-DD，例如 2026-11-01'
  if (from > to) return '开始日期晚于结束日期'
  if (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`) > 366 * 86_400_000) {
    return '一次最多导出一年的办件'
  }
  return null
}

/** Window and staff names for the ledger, from the hall's configuration. */
export function ledgerNames(
  utcOffsetMinutes: number,
  windows: readonly { id: string; name: string }[],
  staff: readonly { staffNo: string; name: string }[],
): LedgerNames {
  return {
    utcOffsetMinutes,
    windowName: (id) => windows.find((w) => w.id === id)?.name ?? id,
    staffName: (no) => staff.find((s) => s.staffNo === no)?.name ?? '',
  }
}
