import {
  alarmView,
  type Command,
  caseView,
  changesOf,
  type DomainEvent,
  type Effect,
  type EngineEnv,
  followUpView,
  type HallDisplay,
  HallEngine,
  type HallState,
  hallInfo,
  isWaiting,
  queueView,
  ticketView,
  windowView,
} from '@hall/domain'
import type { Change, Delta, DeviceView, ErrorCode, HallSnapshot } from '@hall/protocol'
import type { Db } from '../store/db.js'
import type { EventCodec } from '../store/event-codec.js'
import { Journal, type Write } from '../store/journal.js'
import { type AuditRow, auditWrite, eventWrite, projectionWrites } from '../store/projection.js'
import { type DeviceRecord, saveSnapshot } from '../store/repos.js'

/**
 * The hall as a service: the domain engine, the journal that makes its decisions durable, and the
 * stream of deltas to clients. Two copies of the state are kept: the working one, on which
 * commands are decided as they arrive, and the committed one, which only ever holds what SQLite
 * has committed — snapshots for clients come from it, so no client sees a number that could still
 * be lost.
 */

export class CommandRefused extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? code)
  }
}

export interface Actor {
  /** Who, for the audit log: `device:kiosk-1`, `staff:S01@counter-1`, `system`. */
  id: string
}

/**
 * What one command did, fixed at the moment it was decided: copies, not the live objects of the
 * working state, so a later command cannot change this answer while this one waits for its commit.
 */
export interface Executed<A = undefined> {
  events: DomainEvent[]
  effects: Effect[]
  changes: Change[]
  /** What `answer` read off the hall just after this command (and nothing later) was applied. */
  answer: A
}

/**
 * Reads the answer to a command off the working engine right after it was decided: that is the
 * committed state once this command's transaction commits, and nothing decided after it.
 */
export type Answer<A> = (engine: HallEngine, now: number, events: DomainEvent[]) => A

interface Published {
  firstSeq: number
  lastSeq: number
  events: DomainEvent[]
  changes: Change[]
  at: number
}

export interface ServiceOptions {
  db: Db
  env: EngineEnv
  state: HallState
  seq: number
  display: HallDisplay
  snapshotEvery: number
  clock: () => number
  /** How events are stored (their shape versions); the default is today's. */
  codec?: EventCodec
  /** Where a delta listener's exception goes (it never un-acknowledges a commit). */
  onListenerError?: (error: unknown) => void
}

type DeltaListener = (delta: Delta) => void

export class HallService {
  private working: HallEngine
  private committed: HallEngine
  private nextSeq: number
  private committedSeq: number
  private lastSnapshotSeq: number
  private readonly journal: Journal<Published>
  private readonly listeners = new Set<DeltaListener>()
  private devices = new Map<string, DeviceRecord>()
  private lastSeen = new Map<string, number>()
  private snapshotting = false
  private lastActivity = 0
  readonly db: Db
  readonly clock: () => number
  display: HallDisplay

  constructor(private readonly options: ServiceOptions) {
    this.db = options.db
    this.clock = options.clock
    this.display = options.display
    this.working = new HallEngine(structuredClone(options.state), options.env)
    this.committed = new HallEngine(options.state, options.env)
    this.nextSeq = options.seq + 1
    this.committedSeq = options.seq
    this.lastSnapshotSeq = options.seq
    this.journal = new Journal<Published>(options.db, {
      onCommitted: (batch) => this.published(batch),
      onFailed: () => this.rollback(),
      onListenerError: (error) => this.listenerError(error),
    })
  }

  get env(): EngineEnv {
    return this.options.env
  }

  get seq(): number {
    return this.committedSeq
  }

  /** The working state: what commands are decided on. Read-only for callers. */
  get state(): HallState {
    return this.working.state
  }

  get journalStats() {
    return this.journal.stats
  }

