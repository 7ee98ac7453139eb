import { DEFAULT_QUEUE_RULES } from './catalog/queue.js'
import type { HallConfig } from './config.js'

/**
 * Starting configurations: a town hall with the "4+X" comprehensive windows (市场准入, 公共服务,
 * 保障救助, 综合业务 plus a local one; 博山区“一窗通办”实施方案), and the demo hall built on it.
 */

const QUEUES = [
  { id: 'market', name: '市场准入', prefix: 'A', description: '个体工商户登记、食品经营许可等' },
  { id: 'public', name: '公共服务', prefix: 'B', description: '社保、医保、计生、卫生、农牧林业等' },
  { id: 'relief', name: '保障救助', prefix: 'C', description: '低保、特困、残疾人、退役军人服务等' },
  { id: 'general', name: '综合业务', prefix: 'D', description: '司法协助、信访及其他业务' },
] as const

/** The catalog categories a queue serves, from the catalog's default 4+X routing. */
const categoriesOf = (queueId: string): string[] => [
  ...(DEFAULT_QUEUE_RULES.find((rule) => rule.queueId === queueId)?.categories ?? []),
]

function queues(local: boolean): HallConfig['queues'] {
  const base = QUEUES.map((q) => ({
    ...q,
    categories: categoriesOf(q.id),
    kind: 'comprehensive' as const,
    first: 1,
    last: 999,
    digits: 3,
  }))
  if (!local) return base
  return [
    ...base,
    {
      id: 'agri',
      name: '涉农服务',
      prefix: 'E',
      kind: 'local' as const,
      description: '涉农补贴、农机购置补贴等本地业务',
      categories: [],
      first: 1,
      last: 999,
      digits: 3,
    },
  ]
}

/** A plain 4+X hall: four comprehensive windows, weekday and weekend hours, no staff yet. */
export function defaultHallConfig(name: string): HallConfig {
  return {
    hall: { name, notice: '请按号码顺序办理，过号请到窗口说明。', utcOffsetMinutes: 480, consultPhone: null },
    server: {
      host: '0.0.0.0',
      port: 8080,
      synchronous: 'FULL',
      rateLimitPerMinute: 600,
      snapshotEvery: 5000,
    },
    queues: queues(false),
    windows: [
      { id: '1', number: 1, name: '1号窗口', queueIds: ['market', 'general'], postA: null, postB: null },
      {
        id: '2',
        number: 2,
        name: '2号窗口',
        queueIds: ['public', 'relief', 'general'],
        postA: null,
        postB: null,
      },
      {
        id: '3',
        number: 3,
        name: '3号窗口',
        queueIds: ['relief', 'public', 'general'],
        postA: null,
        postB: null,
      },
      {
        id: '4',
        number: 4,
        name: '4号窗口',
        queueIds: ['general', 'market', 'public', 'relief'],
        postA: null,
        postB: null,
      },
    ],
    staff: [],
    devices: [],
    hours: {
      workday: ['09:00', '17:00'],
      weekend: ['09:00', '12:00'],
      holiday: null,
      appointmentMinutesBefore: 60,
      appointmentMinutesAfter: 60,
    },
    calendar: { holidays: [], workdays: [] },
    priority: { elderlyAge: 70, maxConsecutivePriority: 2, preferenceMinutes: 0 },
    calling: { maxRecalls: 2 },
    rating: { timeoutSec: 120, followUpDays: 7 },
    cases: { supplementDays: 5 },
    alarms: { unstaffedGraceMinutes: 10, pauseAlertMinutes: 15, deviceOfflineSec: 30 },
    announce: { repeat: 2, voice: 'cmn-latn-pinyin', speed: 130 },
    security: { sessionHours: 12 },
  }
}

export interface DemoStaff {
  staffNo: string
  name: string
  role: 'clerk' | 'manager'
  pin: string
}

