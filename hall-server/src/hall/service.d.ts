import type { Change, Delta, ErrorCode, HallSnapshot } from '@hall/protocol'
import {
  type Command,
  type DomainEvent,
  type Effect,
  type EngineEnv,
  HallEngine,
  type HallState,
} from '../domain/index.js'
import type { Db } from '../store/db.js'
import { type Write } from '../store/journal.js'
import { type DeviceRecord } from '../store/repos.js'
/**
 * The hall as a service: the domain engine, the journal that makes its decisions durable, and the
 * stream of deltas to clients. Two copies of the state are kept: the working one, on which
 * commands are decided as they arrive, and the committed one, which only ever holds what SQLite
 * has committed — snapshots for clients come from it, so no client sees a number that could still
 * be lost.
 */
export declare class CommandRefused extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message?: string)
}
export interface Actor {
  /** Who, for the audit log: `device:kiosk-1`, `staff:S01@counter-1`, `system`. */
  id: string
}
export interface Executed {
  events: DomainEvent[]
  effects: Effect[]
  changes: Change[]
}
export interface ServiceOptions {
  db: Db
  env: EngineEnv
  state: HallState
  seq: number
  notice: string
  snapshotEvery: number
  clock: () => number
}
type DeltaListener = (delta: Delta) => void
export declare class HallService {
  private readonly options
  private working
  private committed
  private nextSeq
  private committedSeq
  private lastSnapshotSeq
  private readonly journal
  private readonly listeners
  private devices
  private lastSeen
  private snapshotting
  private lastActivity
  readonly db: Db
  readonly clock: () => number
  notice: string
  constructor(options: ServiceOptions)
  get env(): EngineEnv
  get seq(): number
  /** The working state: what commands are decided on. Read-only for callers. */
  get state(): HallState
  get journalStats(): import('../store/journal.js').JournalStats
  onDelta(listener: DeltaListener): () => void
  setDevices(devices: DeviceRecord[]): void
  device(id: string): DeviceRecord | undefined
  /**
   * Decides a command, commits what it produced, and only then returns. A refusal is audited
   * and thrown as CommandRefused; the state is unchanged by it (apart from a day rollover, which is
   * committed all the same).
   */
  execute(
    cmd: Command,
    actor: Actor,
    audit: {
      action: string
      subject: string | null
      detail?: string | null
    } | null,
    extraWrites?: Write[],
  ): Promise<Executed>
  /** Commits writes that are not commands (a refused sign-in, say) in order with everything else. */
  record(writes: Write[]): Promise<void>
  drained(): Promise<void>
  private published
  /**
   * Stores a snapshot when enough events have accumulated and the hall has been quiet for a few
   * seconds: serialising the state is a pass over all of today's tickets, which must not stall a
   * busy hall. A restart replays whatever came after the last snapshot.
   */
  maybeSnapshot(quietMs?: number): void
  private rollback
  /** Stores the committed state, so a restart replays only the events after it. */
  writeSnapshot(): Promise<void>
  /** Everything a client needs, from the committed state only. */
  snapshot(): HallSnapshot
  /** The committed engine, for read-only queries (ticket status, estimates). */
  get view(): HallEngine
  markSeen(deviceId: string): void
  lastSeenOf(deviceId: string): number | null
  private deviceView
  private deviceChanges
}
