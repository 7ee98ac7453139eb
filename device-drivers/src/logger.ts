/**
 * The logger every transport, device and simulator takes. Drivers never write to the console:
 * the process that owns them (the device agent, a test, the demo hall) decides where logs go.
 *
 * Personal data never goes into a log in clear. Callers pass no names or ID numbers; as a second
 * line of defence `consoleLogger` redacts fields whose key names personal data and masks anything
 * shaped like a citizen ID number in every string it writes.
 */

import { maskIdNumber } from './codecs/idcard/index.js'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Readonly<Record<string, unknown>>

export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
  /** A logger whose namespace is this one's plus `:namespace`, e.g. `agent:printer`. */
  child(namespace: string): Logger
}

const noop = (): void => {}

/** Drops everything: the default for drivers and tests. */
export const silentLogger: Logger = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => silentLogger,
}

const LEVELS: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 }

/** Field keys whose values are personal data: replaced by `[redacted]`, whatever their value. */
const PERSONAL_KEYS =
  /^(name|chinese_?name|english_?name|id_?number|idcard|id_?card_?number|address|birth_?date|pass_?number|phone)$/i
/** A citizen ID number (GB 11643) or a residence permit / permanent residence card number. */
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g

const maskIds = (s: string): string => s.replace(ID_NUMBER, (m) => maskIdNumber(m))

/** Makes a value safe to log: masks ID numbers, redacts personal keys, flattens errors. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskIds(value)
  if (value === null || typeof value !== 'object') return value
  if (depth > 4) return '[…]'
  if (value instanceof Uint8Array) return `<${value.length} bytes>`
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code
    return { name: value.name, message: maskIds(value.message), ...(code !== undefined ? { code } : {}) }
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    out[k] = PERSONAL_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1)
  }
  return out
}

export interface ConsoleLoggerOptions {
  /** Lowest level written; default `info`, or `debug` when HALL_LOG_LEVEL=debug. */
  level?: LogLevel
  /** Where the JSON lines go; default `process.stderr`. */
  stream?: { write(line: string): unknown }
  /** Clock, for tests. */
  now?: () => Date
}

function envLevel(): LogLevel | undefined {
  const v = process.env.HALL_LOG_LEVEL
  return v === 'debug' || v === 'info' || v === 'warn' || v === 'error' ? v : undefined
}

/**
 * Writes one JSON object per line to stderr: `{"time","level","ns","msg",...fields}`. This is
 * the one place in device-drivers that writes process output.
 */
export function consoleLogger(namespace = 'hall', options: ConsoleLoggerOptions = {}): Logger {
  const min = LEVELS[options.level ?? envLevel() ?? 'info']
  const stream = options.stream ?? process.stderr
  const now = options.now ?? (() => new Date())
  const write =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      if (LEVELS[level] < min) return
      const safe = fields ? (redact(fields) as Record<string, unknown>) : {}
      const line = { time: now().toISOString(), level, ns: namespace, msg: maskIds(message), ...safe }
      stream.write(`${JSON.stringify(line)}\n`)
    }
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (ns) => consoleLogger(`${namespace}:${ns}`, { ...options, level: options.level ?? envLevel() }),
  }
}

/** Collects entries in memory; for tests that check what was (and was not) logged. */
export function memoryLogger(namespace = 'test'): Logger & {
  entries: { level: LogLevel; ns: string; msg: string; fields?: LogFields }[]
} {
  const entries: { level: LogLevel; ns: string; msg: string; fields?: LogFields }[] = []
  const make = (ns: string): Logger => {
    const at =
      (level: LogLevel) =>
      (msg: string, fields?: LogFields): void => {
        entries.push(fields ? { level, ns, msg, fields } : { level, ns, msg })
      }
    return {
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
      child: (child) => make(`${ns}:${child}`),
    }
  }
  return Object.assign(make(namespace), { entries })
}