export const DEMO_STAFF: readonly DemoStaff[] = [
  { staffNo: '1001', name: '张晓梅', role: 'clerk', pin: '1001' },
  { staffNo: '1002', name: '李建国', role: 'clerk', pin: '1002' },
  { staffNo: '1003', name: '王芳', role: 'clerk', pin: '1003' },
  { staffNo: '1004', name: '赵磊', role: 'clerk', pin: '1004' },
  { staffNo: '1005', name: '孙丽', role: 'clerk', pin: '1005' },
  { staffNo: '1006', name: '周强', role: 'clerk', pin: '1006' },
  { staffNo: '9001', name: '陈主任', role: 'manager', pin: '9001' },
]

/**
 * The demo hall: 4+X queues, five windows with their A/B posts, demo staff, and an enrolled
 * device for every screen and terminal agent. Open around the clock so the demo works any time.
 */
export function demoHallConfig(): HallConfig {
  const config = defaultHallConfig('演示镇便民服务中心')
  config.hall.notice = '欢迎来到演示镇便民服务中心。请按号码顺序办理；70岁以上老人刷身份证可优先办理。'
  config.hall.consultPhone = '0533-0000000（示例）'
  config.queues = queues(true)
  config.windows = [
    { id: '1', number: 1, name: '1号窗口', queueIds: ['market', 'general'], postA: '1001', postB: '1002' },
    {
      id: '2',
      number: 2,
      name: '2号窗口',
      queueIds: ['public', 'relief', 'general'],
      postA: '1002',
      postB: '1003',
    },
    {
      id: '3',
      number: 3,
      name: '3号窗口',
      queueIds: ['relief', 'public', 'general'],
      postA: '1003',
      postB: '1004',
    },
    {
      id: '4',
      number: 4,
      name: '4号窗口',
      queueIds: ['general', 'market', 'public', 'relief'],
      postA: '1004',
      postB: '1001',
    },
    { id: '5', number: 5, name: '5号窗口', queueIds: ['agri', 'public'], postA: '1005', postB: '1006' },
  ]
  config.staff = DEMO_STAFF.map((s) => ({
    staffNo: s.staffNo,
    name: s.name,
    title: s.role === 'manager' ? '中心主任' : '综合窗口受理员',
    role: s.role,
    photoUrl: null,
  }))
  const devices: HallConfig['devices'] = [
    { id: 'kiosk-1', name: '1号取号机', role: 'kiosk', windowId: null, terminal: 'kiosk-1' },
    { id: 'agent-kiosk-1', name: '1号取号机设备代理', role: 'agent', windowId: null, terminal: 'kiosk-1' },
    { id: 'display-1', name: '大厅综合叫号屏', role: 'display', windowId: null, terminal: 'display-1' },
    { id: 'wall-1', name: '主任办公室管理大屏', role: 'wall', windowId: null, terminal: 'wall-1' },
  ]
  for (const window of config.windows) {
    const n = window.id
    devices.push(
      {
        id: `counter-${n}`,
        name: `${n}号窗口工作台`,
        role: 'counter',
        windowId: n,
        terminal: `counter-${n}`,
      },
      {
        id: `agent-counter-${n}`,
        name: `${n}号窗口设备代理`,
        role: 'agent',
        windowId: n,
        terminal: `counter-${n}`,
      },
      { id: `pad-${n}`, name: `${n}号窗口评价器`, role: 'pad', windowId: n, terminal: `counter-${n}` },
      {
        id: `window-screen-${n}`,
        name: `${n}号窗口屏`,
        role: 'window_screen',
        windowId: n,
        terminal: `counter-${n}`,
      },
    )
  }
  config.devices = devices
  config.hours = {
    workday: ['00:00', '24:00'],
    weekend: ['00:00', '24:00'],
    holiday: ['00:00', '24:00'],
    appointmentMinutesBefore: 0,
    appointmentMinutesAfter: 0,
  }
  return config
}
