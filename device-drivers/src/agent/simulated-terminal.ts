/**
 * A SIMULATED terminal PC, for tests and the demo hall: the simulated devices of one terminal
 * (printer simulator on a TCP port; ID card reader, scanner, evaluator box and LED screen
 * simulators on socat pty pairs) and a real Agent configured with their URLs, exactly as it
 * would be with hardware. The controls stand in for a citizen's hands: place a card, scan a
 * code, press a rating button; and for their eyes: printed jobs, the LED screen's text.
 *
 * Without socat the pty-based simulators cannot run: they are left out and listed in `missing`.
 */

import type { PaperWidth } from '../codecs/escpos/constants.js'
import type { BadRatingReason, RatingLevel } from '../codecs/evaluator/index.js'
import type { IdCardRecord } from '../codecs/idcard/index.js'
import type { ReconnectPolicy } from '../devices/device.js'
import { type Logger, silentLogger } from '../logger.js'
import { EvaluatorBoxSimulator } from '../simulators/evaluator-box-simulator.js'
import { IdCardReaderSimulator } from '../simulators/idcard-reader-simulator.js'
import { LedScreenSimulator } from '../simulators/led-screen-simulator.js'
import { type PtySimulator, startOnPty } from '../simulators/on-pty.js'
import { PrinterSimulator, type SimulatedJob } from '../simulators/printer-simulator.js'
import { PtyPairError } from '../simulators/pty-pair.js'
import { ScannerSimulator } from '../simulators/scanner-simulator.js'
import type { Transport } from '../transports/transport.js'
import { Agent, type AgentOptions } from './agent.js'
import type { AgentDevicesConfig } from './config.js'
import { createAgentDevices } from './devices-from-config.js'

export type SimulatedDeviceKind = 'idcard' | 'scanner' | 'printer' | 'evaluator' | 'led'

export interface SimulatedTerminalOptions {
  serverUrl: string
  /** The agent's device token. */
  token: string
  /** Terminal id, for logs and the control page. */
  terminal: string
  /** Which simulated devices to attach; default all five. */
  devices?: readonly SimulatedDeviceKind[]
  paper?: PaperWidth
  /** Printed jobs are written here as job-0001.txt / .svg. */
  printOutDir?: string
  /** Printer simulator port; default 0 (any free port). */
  printerPort?: number
  logger?: Logger
  /** Quick polls, heartbeats and reconnects, for tests. */
  fast?: boolean
  agent?: Partial<
    Pick<AgentOptions, 'heartbeatIntervalMs' | 'reconnect' | 'cardMaxAgeMs' | 'ackTimeoutMs' | 'clock'>
  >
}

const ALL: readonly SimulatedDeviceKind[] = ['idcard', 'scanner', 'printer', 'evaluator', 'led']
const FAST_RECONNECT: Partial<ReconnectPolicy> = { initialDelayMs: 50, maxDelayMs: 500, jitter: 0 }
const DEMO_RECONNECT: Partial<ReconnectPolicy> = { initialDelayMs: 300, maxDelayMs: 3000 }

type Stoppable = { stop(): Promise<void> }

export class SimulatedTerminal {
  readonly terminal: string
  readonly agent: Agent
  readonly printer: PrinterSimulator | null
  /** What could not be simulated here and why, in Chinese (e.g. socat missing). */
  readonly missing: string[]
  private readonly reader: PtySimulator<IdCardReaderSimulator> | null
  private readonly scanner: PtySimulator<ScannerSimulator> | null
  private readonly box: PtySimulator<EvaluatorBoxSimulator> | null
  private readonly screen: PtySimulator<LedScreenSimulator> | null
  private stopped = false

  private constructor(parts: {
    terminal: string
    agent: Agent
    printer: PrinterSimulator | null
    missing: string[]
    reader: PtySimulator<IdCardReaderSimulator> | null
    scanner: PtySimulator<ScannerSimulator> | null
    box: PtySimulator<EvaluatorBoxSimulator> | null
    screen: PtySimulator<LedScreenSimulator> | null
  }) {
    this.terminal = parts.terminal
    this.agent = parts.agent
    this.printer = parts.printer
    this.missing = parts.missing
    this.reader = parts.reader
    this.scanner = parts.scanner
    this.box = parts.box
    this.screen = parts.screen
  }

