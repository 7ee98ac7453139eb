import type { CallView } from '@hall/protocol'
import { type ReadonlySignal, signal } from '@preact/signals'

/**
 * The display's voice: each call is announced with the server's rendering (a chime, then the
 * sentence), `repeat` times, one announcement at a time, never overlapping. A recall is announced
 * again; a newer call for a ticket still waiting its turn replaces the older one. When calls pile
 * up each is said once, and a call that waited too long is dropped: the screen shows it anyway.
 * Without sound (autoplay blocked, no speech on the server, server away) the display carries on.
 */

export interface AnnouncerPort {
  /** A playable URL for the call's audio; rejects with `{ code }` when it cannot be had. */
  load(code: string, windowNumber: number): Promise<string>
  /** Plays to the end; rejects with a `NotAllowedError` when the browser blocks autoplay. */
  play(url: string): Promise<void>
  sleep(ms: number): Promise<void>
  clock(): number
}

export type SoundState = 'ready' | 'playing' | 'blocked' | 'unavailable'

export interface AnnouncementRecord {
  code: string
  windowNumber: number
  recall: number
  state: 'queued' | 'loading' | 'playing' | 'done' | 'dropped' | 'failed'
  plays: number
  error: string | null
  queuedAt: number
  startedAt: number | null
}

export interface AnnouncerOptions {
  /** How many times each call is played (the hall's `announceRepeat`). */
  repeat: () => number
  /** Pause between repeats and between announcements. */
  gapMs?: number
  /** Calls older than this when their turn comes are not announced any more. */
  maxAgeMs?: number
  /** Clock of the calls' `at` (the server's, as estimated here). */
  callClock?: () => number
}

export interface Announcer {
  state: ReadonlySignal<SoundState>
  current: ReadonlySignal<CallView | null>
  pending: ReadonlySignal<number>
  enqueue(call: CallView): void
  /** After a user gesture allowed sound again. */
  unblock(): void
  history(): readonly AnnouncementRecord[]
  idle(): Promise<void>
}

interface Item {
  call: CallView
  record: AnnouncementRecord
}

const KEEP_HISTORY = 100

export function createAnnouncer(port: AnnouncerPort, options: AnnouncerOptions): Announcer {
  const gapMs = options.gapMs ?? 700
  const maxAgeMs = options.maxAgeMs ?? 120_000
  const callClock = options.callClock ?? port.clock
  const state = signal<SoundState>('ready')
  const current = signal<CallView | null>(null)
  const pending = signal(0)
  const queue: Item[] = []
  const log: AnnouncementRecord[] = []
  let running: Promise<void> | null = null

  const errorName = (error: unknown) => (error as { name?: string } | null)?.name ?? ''
  const errorCode = (error: unknown) => (error as { code?: string } | null)?.code ?? errorName(error)

  async function announce(item: Item): Promise<void> {
    const { call, record } = item
    record.state = 'loading'
    let url: string
    try {
      url = await port.load(call.code, call.windowNumber)
    } catch (error) {
      record.state = 'failed'
      record.error = errorCode(error) || 'LOAD_FAILED'
      if (record.error === 'AUDIO_UNAVAILABLE') state.value = 'unavailable'
      return
    }
    if (state.peek() === 'unavailable') state.value = 'ready'
    const times = queue.length >= 2 ? 1 : Math.max(1, Math.floor(options.repeat()))
    for (let i = 0; i < times; i++) {
      record.state = 'playing'
      record.startedAt ??= port.clock()
      state.value = 'playing'
      try {
        await port.play(url)
        record.plays++
      } catch (error) {
        record.state = 'failed'
        record.error = errorName(error) || 'PLAY_FAILED'
        state.value = record.error === 'NotAllowedError' ? 'blocked' : 'ready'
        return
      }
      state.value = 'ready'
      if (i < times - 1) await port.sleep(gapMs)
    }
    record.state = 'done'
  }

  async function drain(): Promise<void> {
    for (let item = queue.shift(); item; item = queue.shift()) {
      pending.value = queue.length
      if (callClock() - item.call.at > maxAgeMs) {
        item.record.state = 'dropped'
        continue
      }
      current.value = item.call
      // Fetch the next one while this one plays, so announcements follow each other closely.
      const next = queue[0]
      if (next) port.load(next.call.code, next.call.windowNumber).catch(() => undefined)
      await announce(item)
      current.value = null
      if (queue.length > 0) await port.sleep(gapMs)
    }
    pending.value = 0
  }

  function kick(): void {
    if (running) return
    running = drain().finally(() => {
      running = null
      if (queue.length > 0) kick()
    })
  }

  return {
    state,
    current,
    pending,
    enqueue(call) {
      for (let i = queue.length - 1; i >= 0; i--) {
        const queued = queue[i] as Item
        if (queued.call.ticketId === call.ticketId) {
          queued.record.state = 'dropped'
          queue.splice(i, 1)
        }
      }
      const record: AnnouncementRecord = {
        code: call.code,
        windowNumber: call.windowNumber,
        recall: call.recall,
        state: 'queued',
        plays: 0,
        error: null,
        queuedAt: port.clock(),
        startedAt: null,
      }
      log.push(record)
      if (log.length > KEEP_HISTORY) log.splice(0, log.length - KEEP_HISTORY)
      queue.push({ call, record })
      pending.value = queue.length
      if (running && queue.length === 1) port.load(call.code, call.windowNumber).catch(() => undefined)
      kick()
    },
    unblock() {
      if (state.peek() === 'blocked') state.value = 'ready'
    },
    history() {
      return log
    },
    async idle() {
      while (running) await running
    },
  }
}
