/**
 * Transport URLs, as written in the agent's config:
 *
 *   serial:/dev/ttyUSB0?baud=115200     serial port (baud default 9600; `lock=false` to share)
 *   tcp://192.168.1.50:9100             TCP (port default 9100; `timeout=` connect ms)
 *   hid:/dev/hidraw0                    HID device by path
 *   hid:0c2e:0b61                       HID device by USB vendor:product id (hex, as lsusb shows)
 *   memory:NAME                         the device end of an in-memory pair (tests, demo hall)
 *   printer:NAME                        OS printer queue, through node-thermal-printer + driver
 *   lp:/dev/usb/lp0                     usblp device file, through node-thermal-printer
 *
 * Bare paths are accepted too: `/dev/usb/lp0` → lp, `/dev/hidraw0` → hid, other `/dev/...` and
 * `COM3` → serial.
 */

import { type Logger, silentLogger } from '../logger.js'
import { type HidLoader, type HidTarget, HidTransport } from './hid.js'
import { memoryPair } from './memory.js'
import { type SerialBinding, SerialTransport } from './serial.js'
import { parseTcpUrl, TcpTransport } from './tcp.js'
import { type ThermalPrinterLibLoader, ThermalPrinterLibTransport } from './thermal-printer-lib.js'
import { type Transport, TransportError, TransportErrorCode } from './transport.js'

export type TransportSpec =
  | { kind: 'serial'; path: string; baudRate?: number; lock?: boolean }
  | { kind: 'tcp'; host: string; port: number; connectTimeoutMs?: number }
  | { kind: 'hid'; target: HidTarget }
  | { kind: 'memory'; name: string }
  | { kind: 'printer-lib'; interface: string }

const bad = (url: string, why: string): TransportError =>
  new TransportError(TransportErrorCode.badUrl, `设备地址格式错误 / bad device URL "${url}": ${why}`)

function splitQuery(rest: string): [string, URLSearchParams] {
  const q = rest.indexOf('?')
  return q < 0 ? [rest, new URLSearchParams()] : [rest.slice(0, q), new URLSearchParams(rest.slice(q + 1))]
}

function positiveInt(url: string, name: string, value: string | null): number | undefined {
  if (value === null) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw bad(url, `${name} must be a positive integer`)
  return n
}

function parseHid(url: string, rest: string): HidTarget {
  const ids = /^(?:0x)?([0-9a-f]{1,4}):(?:0x)?([0-9a-f]{1,4})$/i.exec(rest)
  if (ids) return { vendorId: Number.parseInt(ids[1]!, 16), productId: Number.parseInt(ids[2]!, 16) }
  if (rest.startsWith('/')) return { path: rest }
  throw bad(url, 'expected hid:/dev/hidrawN or hid:VID:PID (hex)')
}

function parseSerial(url: string, rest: string): TransportSpec {
  const [path, q] = splitQuery(rest.replace(/^\/\/(?=\/)/, ''))
  if (!path) throw bad(url, 'missing the port path')
  const baudRate = positiveInt(url, 'baud', q.get('baud') ?? q.get('baudRate'))
  const lock = q.get('lock')
  return {
    kind: 'serial',
    path,
    ...(baudRate ? { baudRate } : {}),
    ...(lock !== null ? { lock: lock !== 'false' && lock !== '0' } : {}),
  }
}

/** Parses a transport URL; throws TRANSPORT_BAD_URL with the reason. */
export function parseTransportUrl(url: string): TransportSpec {
  const s = url.trim()
  if (s.startsWith('serial:')) return parseSerial(url, s.slice('serial:'.length))
  if (s.startsWith('tcp:')) {
    const [base, q] = splitQuery(s)
    const { host, port } = parseTcpUrl(base)
    const connectTimeoutMs = positiveInt(url, 'timeout', q.get('timeout'))
    return { kind: 'tcp', host, port, ...(connectTimeoutMs ? { connectTimeoutMs } : {}) }
  }
  if (s.startsWith('hid:')) return { kind: 'hid', target: parseHid(url, s.slice(4)) }
  if (s.startsWith('memory:')) {
    const name = s.slice('memory:'.length)
    if (!name) throw bad(url, 'memory: needs a name')
    return { kind: 'memory', name }
  }
  if (s.startsWith('printer:')) {
    if (s.length === 'printer:'.length) throw bad(url, 'printer: needs a queue name')
    return { kind: 'printer-lib', interface: s }
  }
  if (s.startsWith('lp:')) return { kind: 'printer-lib', interface: s.slice(3) }
  if (/^\/dev\/usb\/lp\d+$/.test(s)) return { kind: 'printer-lib', interface: s }
  if (/^\/dev\/hidraw\d+$/.test(s)) return { kind: 'hid', target: { path: s } }
  if (s.startsWith('/dev/') || /^COM\d+$/i.test(s)) return parseSerial(url, s)
  throw bad(url, 'unknown scheme (serial:, tcp://, hid:, memory:, printer:, lp:)')
}

export interface CreateTransportOptions {
  logger?: Logger
  /** Serial binding override (tests: MockBinding). */
  binding?: SerialBinding
  /** Baud rate when the URL has none (each device kind knows its usual rate). */
  defaultBaudRate?: number
  /** node-hid loader override. */
  hidLoader?: HidLoader
  /** Spooler driver module for `printer:NAME`. */
  printerDriver?: object
  printerLibLoader?: ThermalPrinterLibLoader
}

/** A closed transport for `url`; the device that owns it opens it (and reopens it after unplugs). */
export function createTransport(url: string, options: CreateTransportOptions = {}): Transport {
  const spec = parseTransportUrl(url)
  const logger = (options.logger ?? silentLogger).child('transport')
  switch (spec.kind) {
    case 'serial':
      return new SerialTransport({
        logger,
        path: spec.path,
        baudRate: spec.baudRate ?? options.defaultBaudRate ?? 9600,
        ...(spec.lock !== undefined ? { lock: spec.lock } : {}),
        ...(options.binding ? { binding: options.binding } : {}),
      })
    case 'tcp':
      return new TcpTransport({
        logger,
        host: spec.host,
        port: spec.port,
        ...(spec.connectTimeoutMs ? { connectTimeoutMs: spec.connectTimeoutMs } : {}),
      })
    case 'hid':
      return new HidTransport({
        logger,
        target: spec.target,
        ...(options.hidLoader ? { loader: options.hidLoader } : {}),
      })
    case 'memory':
      return memoryPair(spec.name)[0]
    case 'printer-lib':
      return new ThermalPrinterLibTransport({
        logger,
        interface: spec.interface,
        ...(options.printerDriver ? { driver: options.printerDriver } : {}),
        ...(options.printerLibLoader ? { loader: options.printerLibLoader } : {}),
      })
  }
}

/** `createTransport` then `open()`. */
export async function openTransport(url: string, options: CreateTransportOptions = {}): Promise<Transport> {
  const transport = createTransport(url, options)
  await transport.open()
  return transport
}
