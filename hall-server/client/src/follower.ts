import { applyDelta, type Delta, type HallSnapshot } from '@hall/protocol'
import type { HallLink } from './link.js'

/**
 * A copy of the hall that follows the server: the snapshot it sends on every (re)connection, then
 * its deltas folded in with the contract's `applyDelta`. A delta that does not chain to the state
 * held (one was missed) asks for a full resync; deltas that arrive meanwhile wait and are folded in
 * after the answer, so a resync does not cause the next one. The same code keeps every screen's
 * state and the device agent's.
 */

export type FollowerUpdate =
  /** A full state: from the server on (re)connection, or the answer to a resync. */
  | { kind: 'snapshot'; state: HallSnapshot; source: 'server' | 'resync' }
  /** A delta folded in; `state` is the state after it. */
  | { kind: 'delta'; state: HallSnapshot; delta: Delta }

export type FollowerListener = (update: FollowerUpdate) => void

export interface FollowerOptions {
  /** Asks the server for the full state. */
  resync: () => Promise<HallSnapshot>
  /** A resync failed (offline, no answer); the next delta or the next connection tries again. */
  onResyncFailed?: (error: unknown) => void
}

export interface HallFollower {
  readonly state: HallSnapshot | null
  readonly resyncing: boolean
  receiveSnapshot(snapshot: HallSnapshot): void
  receiveDelta(delta: Delta): void
  /** Called for every snapshot and every applied delta, in order. */
  subscribe(listener: FollowerListener): () => void
}

export function createFollower(options: FollowerOptions): HallFollower {
  let state: HallSnapshot | null = null
  /** Deltas received while a resync is under way; null when none is. */
  let waiting: Delta[] | null = null
  const listeners = new Set<FollowerListener>()

  const publish = (update: FollowerUpdate) => {
    for (const listener of [...listeners]) listener(update)
  }

  const apply = (delta: Delta) => {
    if (waiting !== null) {
      waiting.push(delta)
      return
    }
    if (state === null) {
      resync([delta])
      return
    }
    const result = applyDelta(state, delta)
    if (result.kind === 'stale') return
    if (result.kind === 'gap') {
      resync([delta])
      return
    }
    state = result.state
    publish({ kind: 'delta', state: result.state, delta })
  }

  const resync = (first: Delta[]) => {
    waiting = first
    options.resync().then(
      (answer) => {
        const held = waiting ?? []
        waiting = null
        // A fresher snapshot (a reconnection) may have come meanwhile; an older answer is useless.
        if (state === null || answer.seq >= state.seq) {
          state = answer
          publish({ kind: 'snapshot', state: answer, source: 'resync' })
        }
        for (const delta of held) apply(delta)
      },
      (error: unknown) => {
        waiting = null
        options.onResyncFailed?.(error)
      },
    )
  }

  return {
    get state() {
      return state
    },
    get resyncing() {
      return waiting !== null
    },
    receiveSnapshot(snapshot) {
      state = snapshot
      publish({ kind: 'snapshot', state: snapshot, source: 'server' })
    },
    receiveDelta: apply,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** A follower fed by a link: its snapshots and deltas in, its `resync` to fill a gap. */
export function followHall(link: HallLink, options: Omit<FollowerOptions, 'resync'> = {}): HallFollower {
  const follower = createFollower({ ...options, resync: () => link.resync() })
  link.socket.on('snapshot', (snapshot) => follower.receiveSnapshot(snapshot))
  link.socket.on('delta', (delta) => follower.receiveDelta(delta))
  return follower
}
