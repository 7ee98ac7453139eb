/**
 * Runs a simulator on the far end of a fresh socat pty pair, so a device can open the near end
 * exactly as it opens a USB-serial adapter.
 */

import { type Logger, silentLogger } from '../logger.js'
import { SerialTransport } from '../transports/serial.js'
import { PtyPair } from './pty-pair.js'

export interface PtySimulatorOptions {
  /** A symlink for the device end, e.g. a path in a temp dir that a device is configured with. */
  link?: string
  /** Baud rate the simulator opens its end with; ptys ignore it. Default 115200. */
  baudRate?: number
  logger?: Logger
}

export interface PtySimulator<S> {
  simulator: S
  pty: PtyPair
  /** What the device under test opens: the link when given, else the first pty. */
  devicePath: string
  /** Stops the simulator and socat (the "unplug"). */
  stop(): Promise<void>
}

export async function startOnPty<S extends { start(): Promise<void>; stop(): Promise<void> }>(
  make: (transport: SerialTransport) => S,
  options: PtySimulatorOptions = {},
): Promise<PtySimulator<S>> {
  const logger = options.logger ?? silentLogger
  const pty = await PtyPair.start({ links: [options.link, undefined], logger })
  const transport = new SerialTransport({ path: pty.b, baudRate: options.baudRate ?? 115200, logger })
  const simulator = make(transport)
  try {
    await simulator.start()
  } catch (err) {
    await pty.stop()
    throw err
  }
  return {
    simulator,
    pty,
    devicePath: pty.a,
    stop: async () => {
      await simulator.stop().catch(() => {})
      await pty.stop()
    },
  }
}
