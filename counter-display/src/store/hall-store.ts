import type { FollowerUpdate, HallFollower, LinkStatus } from '@hall/client'
import type { CallView, Delta, HallSnapshot, PrincipalView, PrintOutcomeEvent } from '@hall/protocol'
import { batch, type ReadonlySignal, type Signal, signal } from '@preact/signals'

/**
 * Every screen's copy of the hall as signals: the state kept by @hall/client's follower (snapshot
 * on connection, deltas, resyncs), the link state, the server's clock as seen here, and the calls
 * as they happen. Pure apart from the clock it is given; the link is wired to it at boot.
 */

export const callKey = (call: CallView) => `${call.ticketId}#${call.recall}@${call.at}`

/** After a reconnection, calls made this recently while the screen was away are still announced. */
const MISSED_CALL_MS = 30_000
const KEEP_OUTCOMES = 20

export type CallListener = (call: CallView) => void

export interface HallStore {
  snapshot: ReadonlySignal<HallSnapshot | null>
  link: ReadonlySignal<LinkStatus>
  /** Who this screen is (its device, window and terminal), from whoAmI. */
  principal: Signal<PrincipalView | null>
  /** The server's time as estimated here, refreshed by `tick`. */
  now: ReadonlySignal<number>
  printOutcomes: ReadonlySignal<PrintOutcomeEvent[]>
  receiveSnapshot(snapshot: HallSnapshot): void
  /** A delta the follower folded in, with the state after it. */
  receiveApplied(state: HallSnapshot, delta: Delta): void
  /** Takes every update of the follower from now on (and the state it already holds). */
  follow(follower: HallFollower): () => void
  receivePrintOutcome(outcome: PrintOutcomeEvent): void
  setLink(state: LinkStatus): void
  tick(): void
  /** Called for each new call (and recall) once, in order. */
  onCall(listener: CallListener): () => void
}

export function createHallStore(clock: () => number = Date.now): HallStore {
  const snapshot = signal<HallSnapshot | null>(null)
  const link = signal<LinkStatus>('connecting')
  const principal = signal<PrincipalView | null>(null)
  const printOutcomes = signal<PrintOutcomeEvent[]>([])
  let offset = 0
  const now = signal(clock())
  const seen = new Set<string>()
  let lastCallAt = 0
  const listeners = new Set<CallListener>()

  const observeClock = (serverAt: number, reset: boolean) => {
    // A message is stamped before it travels, so the largest estimate is the closest one.
    const estimate = serverAt - clock()
    offset = reset ? estimate : Math.max(offset, estimate)
    now.value = clock() + offset
  }

  const announce = (calls: CallView[]) => {
    for (const call of calls) {
      const key = callKey(call)
      if (seen.has(key)) continue
      seen.add(key)
      lastCallAt = Math.max(lastCallAt, call.at)
      for (const listener of listeners) listener(call)
    }
    if (seen.size > 500) {
      const recent = [...seen].slice(-200)
      seen.clear()
      for (const key of recent) seen.add(key)
    }
  }

  const store: HallStore = {
    snapshot,
    link,
    principal,
    now,
    printOutcomes,
    receiveSnapshot(next) {
      const first = snapshot.peek() === null && seen.size === 0
      batch(() => {
        observeClock(next.at, true)
        snapshot.value = next
      })
      const calls = [...next.recentCalls].sort((a, b) => a.at - b.at)
      if (first) {
        for (const call of calls) seen.add(callKey(call))
        lastCallAt = Math.max(0, ...calls.map((c) => c.at))
        return
      }
      announce(calls.filter((c) => c.at > lastCallAt && next.at - c.at <= MISSED_CALL_MS))
      for (const call of calls) seen.add(callKey(call))
    },
    receiveApplied(state, delta) {
      batch(() => {
        observeClock(delta.at, false)
        snapshot.value = state
      })
      const calls: CallView[] = []
      for (const change of delta.changes) if (change.kind === 'call') calls.push(change.call)
      announce(calls)
    },
    follow(follower) {
      if (follower.state) store.receiveSnapshot(follower.state)
      return follower.subscribe((update: FollowerUpdate) => {
        if (update.kind === 'snapshot') store.receiveSnapshot(update.state)
        else store.receiveApplied(update.state, update.delta)
      })
    },
    receivePrintOutcome(outcome) {
      printOutcomes.value = [outcome, ...printOutcomes.peek()].slice(0, KEEP_OUTCOMES)
    },
    setLink(state) {
      link.value = state
    },
    tick() {
      now.value = clock() + offset
    },
    onCall(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return store
}
