import { type Static, Type } from 'typebox'
import { Nullable } from './views.js'
import { DAY_UNITS } from './vocabulary.js'

/**
 * A service item (事项) with its guide (办事指南). The elements follow 淄川区镇村便民服务标准化管理办法
 * §30: name, type, basis, department, conditions, legal and promised time limits, result, fees and
 * their basis, materials, process, review standard, appointment, consultation, complaint.
 */
export const GuideMaterial = Type.Object({
  name: Type.String({ minLength: 1 }),
  required: Type.Boolean(),
  copies: Nullable(Type.String()),
  note: Nullable(Type.String()),
})
export type GuideMaterial = Static<typeof GuideMaterial>

export const ServiceSummary = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  category: Type.String(),
  name: Type.String(),
  itemType: Type.String(),
  queueId: Nullable(Type.String()),
  /** Pinyin initials of the name, for search on the kiosk (户口 -> hk). */
  initials: Type.String(),
})
export type ServiceSummary = Static<typeof ServiceSummary>

export const DayUnitSchema = Type.Enum(DAY_UNITS)

export const ServiceGuide = Type.Object({
  ...ServiceSummary.properties,
  basis: Nullable(Type.String()),
  department: Nullable(Type.String()),
  conditions: Nullable(Type.String()),
  legalDays: Nullable(Type.Integer({ minimum: 0 })),
  legalDayUnit: DayUnitSchema,
  promisedDays: Nullable(Type.Integer({ minimum: 0 })),
  promisedDayUnit: DayUnitSchema,
  resultName: Nullable(Type.String()),
  fees: Nullable(Type.String()),
  feeBasis: Nullable(Type.String()),
  materials: Type.Array(GuideMaterial),
  process: Nullable(Type.String()),
  reviewStandard: Nullable(Type.String()),
  appointment: Nullable(Type.String()),
  consultation: Nullable(Type.String()),
  complaint: Nullable(Type.String()),
})
export type ServiceGuide = Static<typeof ServiceGuide>
