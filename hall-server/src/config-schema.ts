import { DEFAULT_CALLING_RULE } from '@hall/domain'
import { DEVICE_ROLES } from '@hall/protocol'
import { type Static, Type } from 'typebox'

/**
 * The hall configuration file (`hall.json`): everything a hall sets once and an installer edits.
 * The types are derived from this schema; the defaults live here too.
 */

const Id = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' })
const Clock = Type.String({ pattern: '^([01]\\d|2[0-4]):[0-5]\\d$' })
const DayHours = Type.Union([Type.Tuple([Clock, Clock]), Type.Null()])
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })

export const QueueSchema = Type.Object({
  id: Id,
  name: Type.String({ minLength: 1, maxLength: 20 }),
  prefix: Type.String({ pattern: '^[A-Z]{1,2}$' }),
  kind: Type.Enum(['comprehensive', 'local'], { default: 'comprehensive' }),
  description: Type.String({ maxLength: 200, default: '' }),
  first: Type.Integer({ minimum: 0, default: 1 }),
  last: Type.Integer({ minimum: 1, default: 999 }),
  digits: Type.Integer({ minimum: 1, maximum: 6, default: 3 }),
  categories: Type.Array(Type.String(), { default: [] }),
})

export const WindowSchema = Type.Object({
  id: Id,
  number: Type.Integer({ minimum: 1, maximum: 999 }),
  name: Type.String({ minLength: 1, maxLength: 20 }),
  queueIds: Type.Array(Id, { minItems: 1 }),
  postA: Type.Union([Type.String(), Type.Null()], { default: null }),
  postB: Type.Union([Type.String(), Type.Null()], { default: null }),
})

export const StaffSchema = Type.Object({
  staffNo: Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' }),
  name: Type.String({ minLength: 1, maxLength: 30 }),
  title: Type.String({ maxLength: 30, default: '综合窗口' }),
  role: Type.Enum(['clerk', 'manager'], { default: 'clerk' }),
  photoUrl: Type.Union([Type.String(), Type.Null()], { default: null }),
})

export const DeviceSchema = Type.Object({
  id: Id,
  name: Type.String({ minLength: 1, maxLength: 40 }),
  role: Type.Enum(DEVICE_ROLES),
  windowId: Type.Union([Id, Type.Null()], { default: null }),
  terminal: Type.Union([Id, Type.Null()], { default: null }),
})

export const HallConfigSchema = Type.Object({
  hall: Type.Object({
    name: Type.String({ minLength: 1, maxLength: 60 }),
    notice: Type.String({ maxLength: 500, default: '' }),
    utcOffsetMinutes: Type.Integer({ minimum: -720, maximum: 840, default: 480 }),
    consultPhone: Type.Union([Type.String(), Type.Null()], { default: null }),
  }),
  server: Type.Object(
    {
      host: Type.String({ default: '0.0.0.0' }),
      port: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
      synchronous: Type.Enum(['FULL', 'NORMAL'], { default: 'FULL' }),
      /** Requests per minute per client on the public and device endpoints. */
      rateLimitPerMinute: Type.Integer({ minimum: 10, default: 600 }),
      snapshotEvery: Type.Integer({ minimum: 100, default: 5000 }),
    },
    { default: {} },
  ),
  queues: Type.Array(QueueSchema, { minItems: 1 }),
  windows: Type.Array(WindowSchema, { minItems: 1 }),
  staff: Type.Array(StaffSchema, { default: [] }),
  devices: Type.Array(DeviceSchema, { default: [] }),
  hours: Type.Object(
    {
      workday: DayHours,
      weekend: DayHours,
      holiday: DayHours,
      appointmentMinutesBefore: Type.Integer({ minimum: 0, maximum: 240, default: 60 }),
      appointmentMinutesAfter: Type.Integer({ minimum: 0, maximum: 240, default: 60 }),
    },
    { default: { workday: ['09:00', '17:00'], weekend: ['09:00', '12:00'], holiday: null } },
  ),
  calendar: Type.Object(
    { holidays: Type.Array(DateText, { default: [] }), workdays: Type.Array(DateText, { default: [] }) },
    { default: {} },
  ),
  priority: Type.Object(
    {
      elderlyAge: Type.Integer({ minimum: 50, maximum: 100, default: 70 }),
      maxConsecutivePriority: Type.Integer({
        minimum: 1,
        maximum: 20,
        default: DEFAULT_CALLING_RULE.maxConsecutivePriority,
      }),
      preferenceMinutes: Type.Integer({
        minimum: 0,
        maximum: 240,
        default: DEFAULT_CALLING_RULE.preferenceMinutes,
      }),
    },
    { default: {} },
  ),
  calling: Type.Object(
    {
      maxRecalls: Type.Integer({
        minimum: 0,
        maximum: 10,
        default: 2,
        description: '重呼次数上限；重呼满此次数仍未到窗口的号码，呼叫下一位时按过号处理',
      }),
    },
    { default: {} },
  ),
  rating: Type.Object(
    {
      timeoutSec: Type.Integer({ minimum: 10, maximum: 3600, default: 120 }),
      followUpDays: Type.Integer({ minimum: 1, maximum: 60, default: 7 }),
    },
    { default: {} },
  ),
  cases: Type.Object(
    { supplementDays: Type.Integer({ minimum: 1, maximum: 90, default: 5 }) },
    { default: {} },
  ),
  alarms: Type.Object(
    {
      unstaffedGraceMinutes: Type.Integer({ minimum: 0, default: 10 }),
      pauseAlertMinutes: Type.Integer({ minimum: 1, default: 15 }),
      deviceOfflineSec: Type.Integer({ minimum: 5, default: 30 }),
    },
    { default: {} },
  ),
  announce: Type.Object(
    {
      repeat: Type.Integer({ minimum: 1, maximum: 5, default: 2 }),
      voice: Type.String({ default: 'cmn-latn-pinyin' }),
      /** espeak-ng words per minute; slower is clearer for the elderly. */
      speed: Type.Integer({ minimum: 80, maximum: 300, default: 130 }),
    },
    { default: {} },
  ),
  security: Type.Object(
    {
      /** Base64 of 32 bytes; if absent, `hall.key` in the data directory is used (created once). */
      key: Type.Optional(Type.String()),
      sessionHours: Type.Integer({ minimum: 1, maximum: 24, default: 12 }),
    },
    { default: {} },
  ),
})

export type HallConfig = Static<typeof HallConfigSchema>
export type DeviceConfig = Static<typeof DeviceSchema>
