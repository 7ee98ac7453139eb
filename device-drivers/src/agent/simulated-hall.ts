/**
 * SIMULATED devices for a whole demo hall: one SimulatedTerminal per enrolled device agent (a
 * kiosk terminal gets an ID card reader, a scanner and a printer; a window's terminal an ID card
 * reader, a printer, an evaluator box and a window LED screen), printouts written under one
 * directory, and the simulator control page. Used by scripts/demo-hall.ts.
 */

import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { type Logger, silentLogger } from '../logger.js'
import { type SimulatedDeviceKind, SimulatedTerminal } from './simulated-terminal.js'
import { type SimulatorControl, startSimulatorControl } from './simulator-control.js'

export interface AgentDeviceEntry {
  id: string
  role: string
  windowId: string | null
  terminal: string | null
}

export interface SimulatedHallOptions {
  serverUrl: string
  /** The hall config's devices; only `agent` ones with a token get a simulated terminal. */
  devices: readonly AgentDeviceEntry[]
  tokens: Readonly<Record<string, string>>
  /** Printouts go to `<dir>/<terminal>/job-0001.txt|.svg`; emptied at start. */
  printoutsDir: string
  /** Control page port; null for none. */
  controlPort: number | null
  /** The hall's landing page, linked from the control page. */
  hallUrl?: string
  logger?: Logger
}

export interface SimulatedHall {
  terminals: Map<string, SimulatedTerminal>
  control: SimulatorControl | null
  /** What could not be simulated or started, in Chinese, for the console and the page. */
  problems: string[]
  stop(): Promise<void>
}

const LABELS: Readonly<Record<SimulatedDeviceKind, string>> = {
  idcard: '身份证阅读器',
  scanner: '扫码枪',
  printer: '打印机',
  evaluator: '评价器',
  led: '窗口屏',
}

export function describeKinds(kinds: readonly SimulatedDeviceKind[]): string {
  return kinds.map((k) => LABELS[k]).join('、')
}

export async function startSimulatedHall(options: SimulatedHallOptions): Promise<SimulatedHall> {
  const log = options.logger ?? silentLogger
  await rm(options.printoutsDir, { recursive: true, force: true })
  const agents = options.devices.filter(
    (d) => d.role === 'agent' && d.terminal !== null && options.tokens[d.id] !== undefined,
  )
  const problems: string[] = []
  const terminals = new Map<string, SimulatedTerminal>()
  const started = await Promise.allSettled(
    agents.map((d) =>
      SimulatedTerminal.start({
        serverUrl: options.serverUrl,
        token: options.tokens[d.id] ?? '',
        terminal: d.terminal ?? d.id,
        devices: d.windowId ? ['idcard', 'printer', 'evaluator', 'led'] : ['idcard', 'scanner', 'printer'],
        printOutDir: join(options.printoutsDir, d.terminal ?? d.id),
        logger: log,
      }),
    ),
  )
  started.forEach((result, i) => {
    const terminal = agents[i]?.terminal ?? ''
    if (result.status === 'fulfilled') terminals.set(terminal, result.value)
    else problems.push(`${terminal}：模拟设备没有启动（${(result.reason as Error).message}）`)
  })
  const missing = [...terminals.values()].flatMap((t) => t.missing)
  if (missing.some((m) => m.includes('socat')))
    problems.push(
      '没有安装 socat：身份证阅读器、扫码枪、评价器和窗口屏的模拟已跳过，只模拟了打印机（apt-get install socat 后重新启动演示）',
    )
  else if (missing.length > 0) problems.push(`部分模拟设备没有启动：${[...new Set(missing)].join('；')}`)

  let control: SimulatorControl | null = null
  if (options.controlPort !== null) {
    try {
      control = await startSimulatorControl({
        terminals,
        port: options.controlPort,
        problems,
        ...(options.hallUrl ? { hallUrl: options.hallUrl } : {}),
      })
    } catch (err) {
      problems.push(
        `设备模拟器控制台没有启动：端口 ${options.controlPort} ${(err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? '已被占用（用 HALL_SIM_PORT 换一个）' : (err as Error).message}`,
      )
    }
  }
  return {
    terminals,
    control,
    problems,
    async stop() {
      await control?.close()
      await Promise.all([...terminals.values()].map((t) => t.stop().catch(() => {})))
    },
  }
}
