import {
  emptyDayStats,
  type HallSnapshot,
  type IssuedTicket,
  type QueueView,
  type TicketView,
} from '@hall/protocol'

export function queue(
  id: string,
  name: string,
  prefix: string,
  kind: QueueView['kind'] = 'comprehensive',
): QueueView {
  return {
    id,
    name,
    prefix,
    kind,
    description: '',
    waiting: 0,
    oldestWaitingAt: null,
    issuedToday: 0,
    servedToday: 0,
    avgServiceSec: null,
  }
}

export function snapshot(seq = 1): HallSnapshot {
  return {
    seq,
    at: 0,
    hall: {
      name: '演示镇便民服务中心',
      businessDate: '2026-11-23',
      mode: 'open',
      notice: '',
      utcOffsetMinutes: 480,
      todayHours: { open: '09:00', close: '17:00', appointmentFrom: '08:00', appointmentUntil: '18:00' },
      announceRepeat: 2,
      consultPhone: null,
    },
    queues: [
      queue('agri', '涉农服务', 'E', 'local'),
      queue('market', '市场准入', 'A'),
      queue('public', '公共服务', 'B'),
    ],
    windows: [],
    tickets: [],
    recentCalls: [],
    cases: [],
    followUps: [],
    alarms: [],
    devices: [],
    stats: emptyDayStats('2026-11-23'),
  }
}

export function ticket(code: string, queueId: string): TicketView {
  return {
    id: `2026-11-23-${queueId}-${code}`,
    code,
    number: Number(code.slice(1)),
    queueId,
    businessDate: '2026-11-23',
    priority: 'normal',
    status: 'waiting',
    source: 'kiosk',
    issuedAt: Date.parse('2026-11-23T09:05:00+08:00'),
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
  }
}

export function issued(code: string, queueId: string, print: IssuedTicket['print']): IssuedTicket {
  const t = ticket(code, queueId)
  return {
    ticket: t,
    queueName: '公共服务',
    peopleAhead: 2,
    estimatedWaitMinutes: 10,
    qrContent: `HALLTICKET:${t.id}`,
    print,
  }
}
