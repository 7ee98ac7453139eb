import {
  type CallView,
  type CaseView,
  type DayStats,
  emptyDayStats,
  type HallSnapshot,
  type QueueView,
  type StaffCard,
  type TicketView,
  type WindowView,
} from '@hall/protocol'

/** Small, valid pieces of a hall for the unit tests of the screens' pure parts. */

export const T0 = Date.parse('2026-11-23T09:00:00+08:00')

export function staff(staffNo: string, name: string): StaffCard {
  return { staffNo, name, title: '综合窗口受理员', photoUrl: null }
}

export function queue(id: string, prefix: string, waiting = 0): QueueView {
  return {
    id,
    name: `${id}队列`,
    prefix,
    kind: 'comprehensive',
    description: '',
    waiting,
    oldestWaitingAt: null,
    issuedToday: 0,
    servedToday: 0,
    avgServiceSec: null,
  }
}

export function window(id: string, queueIds: string[], patch: Partial<WindowView> = {}): WindowView {
  return {
    id,
    number: Number(id),
    name: `${id}号窗口`,
    queueIds,
    status: 'open',
    pauseReason: null,
    statusSince: T0,
    staff: staff('1001', '张晓梅'),
    postA: staff('1001', '张晓梅'),
    postB: staff('1002', '李建国'),
    currentTicketId: null,
    openCaseId: null,
    priorityStreak: 0,
    ...patch,
  }
}

export function ticket(
  code: string,
  queueId: string,
  issuedAt: number,
  patch: Partial<TicketView> = {},
): TicketView {
  return {
    id: `2026-11-23-${queueId}-${code}`,
    code,
    number: Number(code.slice(1)),
    queueId,
    businessDate: '2026-11-23',
    priority: 'normal',
    status: 'waiting',
    source: 'kiosk',
    issuedAt,
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    windowId: null,
    recallCount: 0,
    transferQueueId: null,
    transferWindowId: null,
    applicantName: null,
    appointmentId: null,
    serviceItemId: null,
    ...patch,
  }
}

export function call(code: string, windowNumber: number, at: number, recall = 0): CallView {
  return {
    ticketId: `t-${code}`,
    code,
    queueId: 'market',
    windowId: String(windowNumber),
    windowNumber,
    windowName: `${windowNumber}号窗口`,
    recall,
    at,
    text: `请 ${code} 号到 ${windowNumber} 号窗口办理`,
  }
}

export function finishedCase(
  id: string,
  windowId: string,
  finishedAt: number,
  patch: Partial<CaseView> = {},
): CaseView {
  return {
    id,
    ticketId: null,
    ticketCode: 'A001',
    windowId,
    staffNo: '1001',
    status: 'finished',
    serviceItemId: 'S1',
    serviceName: '食品从业人员健康证明',
    caseType: 'immediate',
    outcome: 'accepted',
    receiptNo: 'SL202611230001',
    missingMaterials: [],
    refusalReason: null,
    promiseDays: null,
    promiseDeadline: null,
    supplementDeadline: null,
    applicantName: null,
    openedAt: finishedAt - 60_000,
    finishedAt,
    rating: null,
    ratingDeadline: finishedAt + 120_000,
    ...patch,
  }
}

export function stats(patch: Partial<DayStats> = {}): DayStats {
  return { ...emptyDayStats('2026-11-23'), ...patch }
}

export function snapshot(patch: Partial<HallSnapshot> = {}): HallSnapshot {
  return {
    seq: 10,
    at: T0,
    hall: {
      name: '演示镇便民服务中心',
      businessDate: '2026-11-23',
      mode: 'open',
      notice: '请按号码顺序办理',
      utcOffsetMinutes: 480,
      announceRepeat: 2,
      todayHours: { open: '09:00', close: '17:00', appointmentFrom: '08:00', appointmentUntil: '18:00' },
      consultPhone: null,
    },
    queues: [queue('market', 'A'), queue('general', 'D')],
    windows: [window('1', ['market', 'general'])],
    tickets: [],
    recentCalls: [],
    cases: [],
    followUps: [],
    alarms: [],
    devices: [],
    stats: stats(),
    ...patch,
  }
}
