import type { CallView, HallSnapshot, WindowView } from '@hall/protocol'

/** What the call display shows of the hall's calls. */

/** A call is highlighted (and blinks) this long after it was made. */
export const FRESH_MS = 8000

export function isFresh(call: CallView, now: number, freshMs = FRESH_MS): boolean {
  return now - call.at < freshMs
}

/** The latest calls, one per ticket (a recall replaces the earlier call of its ticket), newest first. */
export function latestCalls(calls: readonly CallView[], limit: number): CallView[] {
  const seen = new Set<string>()
  const out: CallView[] = []
  for (const call of [...calls].sort((a, b) => b.at - a.at)) {
    if (seen.has(call.ticketId)) continue
    seen.add(call.ticketId)
    out.push(call)
    if (out.length === limit) break
  }
  return out
}

export function pausedWindows(snapshot: HallSnapshot): WindowView[] {
  return snapshot.windows.filter((w) => w.status === 'paused').sort((a, b) => a.number - b.number)
}

export function totalWaiting(snapshot: HallSnapshot): number {
  return snapshot.queues.reduce((sum, q) => sum + q.waiting, 0)
}
