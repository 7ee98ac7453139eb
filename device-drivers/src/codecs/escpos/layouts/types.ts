/**
 * Inputs of the print layouts. Every string arrives already formatted and, where it names a
 * person, already masked: layouts do no date formatting and no masking, so what is printed is
 * exactly what the caller decided to disclose.
 */

import type { DayUnit } from '@hall/protocol'
import type { PaperWidth } from '../constants.js'

export interface LayoutOptions {
  /** Default `'80mm'` (48 columns); `'58mm'` gives 32 columns. */
  paper?: PaperWidth
}

/** A queue ticket (排队小票). */
export interface TicketPrint {
  hallName: string
  /** Ticket number, e.g. `'A012'`. */
  code: string
  queueName: string
  peopleAhead: number
  estimatedWaitMinutes: number | null
  /** Already formatted, e.g. `'2026-11-22 09:31'`. */
  issuedAt: string
  /** e.g. `'老年人优先'`. */
  priorityLabel: string | null
  /** Already masked, e.g. `'张*三'`. */
  applicantName: string | null
  qrContent: string
  hint: string
}

/** 受理凭证: proof that an application was accepted. */
export interface ReceiptPrint {
  hallName: string
  receiptNo: string
  caseNo: string
  serviceName: string
  /** Already masked. */
  applicantName: string
  /** 即办件 / 承诺件 / 上报件 / 退办件 */
  caseTypeLabel: string
  acceptedAt: string
  promiseDeadline: string | null
  windowName: string
  staffName: string
  staffNo: string
  qrContent: string
  consultPhone: string | null
}

export interface MissingMaterial {
  name: string
  note: string | null
}

/** 一次性告知单（补齐补正材料通知书）. */
export interface NoticePrint {
  hallName: string
  caseNo: string
  serviceName: string
  applicantName: string
  missingMaterials: MissingMaterial[]
  supplementDeadline: string | null
  issuedAt: string
  windowName: string
  staffName: string
  staffNo: string
  consultPhone: string | null
}

/** 不予受理通知书. */
export interface RefusalPrint {
  hallName: string
  caseNo: string
  serviceName: string
  applicantName: string
  reason: string
  issuedAt: string
  windowName: string
  staffName: string
  staffNo: string
}

export interface GuideMaterial {
  name: string
  required: boolean
  /** e.g. `'原件1份，复印件1份'`. */
  copies: string | null
  note: string | null
}

/** 办事指南, or only its material list (申请材料清单) when `materialsOnly`. */
export interface GuidePrint {
  hallName: string
  name: string
  itemType: string | null
  department: string | null
  /** Days in `promisedDayUnit`; 0 means settled on the spot. */
  promisedDays: number | null
  promisedDayUnit: DayUnit
  legalDays: number | null
  legalDayUnit: DayUnit
  fees: string | null
  materials: GuideMaterial[]
  conditions: string | null
  process: string | null
  consultPhone: string | null
  materialsOnly: boolean
}
