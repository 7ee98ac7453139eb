/**
 * The device agent's configuration file (`/etc/hall-agent.json`): which hall server to talk to,
 * with which device token, and which devices hang off this terminal PC. Checked at start-up with a
 * TypeBox schema; every problem is listed at once, in plain Chinese, with where it is in the file,
 * so the installer fixes the file in one go (as hall-server/src/config.ts does). The type is
 * derived from the schema and never written twice.
 */

import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { type Static, Type } from 'typebox'
import { Value } from 'typebox/value'
import { evaluatorProtocols } from '../codecs/evaluator/registry.js'
import { ledProtocols } from '../codecs/led/registry.js'
import { parseTransportUrl } from '../transports/url.js'

const Url = Type.String({ minLength: 1, maxLength: 300 })
const Millis = (min: number, max: number) => Type.Integer({ minimum: min, maximum: max })

export const IdCardConfigSchema = Type.Object(
  {
    url: Url,
    /** Pause between polls of the reader; default 400 ms. */
    pollIntervalMs: Type.Optional(Millis(50, 5000)),
  },
  { additionalProperties: false },
)

export const ScannerConfigSchema = Type.Object(
  {
    url: Url,
    /** `hid`: keyboard mode (hid:vid:pid); `line`: virtual COM mode, one code per CR/LF line. */
    mode: Type.Enum(['hid', 'line']),
    /** Line mode: the scanner's configured encoding; default utf8. */
    encoding: Type.Optional(Type.Enum(['utf8', 'gbk', 'gb18030'])),
  },
  { additionalProperties: false },
)

export const PrinterConfigSchema = Type.Object(
  {
    url: Url,
    paper: Type.Enum(['80mm', '58mm']),
    /** Status poll while idle; default 15000 ms. */
    statusIntervalMs: Type.Optional(Millis(200, 600_000)),
  },
  { additionalProperties: false },
)

export const EvaluatorConfigSchema = Type.Object(
  {
    url: Url,
    /** Wire protocol id from the codec registry; default `hall-v1`. */
    protocol: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  },
  { additionalProperties: false },
)

export const LedConfigSchema = Type.Object(
  {
    url: Url,
    protocol: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    /** Bus address 0-254, or 255 to broadcast; default 1. */
    address: Type.Optional(Type.Integer({ minimum: 0, maximum: 255 })),
  },
  { additionalProperties: false },
)

export const AgentDevicesConfigSchema = Type.Object(
  {
    idcard: Type.Optional(IdCardConfigSchema),
    scanner: Type.Optional(ScannerConfigSchema),
    printer: Type.Optional(PrinterConfigSchema),
    evaluator: Type.Optional(EvaluatorConfigSchema),
    led: Type.Optional(LedConfigSchema),
  },
  { additionalProperties: false, default: {} },
)

export const AgentConfigSchema = Type.Object(
  {
    /** The hall server, e.g. `http://192.168.1.10:8080`. */
    serverUrl: Type.String({ pattern: '^https?://[^\\s/]+', maxLength: 300 }),
    /** The device token from `hallctl enroll` (or `tokenFile`, which keeps it out of this file). */
    token: Type.Optional(Type.String({ minLength: 8, maxLength: 200 })),
    tokenFile: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    /** Informational: shown in logs. The server knows the terminal from the token. */
    terminal: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    /** Heartbeat period; default 10 s. */
    heartbeatSeconds: Type.Integer({ minimum: 2, maximum: 300, default: 10 }),
    logLevel: Type.Enum(['debug', 'info', 'warn', 'error'], { default: 'info' }),
    devices: AgentDevicesConfigSchema,
  },
  { additionalProperties: false },
)

export type AgentConfig = Static<typeof AgentConfigSchema>
export type AgentDevicesConfig = Static<typeof AgentDevicesConfigSchema>

