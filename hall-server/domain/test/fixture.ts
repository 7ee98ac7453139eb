import type { PriorityClass } from '@hall/protocol'
import {
  type AlarmPolicy,
  type Command,
  createCalendar,
  type DomainConfig,
  emptyState,
  HallEngine,
} from '../src/index.js'

/** A small hall for domain tests: the 4+X queues, three windows, four staff, open all day. */
export const testConfig: DomainConfig = {
  hallName: '测试镇便民服务中心',
  utcOffsetMinutes: 480,
  queues: [
    {
      id: 'market',
      name: '市场准入',
      prefix: 'A',
      kind: 'comprehensive',
      description: '',
      first: 1,
      last: 999,
      digits: 3,
      categories: [],
    },
    {
      id: 'public',
      name: '公共服务',
      prefix: 'B',
      kind: 'comprehensive',
      description: '',
      first: 1,
      last: 999,
      digits: 3,
      categories: [],
    },
    {
      id: 'relief',
      name: '保障救助',
      prefix: 'C',
      kind: 'comprehensive',
      description: '',
      first: 1,
      last: 999,
      digits: 3,
      categories: [],
    },
    {
      id: 'general',
      name: '综合业务',
      prefix: 'D',
      kind: 'comprehensive',
      description: '',
      first: 1,
      last: 999,
      digits: 3,
      categories: [],
    },
  ],
  windows: [
    { id: '1', number: 1, name: '1号窗口', queueIds: ['market', 'general'], postA: 'S01', postB: 'S02' },
    {
      id: '2',
      number: 2,
      name: '2号窗口',
      queueIds: ['public', 'relief', 'general'],
      postA: 'S02',
      postB: 'S01',
    },
    {
      id: '3',
      number: 3,
      name: '3号窗口',
      queueIds: ['market', 'public', 'relief', 'general'],
      postA: 'S03',
      postB: null,
    },
  ],
  staff: [
    { staffNo: 'S01', name: '张晓梅', title: '综合窗口', role: 'clerk', photoUrl: null },
    { staffNo: 'S02', name: '李建国', title: '综合窗口', role: 'clerk', photoUrl: null },
    { staffNo: 'S03', name: '王芳', title: '综合窗口', role: 'clerk', photoUrl: null },
    { staffNo: 'M01', name: '赵主任', title: '中心主任', role: 'manager', photoUrl: null },
  ],
  priority: { elderlyAge: 70, maxConsecutivePriority: 2, preferenceMinutes: 0 },
  hours: {
    workday: ['00:00', '24:00'],
    weekend: ['00:00', '24:00'],
    holiday: ['00:00', '24:00'],
    appointmentMinutesBefore: 0,
    appointmentMinutesAfter: 0,
  },
  maxRecalls: 2,
  ratingTimeoutSec: 120,
  followUpDays: 7,
  supplementDays: 5,
}

export const testAlarms: AlarmPolicy = { unstaffedGraceMinutes: 10, pauseAlertMinutes: 15 }

/** 2026-11-23 09:00 in UTC+8 (a Monday). */
export const MONDAY_9AM = Date.parse('2026-11-23T09:00:00+08:00')

export function newEngine(config: DomainConfig = testConfig): HallEngine {
  return new HallEngine(emptyState('2026-11-23'), {
    config,
    calendar: createCalendar({ holidays: [], workdays: [] }),
    alarms: testAlarms,
  })
}

/** A kiosk ticket for the queue. */
export function issue(queueId: string, priority: PriorityClass = 'normal'): Command {
  return {
    type: 'issueTicket',
    queueId,
    priority,
    source: 'kiosk',
    applicant: null,
    appointmentId: null,
    serviceItemId: null,
    ignoreHours: false,
  }
}
