import { dateLabel, hallDateTime } from '@hall/domain'
import { CASE_TYPE_LABELS, type CaseView } from '@hall/protocol'

/**
 * A case explained in plain words for the citizen at the kiosk (淄川区镇村便民服务标准化管理办法
 * §17 即办件/承诺件/上报件/退办件, §21 受理凭证, 补齐补正, 不予受理).
 */

export type CaseTone = 'progress' | 'done' | 'action' | 'refused'

export interface CaseExplanation {
  /** A short state: 已受理, 已办结, 需要补齐材料, 不予受理, 正在办理. */
  title: string
  tone: CaseTone
  /** Sentences to read, in order. */
  lines: string[]
  /** For 补齐补正: what to bring. */
  missing: { name: string; note: string | null }[]
}

export function explainCase(c: CaseView, utcOffsetMinutes = 480): CaseExplanation {
  const typeLabel = c.caseType ? CASE_TYPE_LABELS[c.caseType] : null
  if (c.status === 'open' || c.outcome === null) {
    return {
      title: '正在办理',
      tone: 'progress',
      lines: ['工作人员正在窗口为您办理，请留意窗口的提示。'],
      missing: [],
    }
  }
  switch (c.outcome) {
    case 'accepted': {
      if (c.caseType === 'immediate') {
        return {
          title: '已办结',
          tone: 'done',
          lines: ['您的申请已当场办理完毕（即办件）。'],
          missing: [],
        }
      }
      if (c.completedAt) {
        return {
          title: '已办结',
          tone: 'done',
          lines: [
            `您的${typeLabel || '申请'}已于 ${hallDateTime(c.completedAt, utcOffsetMinutes, { year: true })} 办结，请凭受理凭证到窗口领取结果。`,
          ],
          missing: [],
        }
      }
      const lines = [`您的申请材料齐全，已经受理${typeLabel ? `（${typeLabel}）` : ''}。`]
      if (c.caseType === 'reported') lines.push('需要报上级部门审批，审批结果出来后会通知您。')
      if (c.caseType === 'returned') lines.push('此件已退回，请按工作人员的说明办理。')
      if (c.promiseDeadline) lines.push(`承诺在 ${dateLabel(c.promiseDeadline)} 前办结。`)
      lines.push('办结后请凭受理凭证领取结果。')
      return { title: '已受理', tone: 'progress', lines, missing: [] }
    }
    case 'supplement':
      return {
        title: '需要补齐材料',
        tone: 'action',
        lines: [
          '您的申请材料还不齐全，请补齐下面的材料后再来窗口办理。',
          c.supplementDeadline
            ? `请在 ${dateLabel(c.supplementDeadline)} 前补齐。`
            : '补齐期限以《补齐补正通知书》上写明的日期为准。',
        ],
        missing: c.missingMaterials.map((m) => ({ name: m.name, note: m.note })),
      }
    case 'rejected':
      return {
        title: '不予受理',
        tone: 'refused',
        lines: [
          `不予受理的理由：${c.refusalReason ?? '请查看《不予受理通知书》'}`,
          '如有疑问，可以到窗口咨询或拨打咨询电话。',
        ],
        missing: [],
      }
  }
}
