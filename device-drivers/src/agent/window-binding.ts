/**
 * For a window-bound terminal: knows which window this agent serves and feeds the WindowDriver
 * that works the LED screen and the evaluator box from the hall state kept by @hall/client's
 * follower (snapshot, deltas, a resync when a delta does not chain).
 *
 * The window comes from `whoAmI` at each connection, and from the hall's device list for this
 * agent's own device id whenever that list changes (a window can be reassigned without a restart).
 */

import type { FollowerUpdate, HallFollower } from '@hall/client'
import type { HallSnapshot, PrincipalView } from '@hall/protocol'
import { type Logger, silentLogger } from '../logger.js'
import { WindowDriver, type WindowDriverOptions } from './window-driver.js'

export interface WindowBindingOptions extends WindowDriverOptions {
  whoAmI: () => Promise<PrincipalView>
  onState?: (state: HallSnapshot) => void
  logger?: Logger
}

export class WindowBinding {
  readonly driver: WindowDriver
  private readonly options: WindowBindingOptions
  private readonly log: Logger
  private follower: HallFollower | null = null
  private identity: { deviceId: string; windowId: string | null } | null = null

  constructor(options: WindowBindingOptions) {
    this.options = options
    this.log = options.logger ?? silentLogger
    this.driver = new WindowDriver(options)
  }

  get state(): HallSnapshot | null {
    return this.follower?.state ?? null
  }

  get deviceId(): string | null {
    return this.identity?.deviceId ?? null
  }

  get windowId(): string | null {
    return this.driver.window ?? this.identity?.windowId ?? null
  }

  /** Drives the window's devices from every state the follower holds. */
  follow(follower: HallFollower): void {
    this.follower = follower
    follower.subscribe((update) => this.update(update))
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

  async stop(): Promise<void> {
    await this.driver.stop()
  }

  private update(update: FollowerUpdate): void {
    if (update.kind === 'snapshot') {
      if (update.source === 'resync') this.log.info('missed a delta; caught up with the full state')
      this.applyWindow()
      this.driver.update(update.state)
    } else {
      if (update.delta.changes.some((c) => c.kind === 'device')) this.applyWindow()
      this.driver.update(update.state, update.delta.changes)
    }
    this.options.onState?.(update.state)
  }

  /** The hall's device list is authoritative (a window can be reassigned); whoAmI otherwise. */
  private applyWindow(): void {
    if (!this.identity) return
    const listed = this.state?.devices.find((d) => d.id === this.identity?.deviceId)
    this.driver.setWindow(listed ? listed.windowId : this.identity.windowId)
  }
}
