/**
 * For a window-bound terminal: keeps the agent's copy of the hall (snapshot, then deltas with
 * `applyDelta`, a resync when a delta does not chain), knows which window this agent serves, and
 * feeds the WindowDriver that works the LED screen and the evaluator box.
 *
 * The window comes from `whoAmI` at each connection, and from the hall's device list for this
 * agent's own device id whenever that list changes (a window can be reassigned without a restart).
 */

import { applyDelta, type Delta, type HallSnapshot, type PrincipalView } from '@hall/protocol'
import { type Logger, silentLogger } from '../logger.js'
import { WindowDriver, type WindowDriverOptions } from './window-driver.js'

export interface HallFollowerOptions extends WindowDriverOptions {
  /** Asks the server for the full state; null when it did not answer. */
  resync: () => Promise<HallSnapshot | null>
  whoAmI: () => Promise<PrincipalView>
  onState?: (state: HallSnapshot) => void
  logger?: Logger
}

export class HallFollower {
  readonly driver: WindowDriver
  private readonly options: HallFollowerOptions
  private readonly log: Logger
  private hall: HallSnapshot | null = null
  private identity: { deviceId: string; windowId: string | null } | null = null
  private resyncing = false

  constructor(options: HallFollowerOptions) {
    this.options = options
    this.log = options.logger ?? silentLogger
    this.driver = new WindowDriver(options)
  }

  get state(): HallSnapshot | null {
    return this.hall
  }

  get deviceId(): string | null {
    return this.identity?.deviceId ?? null
  }

  get windowId(): string | null {
    return this.driver.window ?? this.identity?.windowId ?? null
  }

  /** After each (re)connection. Failures are logged; the next connection tries again. */
  async identify(): Promise<void> {
    try {
      const me = await this.options.whoAmI()
      this.identity = { deviceId: me.deviceId, windowId: me.windowId }
      this.applyWindow()
      if (!this.windowId) this.log.warn('this agent is bound to no window: its LED screen and box stay idle')
    } catch (err) {
      this.log.warn('whoAmI failed; window devices wait for the next connection', { error: err })
    }
  }

  snapshot(snapshot: HallSnapshot): void {
    this.hall = snapshot
    this.applyWindow()
    this.driver.update(snapshot)
    this.options.onState?.(snapshot)
  }

  delta(delta: Delta): void {
    if (!this.hall) return
    const result = applyDelta(this.hall, delta)
    if (result.kind === 'stale') return
    if (result.kind === 'gap') {
      void this.resync()
      return
    }
    this.hall = result.state
    if (delta.changes.some((c) => c.kind === 'device')) this.applyWindow()
    this.driver.update(result.state, delta.changes)
    this.options.onState?.(result.state)
  }

  async stop(): Promise<void> {
    await this.driver.stop()
  }

  private async resync(): Promise<void> {
    if (this.resyncing) return
    this.resyncing = true
    this.log.info('missed a delta; asking for the full state')
    try {
      const snapshot = await this.options.resync()
      if (snapshot) this.snapshot(snapshot)
      else this.log.warn('resync got no answer; waiting for the next delta')
    } finally {
      this.resyncing = false
    }
  }

  /** The hall's device list is authoritative (a window can be reassigned); whoAmI otherwise. */
  private applyWindow(): void {
    if (!this.identity) return
    const listed = this.hall?.devices.find((d) => d.id === this.identity?.deviceId)
    this.driver.setWindow(listed ? listed.windowId : this.identity.windowId)
  }
}
