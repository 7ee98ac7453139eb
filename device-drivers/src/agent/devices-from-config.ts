/**
 * The agent's devices from the `devices` section of its config: a transport from each URL (with
 * the device kind's usual baud rate when the URL names none) and the device on top of it.
 */

import type { ReconnectPolicy } from '../devices/device.js'
import { EvaluatorBox } from '../devices/evaluator-box.js'
import { IdCardReader } from '../devices/idcard-reader.js'
import { LedScreen } from '../devices/led-screen.js'
import { Scanner } from '../devices/scanner.js'
import { ThermalPrinter } from '../devices/thermal-printer.js'
import { type Logger, silentLogger } from '../logger.js'
import { type CreateTransportOptions, createTransport } from '../transports/url.js'
import type { AgentDevices } from './attached-health.js'
import type { AgentDevicesConfig } from './config.js'

export interface DevicesFromConfigOptions {
  logger?: Logger
  /** Device reconnect policy (tests and the demo use a quick one). */
  reconnect?: Partial<ReconnectPolicy>
  /** Passed to every `createTransport` (tests: a serial MockBinding). */
  transport?: Omit<CreateTransportOptions, 'logger' | 'defaultBaudRate'>
  /** Evaluator heartbeat timeout; default the device's 30 s. */
  evaluatorHeartbeatTimeoutMs?: number
  /** LED status poll; default the device's 30 s. */
  ledStatusIntervalMs?: number
}

/** GA 467 readers default to 115200; scanners, boxes and strip screens to 9600. */
const BAUD = { idcard: 115_200, scanner: 9600, evaluator: 9600, led: 9600 } as const

export function createAgentDevices(
  config: AgentDevicesConfig,
  options: DevicesFromConfigOptions = {},
): AgentDevices {
  const logger = options.logger ?? silentLogger
  const common = (name: string) => ({
    name,
    logger: logger.child(name),
    ...(options.reconnect ? { reconnect: options.reconnect } : {}),
  })
  const transport = (url: string, kind: keyof typeof BAUD | 'printer') =>
    createTransport(url, {
      ...options.transport,
      logger: logger.child(kind),
      ...(kind === 'printer' ? {} : { defaultBaudRate: BAUD[kind] }),
    })
  const devices: AgentDevices = {}
  const { idcard, scanner, printer, evaluator, led } = config
  if (idcard) {
    devices.idcard = new IdCardReader({
      ...common('idcard'),
      transport: transport(idcard.url, 'idcard'),
      ...(idcard.pollIntervalMs ? { pollIntervalMs: idcard.pollIntervalMs } : {}),
    })
  }
  if (scanner) {
    devices.scanner = new Scanner({
      ...common('scanner'),
      transport: transport(scanner.url, 'scanner'),
      mode: scanner.mode,
      ...(scanner.encoding ? { encoding: scanner.encoding } : {}),
    })
  }
  if (printer) {
    devices.printer = new ThermalPrinter({
      ...common('printer'),
      transport: transport(printer.url, 'printer'),
      ...(printer.statusIntervalMs ? { statusIntervalMs: printer.statusIntervalMs } : {}),
    })
  }
  if (evaluator) {
    devices.evaluator = new EvaluatorBox({
      ...common('evaluator'),
      transport: transport(evaluator.url, 'evaluator'),
      ...(evaluator.protocol ? { protocol: evaluator.protocol } : {}),
      ...(options.evaluatorHeartbeatTimeoutMs
        ? { heartbeatTimeoutMs: options.evaluatorHeartbeatTimeoutMs }
        : {}),
    })
  }
  if (led) {
    devices.led = new LedScreen({
      ...common('led'),
      transport: transport(led.url, 'led'),
      ...(led.protocol ? { protocol: led.protocol } : {}),
      ...(led.address !== undefined ? { address: led.address } : {}),
      ...(options.ledStatusIntervalMs !== undefined ? { statusIntervalMs: options.ledStatusIntervalMs } : {}),
    })
  }
  return devices
}
