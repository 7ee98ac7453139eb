import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { AlarmPolicy, DomainConfig } from '@hall/domain'
import { parseClock } from '@hall/domain'
import { WINDOW_BOUND_ROLES } from '@hall/protocol'
import { Value } from 'typebox/value'
import { type HallConfig, HallConfigSchema } from './config-schema.js'

export type { DeviceConfig, HallConfig } from './config-schema.js'

/**
 * Loading and checking the hall configuration. Every problem is reported at once, in plain words,
 * with where it is in the file, so the technician can fix the file in one go.
 */

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`配置文件 ${file} 有 ${problems.length} 处错误：\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

function describe(error: {
  keyword: string
  instancePath: string
  params: Record<string, unknown>
  message: string
}) {
  const where = error.instancePath === '' ? '（根）' : error.instancePath.slice(1).replaceAll('/', '.')
  switch (error.keyword) {
    case 'required':
      return `${where}：缺少 ${(error.params['requiredProperties'] as string[]).join('、')}`
    case 'type':
      return `${where}：类型不对（应为 ${String(error.params['type'])}）`
    case 'pattern':
      return `${where}：格式不对（应符合 ${String(error.params['pattern'])}）`
    case 'enum':
      return `${where}：只能是 ${(error.params['allowedValues'] as unknown[]).join('、')} 之一`
    case 'minimum':
    case 'maximum':
      return `${where}：超出范围（${error.keyword === 'minimum' ? '最小' : '最大'} ${String(error.params['limit'])}）`
    case 'minItems':
      return `${where}：至少需要 ${String(error.params['limit'])} 项`
    case 'minLength':
      return `${where}：不能为空`
    case 'maxLength':
      return `${where}：太长（最多 ${String(error.params['limit'])} 个字符）`
    default:
      return `${where}：${error.message}`
  }
}

function duplicates<T>(items: T[], key: (item: T) => string | number): string[] {
  const seen = new Set<string | number>()
  const repeated = new Set<string | number>()
  for (const item of items) {
    const k = key(item)
    if (seen.has(k)) repeated.add(k)
    seen.add(k)
  }
  return [...repeated].map(String)
}

/** Cross-references the schema cannot express. */
function semanticProblems(config: HallConfig): string[] {
  const problems: string[] = []
  const queueIds = new Set(config.queues.map((q) => q.id))
  const windowIds = new Set(config.windows.map((w) => w.id))
  const staffNos = new Set(config.staff.map((s) => s.staffNo))
  for (const id of duplicates(config.queues, (q) => q.id)) problems.push(`queues：队列编号 ${id} 重复`)
  for (const p of duplicates(config.queues, (q) => q.prefix)) problems.push(`queues：号码前缀 ${p} 重复`)
  config.queues.forEach((q, i) => {
    if (q.last < q.first) problems.push(`queues.${i}：last（${q.last}）小于 first（${q.first}）`)
    if (String(q.last).length > q.digits) problems.push(`queues.${i}：号码 ${q.last} 超过 ${q.digits} 位`)
  })
  for (const id of duplicates(config.windows, (w) => w.id)) problems.push(`windows：窗口编号 ${id} 重复`)
  for (const n of duplicates(config.windows, (w) => w.number)) problems.push(`windows：窗口号 ${n} 重复`)
  config.windows.forEach((w, i) => {
    for (const q of w.queueIds) if (!queueIds.has(q)) problems.push(`windows.${i}.queueIds：没有队列 ${q}`)
    for (const post of ['postA', 'postB'] as const) {
      const no = w[post]
      if (no !== null && !staffNos.has(no)) problems.push(`windows.${i}.${post}：没有工号 ${no} 的工作人员`)
    }
  })
  for (const no of duplicates(config.staff, (s) => s.staffNo)) problems.push(`staff：工号 ${no} 重复`)
  for (const id of duplicates(config.devices, (d) => d.id)) problems.push(`devices：设备编号 ${id} 重复`)
  config.devices.forEach((d, i) => {
    const needsWindow = WINDOW_BOUND_ROLES.includes(d.role)
    if (needsWindow && d.windowId === null) problems.push(`devices.${i}：${d.role} 设备必须指定 windowId`)
    if (d.windowId !== null && !windowIds.has(d.windowId))
      problems.push(`devices.${i}.windowId：没有窗口 ${d.windowId}`)
    if (d.role === 'agent' && d.terminal === null) problems.push(`devices.${i}：设备代理必须指定 terminal`)
  })
  for (const kind of ['workday', 'weekend', 'holiday'] as const) {
    const day = config.hours[kind]
    if (day && parseClock(day[0]) >= parseClock(day[1]))
      problems.push(`hours.${kind}：开始时间须早于结束时间`)
  }
  if (config.security.key !== undefined && Buffer.from(config.security.key, 'base64').length !== 32) {
    problems.push('security.key：应为 32 字节密钥的 base64')
  }
  return problems
}

export function parseConfig(raw: unknown, file: string): HallConfig {
  const withDefaults = Value.Default(HallConfigSchema, structuredClone(raw))
  const errors = [...Value.Errors(HallConfigSchema, withDefaults)]
  if (errors.length > 0) {
    throw new ConfigError(file, [
      ...new Set(errors.map((e) => describe(e as Parameters<typeof describe>[0]))),
    ])
  }
  const config = withDefaults as HallConfig
  const problems = semanticProblems(config)
  if (problems.length > 0) throw new ConfigError(file, problems)
  return config
}

export async function loadConfig(file: string): Promise<HallConfig> {
  const path = resolve(file)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ConfigError(path, [
      code === 'ENOENT' ? '文件不存在（可用 hallctl init 生成）' : `无法读取：${code}`,
    ])
  }
  return parseConfigText(text, path)
}

/** hall.json's text, parsed and validated; every problem is in the ConfigError. */
export function parseConfigText(text: string, path: string): HallConfig {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new ConfigError(path, [`不是有效的 JSON：${(error as Error).message}`])
  }
  return parseConfig(raw, path)
}

export function domainConfig(config: HallConfig): DomainConfig {
  return {
    hallName: config.hall.name,
    utcOffsetMinutes: config.hall.utcOffsetMinutes,
    queues: config.queues,
    windows: config.windows,
    staff: config.staff,
    priority: config.priority,
    hours: config.hours,
    maxRecalls: config.calling.maxRecalls,
    ratingTimeoutSec: config.rating.timeoutSec,
    followUpDays: config.rating.followUpDays,
    supplementDays: config.cases.supplementDays,
  }
}

export function alarmPolicy(config: HallConfig): AlarmPolicy {
  return {
    unstaffedGraceMinutes: config.alarms.unstaffedGraceMinutes,
    pauseAlertMinutes: config.alarms.pauseAlertMinutes,
  }
}

/** Where the server keeps its files, from the environment with defaults. */
export interface Paths {
  dataDir: string
  configFile: string
  dbFile: string
  keyFile: string
}

export function pathsFrom(env: NodeJS.ProcessEnv, dataDirArg?: string): Paths {
  const dataDir = resolve(dataDirArg ?? env['HALL_DATA_DIR'] ?? 'data')
  return {
    dataDir,
    configFile: resolve(env['HALL_CONFIG'] ?? `${dataDir}/hall.json`),
    dbFile: `${dataDir}/hall.sqlite`,
    keyFile: `${dataDir}/hall.key`,
  }
}
