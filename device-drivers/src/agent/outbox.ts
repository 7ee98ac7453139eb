/**
 * What the agent owes the hall server: card reads, scans, button-box ratings and print results,
 * delivered one at a time, in the order they happened, each waiting for the server's ack. While
 * the server is away they wait here, and they go out in order when it returns.
 *
 * Rules:
 * - An item leaves the queue when the server acknowledged it (`ok: true`), or refused it for
 *   good (a refusal such as VALIDATION or RATING_EXPIRED does not change by retrying).
 * - No ack (timeout, connection lost): the item stays at the head and is sent again later. Card
 *   reads, scans and ratings carry an `eventId` stamped here, so the server acts on a resent copy
 *   only once; print results are keyed by their job id.
 * - Card reads older than `cardMaxAgeMs` (2 minutes) are dropped on purpose: the citizen has long
 *   left the kiosk, and the server would hold the read for only a few minutes anyway.
 * - Past `maxEntries` the oldest item that is not a print result is dropped. Print results are
 *   never dropped: every job the server sent gets its answer.
 */

import { randomUUID } from 'node:crypto'
import type { Ack, ButtonRatingPayload, IdCardPayload, PrintResult, ScanPayload } from '@hall/protocol'
import { type Logger, silentLogger } from '../logger.js'

export type OutgoingEvent =
  | { event: 'agent:cardRead'; payload: IdCardPayload }
  | { event: 'agent:scan'; payload: ScanPayload }
  | { event: 'agent:rating'; payload: ButtonRatingPayload }
  | { event: 'agent:printResult'; payload: PrintResult }

export type OutgoingKind = OutgoingEvent['event']

export interface OutboxEntry {
  item: OutgoingEvent
  queuedAt: number
  attempts: number
}

/** Sends one event and resolves with the server's ack; rejects when no ack came. */
export type OutboxSend = (item: OutgoingEvent) => Promise<Ack<null>>

export interface OutboxOptions {
  send: OutboxSend
  clock?: () => number
  /** Default 120 000 ms. */
  cardMaxAgeMs?: number
  /** Default 500. */
  maxEntries?: number
  /** Wait before sending again after a missing ack; default 1000 ms. */
  retryDelayMs?: number
  logger?: Logger
  onDelivered?: (entry: OutboxEntry) => void
  onDropped?: (entry: OutboxEntry, reason: string) => void
}

/** Server-side trouble that may pass: try again a few times before giving up. */
const TRANSIENT = new Set(['STORAGE_FAILED', 'INTERNAL', 'RATE_LIMITED', 'OFFLINE'])
const MAX_TRANSIENT_ATTEMPTS = 5

/** Stamps the id the server recognises a resent event by (print results have their job id). */
function withEventId(item: OutgoingEvent): OutgoingEvent {
  if (item.event === 'agent:printResult' || item.payload.eventId !== undefined) return item
  return { ...item, payload: { ...item.payload, eventId: randomUUID() } } as OutgoingEvent
}

export class Outbox {
  private readonly queue: OutboxEntry[] = []
  private readonly send: OutboxSend
  private readonly clock: () => number
  private readonly cardMaxAgeMs: number
  private readonly maxEntries: number
  private readonly retryDelayMs: number
  private readonly log: Logger
  private readonly onDelivered: (entry: OutboxEntry) => void
  private readonly onDropped: (entry: OutboxEntry, reason: string) => void
  private online = false
  private flushing: Promise<void> | null = null
  private again = false
  private retryTimer: NodeJS.Timeout | null = null
  private closed = false

  constructor(options: OutboxOptions) {
    this.send = options.send
    this.clock = options.clock ?? Date.now
    this.cardMaxAgeMs = options.cardMaxAgeMs ?? 120_000
    this.maxEntries = options.maxEntries ?? 500
    this.retryDelayMs = options.retryDelayMs ?? 1000
    this.log = options.logger ?? silentLogger
    this.onDelivered = options.onDelivered ?? (() => {})
    this.onDropped = options.onDropped ?? (() => {})
  }

  get size(): number {
    return this.queue.length
  }

  /** Kinds waiting, oldest first (no payloads: they may be personal data). */
  get waiting(): OutgoingKind[] {
    return this.queue.map((e) => e.item.event)
  }

  push(item: OutgoingEvent): void {
    if (this.closed) return
    this.queue.push({ item: withEventId(item), queuedAt: this.clock(), attempts: 0 })
    while (this.queue.length > this.maxEntries) {
      const at = this.queue.findIndex((e) => e.item.event !== 'agent:printResult')
      if (at < 0) break
      const [dropped] = this.queue.splice(at, 1)
      if (dropped) this.drop(dropped, 'OUTBOX_FULL')
    }
    if (!this.online) this.log.debug('queued while offline', { event: item.event, waiting: this.size })
    void this.flush()
  }

  /** The connection came or went. Coming back sends what waited. */
  setOnline(online: boolean): void {
    this.online = online
    if (online) void this.flush()
  }

  /** Resolves once nothing is being sent (items may still wait while offline). */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing
  }

  /** Stops sending; what is still queued is returned (and logged by the caller). */
  close(): OutboxEntry[] {
    this.closed = true
    this.online = false
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    return this.queue.splice(0)
  }

  private flush(): Promise<void> {
    if (this.flushing) {
      // A run may be past its last look at the queue: make sure it looks again.
      this.again = true
      return this.flushing
    }
    this.flushing = this.run().finally(() => {
      this.flushing = null
      if (this.again) {
        this.again = false
        void this.flush()
      }
    })
    return this.flushing
  }

  private async run(): Promise<void> {
    while (this.online && !this.closed) {
      const head = this.queue[0]
      if (!head) return
      if (head.item.event === 'agent:cardRead' && this.clock() - head.queuedAt > this.cardMaxAgeMs) {
        this.queue.shift()
        this.drop(head, 'CARD_READ_EXPIRED')
        continue
      }
      head.attempts++
      let ack: Ack<null>
      try {
        ack = await this.send(head.item)
      } catch (err) {
        this.log.debug('no ack, will send again', { event: head.item.event, error: err })
        this.scheduleRetry()
        return
      }
      if (this.queue[0] !== head) continue
      if (ack.ok) {
        this.queue.shift()
        this.onDelivered(head)
        continue
      }
      if (TRANSIENT.has(ack.code) && head.attempts < MAX_TRANSIENT_ATTEMPTS) {
        this.log.warn('server could not take it yet', { event: head.item.event, code: ack.code })
        this.scheduleRetry()
        return
      }
      this.queue.shift()
      this.drop(head, ack.code, ack.message)
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.closed) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      void this.flush()
    }, this.retryDelayMs)
  }

  private drop(entry: OutboxEntry, code: string, message?: string): void {
    const level = code === 'CARD_READ_EXPIRED' ? 'info' : 'warn'
    this.log[level]('not delivered', {
      event: entry.item.event,
      code,
      ...(message ? { message } : {}),
      ageMs: this.clock() - entry.queuedAt,
    })
    this.onDropped(entry, code)
  }
}
