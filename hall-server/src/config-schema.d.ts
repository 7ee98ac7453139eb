import { type Static, Type } from 'typebox'
export declare const QueueSchema: Type.TObject<{
  id: Type.TString
  name: Type.TString
  prefix: Type.TString
  kind: Type.TEnum<['comprehensive', 'local']>
  description: Type.TString
  first: Type.TInteger
  last: Type.TInteger
  digits: Type.TInteger
  categories: Type.TArray<Type.TString>
}>
export declare const WindowSchema: Type.TObject<{
  id: Type.TString
  number: Type.TInteger
  name: Type.TString
  queueIds: Type.TArray<Type.TString>
  postA: Type.TUnion<[Type.TString, Type.TNull]>
  postB: Type.TUnion<[Type.TString, Type.TNull]>
}>
export declare const StaffSchema: Type.TObject<{
  staffNo: Type.TString
  name: Type.TString
  title: Type.TString
  role: Type.TEnum<['clerk', 'manager']>
  photoUrl: Type.TUnion<[Type.TString, Type.TNull]>
}>
export declare const DeviceSchema: Type.TObject<{
  id: Type.TString
  name: Type.TString
  role: Type.TEnum<['kiosk', 'counter', 'pad', 'display', 'window_screen', 'wall', 'agent']>
  windowId: Type.TUnion<[Type.TString, Type.TNull]>
  terminal: Type.TUnion<[Type.TString, Type.TNull]>
}>
export declare const HallConfigSchema: Type.TObject<{
  hall: Type.TObject<{
    name: Type.TString
    notice: Type.TString
    utcOffsetMinutes: Type.TInteger
    consultPhone: Type.TUnion<[Type.TString, Type.TNull]>
  }>
  server: Type.TObject<{
    host: Type.TString
    port: Type.TInteger
    synchronous: Type.TEnum<['FULL', 'NORMAL']>
    /** Requests per minute per client on the public and device endpoints. */
    rateLimitPerMinute: Type.TInteger
    snapshotEvery: Type.TInteger
  }>
  queues: Type.TArray<
    Type.TObject<{
      id: Type.TString
      name: Type.TString
      prefix: Type.TString
      kind: Type.TEnum<['comprehensive', 'local']>
      description: Type.TString
      first: Type.TInteger
      last: Type.TInteger
      digits: Type.TInteger
      categories: Type.TArray<Type.TString>
    }>
  >
  windows: Type.TArray<
    Type.TObject<{
      id: Type.TString
      number: Type.TInteger
      name: Type.TString
      queueIds: Type.TArray<Type.TString>
      postA: Type.TUnion<[Type.TString, Type.TNull]>
      postB: Type.TUnion<[Type.TString, Type.TNull]>
    }>
  >
  staff: Type.TArray<
    Type.TObject<{
      staffNo: Type.TString
      name: Type.TString
      title: Type.TString
      role: Type.TEnum<['clerk', 'manager']>
      photoUrl: Type.TUnion<[Type.TString, Type.TNull]>
    }>
  >
  devices: Type.TArray<
    Type.TObject<{
      id: Type.TString
      name: Type.TString
      role: Type.TEnum<['kiosk', 'counter', 'pad', 'display', 'window_screen', 'wall', 'agent']>
      windowId: Type.TUnion<[Type.TString, Type.TNull]>
      terminal: Type.TUnion<[Type.TString, Type.TNull]>
    }>
  >
  hours: Type.TObject<{
    workday: Type.TUnion<[Type.TTuple<[Type.TString, Type.TString]>, Type.TNull]>
    weekend: Type.TUnion<[Type.TTuple<[Type.TString, Type.TString]>, Type.TNull]>
    holiday: Type.TUnion<[Type.TTuple<[Type.TString, Type.TString]>, Type.TNull]>
    appointmentMinutesBefore: Type.TInteger
    appointmentMinutesAfter: Type.TInteger
  }>
  calendar: Type.TObject<{
    holidays: Type.TArray<Type.TString>
    workdays: Type.TArray<Type.TString>
  }>
  priority: Type.TObject<{
    elderlyAge: Type.TInteger
    maxConsecutivePriority: Type.TInteger
    preferenceMinutes: Type.TInteger
  }>
  calling: Type.TObject<{
    maxRecalls: Type.TInteger
  }>
  rating: Type.TObject<{
    timeoutSec: Type.TInteger
    followUpDays: Type.TInteger
  }>
  cases: Type.TObject<{
    supplementDays: Type.TInteger
  }>
  alarms: Type.TObject<{
    unstaffedGraceMinutes: Type.TInteger
    pauseAlertMinutes: Type.TInteger
    deviceOfflineSec: Type.TInteger
  }>
  security: Type.TObject<{
    /** Base64 of 32 bytes; if absent, `hall.key` in the data directory is used (created once). */
    key: Type.TOptional<Type.TString>
    sessionHours: Type.TInteger
  }>
}>
export type HallConfig = Static<typeof HallConfigSchema>
export type DeviceConfig = Static<typeof DeviceSchema>