export class AgentConfigError extends Error {
  readonly code = 'AGENT_CONFIG'
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      `设备代理配置 ${file} 有 ${problems.length} 处错误：\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    )
    this.name = 'AgentConfigError'
  }
}

interface SchemaError {
  keyword: string
  instancePath: string
  params: Record<string, unknown>
  message: string
}

function where(path: string): string {
  return path === '' ? '（根）' : path.slice(1).replaceAll('/', '.')
}

function describe(error: SchemaError): string | null {
  const at = where(error.instancePath)
  const p = error.params
  switch (error.keyword) {
    // The `additionalProperties` error names the same keys, in one line.
    case 'boolean':
      return null
    case 'additionalProperties':
      return `${at}：不认识的设置项 ${(p['additionalProperties'] as string[]).join('、')}（拼写错误？）`
    case 'required':
      return `${at}：缺少 ${(p['requiredProperties'] as string[]).join('、')}`
    case 'type':
      return `${at}：类型不对（应为 ${String(p['type'])}）`
    case 'pattern':
      return `${at}：格式不对（应符合 ${String(p['pattern'])}）`
    case 'enum':
      return `${at}：只能是 ${(p['allowedValues'] as unknown[]).join('、')} 之一`
    case 'minimum':
    case 'maximum':
      return `${at}：超出范围（${error.keyword === 'minimum' ? '最小' : '最大'} ${String(p['limit'])}）`
    case 'minLength':
      return `${at}：${p['limit'] === 1 ? '不能为空' : `太短（至少 ${String(p['limit'])} 个字符）`}`
    case 'maxLength':
      return `${at}：太长（最多 ${String(p['limit'])} 个字符）`
    default:
      return `${at}：${error.message}`
  }
}

/** What the schema cannot say: one token source, device URLs that parse. */
function semanticProblems(config: AgentConfig): string[] {
  const problems: string[] = []
  if (config.token === undefined && config.tokenFile === undefined)
    problems.push('（根）：缺少 token 或 tokenFile（设备令牌，用 hallctl enroll 生成）')
  if (config.token !== undefined && config.tokenFile !== undefined)
    problems.push('（根）：token 和 tokenFile 只能填一个')
  for (const [kind, device] of Object.entries(config.devices)) {
    if (!device) continue
    try {
      parseTransportUrl(device.url)
    } catch (err) {
      problems.push(`devices.${kind}.url：无法识别的设备地址 ${device.url}（${(err as Error).message}）`)
    }
  }
  const known = (ids: object, id: string | undefined) => id === undefined || Object.hasOwn(ids, id)
  const { evaluator, led, scanner } = config.devices
  if (!known(evaluatorProtocols, evaluator?.protocol))
    problems.push(
      `devices.evaluator.protocol：没有协议 ${evaluator?.protocol}（可用：${Object.keys(evaluatorProtocols).join('、')}）`,
    )
  if (!known(ledProtocols, led?.protocol))
    problems.push(
      `devices.led.protocol：没有协议 ${led?.protocol}（可用：${Object.keys(ledProtocols).join('、')}）`,
    )
  if (scanner?.mode === 'hid' && !/^hid:|^\/dev\/hidraw/.test(scanner.url))
    problems.push('devices.scanner：键盘模式（mode: hid）的扫码枪地址应为 hid:厂商ID:产品ID 或 /dev/hidrawN')
  return problems
}

/** Checks a parsed JSON value; throws AgentConfigError listing every problem. */
export function parseAgentConfig(raw: unknown, file = '（配置）'): AgentConfig {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new AgentConfigError(file, ['（根）：应为一个 JSON 对象 { ... }'])
  const withDefaults = Value.Default(AgentConfigSchema, structuredClone(raw))
  const errors = [...Value.Errors(AgentConfigSchema, withDefaults)] as unknown as SchemaError[]
  if (errors.length > 0) {
    const lines = errors.map(describe).filter((line): line is string => line !== null)
    throw new AgentConfigError(file, [...new Set(lines)])
  }
  const config = withDefaults as AgentConfig
  const problems = semanticProblems(config)
  if (problems.length > 0) throw new AgentConfigError(file, problems)
  return config
}

/** Reads and checks the file; a relative `tokenFile` is taken relative to the config file. */
export async function loadAgentConfig(file: string): Promise<AgentConfig> {
  const path = resolve(file)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new AgentConfigError(path, [
      code === 'ENOENT'
        ? '文件不存在（可复制 deploy/agent/hall-agent.json.example 修改）'
        : `无法读取：${code ?? String(err)}`,
    ])
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    throw new AgentConfigError(path, [`不是有效的 JSON：${(err as Error).message}`])
  }
  const config = parseAgentConfig(raw, path)
  if (config.tokenFile !== undefined) config.tokenFile = resolve(dirname(path), config.tokenFile)
  return config
}

/** The device token, from the config or its token file (first line, trimmed). */
export async function resolveToken(config: AgentConfig): Promise<string> {
  if (config.token !== undefined) return config.token
  const file = config.tokenFile ?? ''
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new AgentConfigError(file, [
      code === 'EACCES'
        ? 'tokenFile：没有读取权限（令牌文件应属于运行设备代理的用户，权限 600）'
        : `tokenFile：无法读取（${code ?? String(err)}）`,
    ])
  }
  const token = text.split(/\r?\n/)[0]?.trim() ?? ''
  if (token.length < 8) throw new AgentConfigError(file, ['tokenFile：文件里没有有效的设备令牌'])
  return token
}
