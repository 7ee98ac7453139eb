/**
 * What the simulators of serial devices (ID-card reader, evaluator box, LED screen) share: the
 * device end of a transport, listened to from start() until stop().
 */
import { EventEmitter } from 'node:events'
import type { Transport } from '../transports/transport.js'

export abstract class SerialDeviceSimulator<
  Events extends Record<keyof Events, unknown[]>,
> extends EventEmitter<Events> {
  /** Bytes from the host, as they arrive. */
  protected abstract readonly onData: (chunk: Uint8Array) => void

  constructor(readonly transport: Transport) {
    super()
  }

  async start(): Promise<void> {
    this.transport.on('data', this.onData)
    if (!this.transport.isOpen) await this.transport.open()
  }

  async stop(): Promise<void> {
    this.transport.off('data', this.onData)
    await this.transport.close()
  }
}
