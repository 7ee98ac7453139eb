/**
 * Drives a window's LED screen and evaluator box from the hall state. The agent hands it every
 * new state; it works out what each device should show (window-outputs.ts) and sends only what
 * changed, one command at a time. After a device reconnects, or a box heartbeat shows the box
 * lost its prompt (power cut behind the adapter), the device is brought back in line.
 *
 * Evaluator: a finished case of this window awaiting its rating → prompt; once rated (on the box,
 * or on a tablet pad) → thanks, and the box idles by itself; otherwise idle.
 */

import type { Change, HallSnapshot } from '@hall/protocol'
import type { EvaluatorBox } from '../devices/evaluator-box.js'
import type { LedScreen } from '../devices/led-screen.js'
import { type Logger, silentLogger } from '../logger.js'
import { evaluatorTarget, fitLines, windowScreenLines } from './window-outputs.js'

export interface WindowDriverOptions {
  led: LedScreen | null
  evaluator: EvaluatorBox | null
  logger?: Logger
  clock?: () => number
  /** How long the box thanks the citizen; default 3 s. */
  thanksSeconds?: number
}

type Applied = { mode: 'prompt'; caseId: string } | { mode: 'thanks'; caseId: string } | { mode: 'idle' }

export class WindowDriver {
  private readonly led: LedScreen | null
  private readonly evaluator: EvaluatorBox | null
  private readonly log: Logger
  private readonly clock: () => number
  private readonly thanksSeconds: number
  private windowId: string | null = null
  private state: HallSnapshot | null = null
  private shown: string | null = null
  private applied: Applied | null = null
  /** Cases rated for real (not timed out), from deltas and from our own box. */
  private readonly rated = new Set<string>()
  private running: Promise<void> | null = null
  private again = false
  private stopped = false

  constructor(options: WindowDriverOptions) {
    this.led = options.led
    this.evaluator = options.evaluator
    this.log = options.logger ?? silentLogger
    this.clock = options.clock ?? Date.now
    this.thanksSeconds = options.thanksSeconds ?? 3
    this.led?.on('connected', () => {
      this.shown = null
      this.reconcile()
    })
    this.evaluator?.on('connected', () => {
      this.applied = null
      this.reconcile()
    })
    this.evaluator?.on('heartbeat', (boxState) => {
      if (this.applied?.mode === 'prompt' && boxState !== 'prompting') {
        this.log.info('evaluator lost its prompt; prompting again')
        this.applied = null
        this.reconcile()
      }
    })
  }

  get window(): string | null {
    return this.windowId
  }

  /** What the LED screen was last told to show. */
  get ledLines(): string[] {
    return this.shown ? (JSON.parse(this.shown) as string[]) : []
  }

  setWindow(windowId: string | null): void {
    if (windowId === this.windowId) return
    this.windowId = windowId
    this.shown = null
    this.applied = null
    this.reconcile()
  }

  /** A new hall state; `changes` are the delta's, to learn which cases were really rated. */
  update(state: HallSnapshot, changes: readonly Change[] = []): void {
    this.state = state
    for (const change of changes) {
      if (change.kind === 'rating' && change.rating.level !== 'unrated') this.rated.add(change.rating.caseId)
    }
    if (this.rated.size > 200) this.rated.delete(this.rated.values().next().value as string)
    this.reconcile()
  }

  /** The box reported a press for the prompted case: thank the citizen at once. */
  ratedOnBox(): string | null {
    const applied = this.applied
    if (applied?.mode !== 'prompt') return null
    this.rated.add(applied.caseId)
    this.applied = { mode: 'thanks', caseId: applied.caseId }
    this.evaluator
      ?.thanks(this.thanksSeconds)
      .catch((err) => this.log.warn('evaluator thanks failed', { code: (err as { code?: string }).code }))
    return applied.caseId
  }

  /** Brings the devices in line with the state (coalesced, one pass at a time). */
  reconcile(): void {
    if (this.stopped) return
    if (this.running) {
      this.again = true
      return
    }
    this.running = this.pass()
      .catch((err) => this.log.warn('window devices not updated', { error: err }))
      .finally(() => {
        this.running = null
        if (this.again) {
          this.again = false
          this.reconcile()
        }
      })
  }

  async stop(): Promise<void> {
    this.stopped = true
    await this.running
  }

  private async pass(): Promise<void> {
    const state = this.state
    const windowId = this.windowId
    if (!state || !windowId) return
    await Promise.all([this.passLed(state, windowId), this.passEvaluator(state, windowId)])
  }

  private async passLed(state: HallSnapshot, windowId: string): Promise<void> {
    const led = this.led
    if (!led?.connected) return
    const lines = fitLines(windowScreenLines(state, windowId), led.health().status?.lines ?? null)
    const json = JSON.stringify(lines)
    if (json === this.shown) return
    try {
      await led.show(lines)
      this.shown = json
      this.log.debug('window screen updated', { lines })
    } catch (err) {
      this.log.warn('window screen refused the text', { code: (err as { code?: string }).code, lines })
    }
  }

  private async passEvaluator(state: HallSnapshot, windowId: string): Promise<void> {
    const box = this.evaluator
    if (!box?.connected) return
    const target = evaluatorTarget(state, windowId, this.clock())
    const applied = this.applied
    try {
      if (target.mode === 'prompt') {
        if (applied?.mode !== 'idle' && applied?.caseId === target.caseId) return
        if (this.rated.has(target.caseId)) return
        await box.prompt(target.caseRef, target.timeoutSec)
        this.applied = { mode: 'prompt', caseId: target.caseId }
        this.log.info('evaluator prompting', { caseRef: target.caseRef })
        return
      }
      if (applied?.mode === 'idle') return
      if (applied?.mode === 'thanks') {
        // The box idles by itself after thanking.
        this.applied = { mode: 'idle' }
        return
      }
      if (applied?.mode === 'prompt' && this.rated.has(applied.caseId)) await box.thanks(this.thanksSeconds)
      else await box.idle()
      this.applied = { mode: 'idle' }
    } catch (err) {
      this.log.warn('evaluator command failed', { code: (err as { code?: string }).code })
    }
  }
}