  static async start(options: SimulatedTerminalOptions): Promise<SimulatedTerminal> {
    const log = (options.logger ?? silentLogger).child(`sim:${options.terminal}`)
    const want = new Set(options.devices ?? ALL)
    const fast = options.fast ?? false
    const started: Stoppable[] = []
    const missing: string[] = []
    let noSocat = false
    const onPty = async <S extends { start(): Promise<void>; stop(): Promise<void> }>(
      kind: SimulatedDeviceKind,
      label: string,
      make: (transport: Transport) => S,
    ): Promise<PtySimulator<S> | null> => {
      if (!want.has(kind)) return null
      if (noSocat) {
        missing.push(`${label}（需要 socat）`)
        return null
      }
      try {
        const sim = await startOnPty(make, { logger: log })
        started.push(sim)
        return sim
      } catch (err) {
        if (!(err instanceof PtyPairError)) throw err
        noSocat = /socat/.test(err.message)
        missing.push(`${label}（${noSocat ? '需要 socat：apt-get install socat' : err.message}）`)
        return null
      }
    }
    try {
      let printer: PrinterSimulator | null = null
      if (want.has('printer')) {
        printer = new PrinterSimulator({
          port: options.printerPort ?? 0,
          paper: options.paper ?? '80mm',
          logger: log,
          ...(options.printOutDir ? { outDir: options.printOutDir } : {}),
        })
        await printer.start()
        started.push(printer)
      }
      const reader = await onPty(
        'idcard',
        '身份证阅读器',
        (transport) => new IdCardReaderSimulator({ transport }),
      )
      const scanner = await onPty('scanner', '扫码枪', (transport) => new ScannerSimulator({ transport }))
      const box = await onPty(
        'evaluator',
        '评价器',
        (transport) =>
          new EvaluatorBoxSimulator({ transport, heartbeatIntervalMs: fast ? 1000 : 10_000, logger: log }),
      )
      const screen = await onPty(
        'led',
        '窗口屏',
        (transport) => new LedScreenSimulator({ transport, logger: log }),
      )

      const config: AgentDevicesConfig = {}
      if (reader)
        config.idcard = { url: `serial:${reader.devicePath}?baud=115200`, pollIntervalMs: fast ? 100 : 300 }
      if (scanner) config.scanner = { url: `serial:${scanner.devicePath}`, mode: 'line' }
      if (printer)
        config.printer = {
          url: printer.url,
          paper: options.paper ?? '80mm',
          statusIntervalMs: fast ? 300 : 3000,
        }
      if (box) config.evaluator = { url: `serial:${box.devicePath}` }
      if (screen) config.led = { url: `serial:${screen.devicePath}` }
      const devices = createAgentDevices(config, {
        logger: log,
        reconnect: fast ? FAST_RECONNECT : DEMO_RECONNECT,
        ...(fast ? { ledStatusIntervalMs: 0 } : {}),
      })
      const agent = new Agent({
        serverUrl: options.serverUrl,
        token: options.token,
        terminal: options.terminal,
        devices,
        paper: options.paper ?? '80mm',
        logger: log,
        ...(fast ? { heartbeatIntervalMs: 2000, reconnect: { initialDelayMs: 100, maxDelayMs: 1000 } } : {}),
        ...options.agent,
      })
      const terminal = new SimulatedTerminal({
        terminal: options.terminal,
        agent,
        printer,
        missing,
        reader,
        scanner,
        box,
        screen,
      })
      await agent.start()
      return terminal
    } catch (err) {
      await Promise.all(started.map((s) => s.stop().catch(() => {})))
      throw err
    }
  }

  /** The simulated devices this terminal has. */
  get kinds(): SimulatedDeviceKind[] {
    const kinds: SimulatedDeviceKind[] = []
    if (this.reader) kinds.push('idcard')
    if (this.scanner) kinds.push('scanner')
    if (this.printer) kinds.push('printer')
    if (this.box) kinds.push('evaluator')
    if (this.screen) kinds.push('led')
    return kinds
  }

  /** Puts a (fictional) card on the reader; the agent reads it on its next poll. */
  placeCard(card: IdCardRecord): void {
    this.need(this.reader, '身份证阅读器').simulator.placeCard(card)
  }

  removeCard(): void {
    this.reader?.simulator.removeCard()
  }

  get cardPlaced(): boolean {
    return this.reader?.simulator.cardPlaced ?? false
  }

  async scan(code: string): Promise<void> {
    await this.need(this.scanner, '扫码枪').simulator.scan(code)
  }

  /** Presses a rating button (1 非常满意 … 5 非常不满意), then reason buttons for a bad rating. */
  async pressRating(level: RatingLevel, reasons: readonly BadRatingReason[] = []): Promise<boolean> {
    const box = this.need(this.box, '评价器').simulator
    if (!box.currentPrompt) throw new Error('评价器当前没有待评价的办件')
    return box.press(level, reasons)
  }

  /** idle, prompting or thanks; null without an evaluator. */
  get evaluatorState(): string | null {
    return this.box?.simulator.state ?? null
  }

  get evaluatorPrompt(): { promptId: number; caseRef: string } | null {
    return this.box?.simulator.currentPrompt ?? null
  }

  /** Printed jobs, decoded to text and SVG (and files, with `printOutDir`). */
  get jobs(): readonly SimulatedJob[] {
    return this.printer?.jobs ?? []
  }

  get ledLines(): readonly string[] {
    return this.screen?.simulator.lines ?? []
  }

  get ledText(): string {
    return this.screen?.simulator.text ?? ''
  }

  /** The simulators themselves, for tests that need a fault or a state (paper out, unplug). */
  get simulators() {
    return {
      idcard: this.reader?.simulator ?? null,
      scanner: this.scanner?.simulator ?? null,
      printer: this.printer,
      evaluator: this.box?.simulator ?? null,
      led: this.screen?.simulator ?? null,
    }
  }

  /** Resolves once the agent is connected and every device of this terminal is up. */
  async ready(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const h = this.agent.health()
      if (this.agent.connected && h.devices.every((d) => d.connected)) return
      if (Date.now() > deadline) {
        const down = h.devices.filter((d) => !d.connected).map((d) => d.kind)
        throw new Error(
          `simulated terminal ${this.terminal} not ready: ${this.agent.connected ? '' : 'agent offline; '}${down.join(', ')}`,
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    await this.agent.stop()
    await Promise.all(
      [this.reader, this.scanner, this.box, this.screen, this.printer].map((s) => s?.stop().catch(() => {})),
    )
  }

  private need<T>(part: T | null, label: string): T {
    if (!part) throw new Error(`此终端没有模拟${label}`)
    return part
  }
}