  onDelta(listener: DeltaListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  setDevices(devices: DeviceRecord[]): void {
    this.devices = new Map(devices.map((d) => [d.id, d]))
  }

  device(id: string): DeviceRecord | undefined {
    return this.devices.get(id)
  }

  /**
   * Decides a command, commits what it produced, and only then returns. A refusal is audited
   * and thrown as CommandRefused; the state is unchanged by it (apart from a day rollover, which is
   * committed all the same).
   */
  async execute<A = undefined>(
    cmd: Command,
    actor: Actor,
    audit: { action: string; subject: string | null; detail?: string | null } | null,
    extraWrites: Write[] | ((events: DomainEvent[]) => Write[]) = [],
    answer?: Answer<A>,
  ): Promise<Executed<A>> {
    const now = this.clock()
    if (cmd.type !== 'tick') this.lastActivity = now
    const outcome = this.working.execute(cmd, now)
    const ctx = this.working.context(now)
    const changes = changesOf(this.working.hall, ctx, outcome.effects, this.display)
    changes.push(...this.deviceChanges(outcome.effects))
    const firstSeq = this.nextSeq
    const writes: Write[] = outcome.events.map((event, i) =>
      eventWrite(firstSeq + i, event, now, actor.id, this.options.codec),
    )
    this.nextSeq += outcome.events.length
    writes.push(...projectionWrites(outcome.effects, outcome.events))
    if (outcome.refusal === null) {
      writes.push(...(typeof extraWrites === 'function' ? extraWrites(outcome.events) : extraWrites))
    }
    // Successful commands are audited by their events (each stored with its actor); the audit
    // table holds what left no event: refusals, and actions outside the domain.
    if (audit && (outcome.refusal || outcome.events.length === 0)) {
      const row: AuditRow = {
        at: now,
        actor: actor.id,
        action: audit.action,
        subject: audit.subject,
        outcome: outcome.refusal ? 'refused' : 'ok',
        detail: outcome.refusal ? `${outcome.refusal.code}` : (audit.detail ?? null),
      }
      writes.push(auditWrite(row))
    }
    // The answer is fixed now, before any later command can touch the objects it refers to.
    const executed: Executed<A> = {
      events: outcome.events,
      effects: structuredClone(outcome.effects),
      changes,
      answer: (outcome.refusal === null && answer
        ? answer(this.working, now, outcome.events)
        : undefined) as A,
    }
    if (writes.length > 0) {
      await this.journal.commit({
        writes,
        payload: { firstSeq, lastSeq: this.nextSeq - 1, events: outcome.events, changes, at: now },
      })
    }
    if (outcome.refusal) throw new CommandRefused(outcome.refusal.code, outcome.refusal.message)
    return executed
  }

  /**
   * Runs administrative writes that are not commands (a catalog import, an enrolment from hallctl)
   * on the server's one connection, between group commits.
   */
  exclusive<R>(work: (db: Db) => Promise<R>): Promise<R> {
    return this.journal.exclusive(() => work(this.db))
  }

  private listenerError(error: unknown): void {
    if (this.options.onListenerError) this.options.onListenerError(error)
    else console.error('delta listener failed', error)
  }

  /** Commits writes that are not commands (a refused sign-in, say) in order with everything else. */
  async record(writes: Write[]): Promise<void> {
    if (writes.length === 0) return
    await this.journal.commit({
      writes,
      payload: { firstSeq: 0, lastSeq: -1, events: [], changes: [], at: 0 },
    })
  }

  drained(): Promise<void> {
    return this.journal.drained()
  }

  private published(batch: Published[]): void {
    for (const entry of batch) {
      if (entry.events.length === 0) continue
      this.committed.replay(entry.events)
      const delta: Delta = {
        seq: entry.lastSeq,
        prevSeq: entry.firstSeq - 1,
        at: entry.at,
        changes: entry.changes,
      }
      this.committedSeq = entry.lastSeq
      for (const listener of this.listeners) {
        try {
          listener(delta)
        } catch (error) {
          this.listenerError(error)
        }
      }
    }
  }

  /**
   * Stores a snapshot when enough events have accumulated and the hall has been quiet for a few
   * seconds: serialising the state is a pass over all of today's tickets, which must not stall a
   * busy hall. A restart replays whatever came after the last snapshot.
   */
  maybeSnapshot(quietMs = 5000): void {
    const due = this.committedSeq - this.lastSnapshotSeq >= this.options.snapshotEvery
    if (due && this.journal.idle && this.clock() - this.lastActivity >= quietMs) {
      void this.writeSnapshot().catch(() => undefined)
    }
  }

  private rollback(): void {
    this.working = new HallEngine(structuredClone(this.committed.state), this.options.env)
    this.nextSeq = this.committedSeq + 1
  }

  /** Stores the committed state, so a restart replays only the events after it. */
  async writeSnapshot(): Promise<void> {
    if (this.snapshotting) return
    this.snapshotting = true
    try {
      const seq = this.committedSeq
      await saveSnapshot(this.db, seq, this.clock(), this.committed.state)
      this.lastSnapshotSeq = seq
    } finally {
      this.snapshotting = false
    }
  }

  /** Everything a client needs, from the committed state only. */
  snapshot(): HallSnapshot {
    const engine = this.committed
    const ctx = engine.context(this.clock())
    const { state } = engine
    return {
      seq: this.committedSeq,
      at: ctx.now,
      hall: hallInfo(ctx, state.businessDate, this.display),
      queues: ctx.config.queues.flatMap((q) => queueView(engine.hall, ctx, q.id) ?? []),
      windows: ctx.config.windows.flatMap((w) => windowView(engine.hall, ctx, w.id) ?? []),
      tickets: Object.values(state.tickets)
        .filter((t) => isWaiting(t) || t.status === 'called' || t.status === 'serving')
        .map(ticketView),
      recentCalls: state.recentCalls.map((c) => ({ ...c })),
      cases: Object.values(state.cases).map(caseView),
      followUps: Object.values(state.followUps).map(followUpView),
      alarms: Object.values(state.alarms).map(alarmView),
      devices: [...this.devices.values()].map((d) => this.deviceView(d, state)),
      stats: structuredClone(state.stats),
    }
  }

  /** The committed engine, for read-only queries (ticket status, estimates). */
  get view(): HallEngine {
    return this.committed
  }

  markSeen(deviceId: string): void {
    this.lastSeen.set(deviceId, this.clock())
  }

  lastSeenOf(deviceId: string): number | null {
    return this.lastSeen.get(deviceId) ?? null
  }

  private deviceView(d: DeviceRecord, state: HallState): DeviceView {
    const status = state.devices[d.id]
    return {
      id: d.id,
      name: d.name,
      role: d.role,
      windowId: d.windowId,
      terminal: d.terminal,
      online: status?.online ?? false,
      lastSeen: this.lastSeen.get(d.id) ?? null,
      attached: status?.attached.map((a) => ({ ...a })) ?? [],
    }
  }

  private deviceChanges(effects: Effect[]): Change[] {
    const changes: Change[] = []
    for (const effect of effects) {
      if (effect.kind !== 'device') continue
      const record = this.devices.get(effect.deviceId)
      if (record) changes.push({ kind: 'device', device: this.deviceView(record, this.working.state) })
    }
    return changes
  }
}
