import type { HallSnapshot, QueueView } from '@hall/protocol'
import { type ReadonlySignal, signal } from '@preact/signals'

/**
 * Waiting counts per queue over time, sampled by the wall from the live state since it was
 * opened (the server keeps no history of waiting counts).
 */

export interface WaitingTrend {
  /** Sample times, seconds (uPlot's time unit). */
  times: number[]
  queueIds: string[]
  names: string[]
  counts: number[][]
}

export const EMPTY_TREND: WaitingTrend = { times: [], queueIds: [], names: [], counts: [] }

/** Adds a sample; a queue that appears later gets zeros before it. Keeps the last `keep` samples. */
export function addSample(
  trend: WaitingTrend,
  atMs: number,
  queues: readonly QueueView[],
  keep: number,
): WaitingTrend {
  const queueIds = [...trend.queueIds]
  const names = [...trend.names]
  const counts = trend.counts.map((series) => [...series])
  for (const queue of queues) {
    if (!queueIds.includes(queue.id)) {
      queueIds.push(queue.id)
      names.push(queue.name)
      counts.push(trend.times.map(() => 0))
    }
  }
  const times = [...trend.times, Math.floor(atMs / 1000)]
  queueIds.forEach((id, i) => {
    ;(counts[i] as number[]).push(queues.find((q) => q.id === id)?.waiting ?? 0)
  })
  const drop = Math.max(0, times.length - keep)
  return {
    times: times.slice(drop),
    queueIds,
    names,
    counts: counts.map((series) => series.slice(drop)),
  }
}

export function createWaitingTrend(
  snapshot: ReadonlySignal<HallSnapshot | null>,
  now: ReadonlySignal<number>,
  everyMs = 15_000,
  keep = 240,
): { trend: ReadonlySignal<WaitingTrend>; sample(): void; start(): () => void } {
  const trend = signal<WaitingTrend>(EMPTY_TREND)
  const sample = () => {
    const current = snapshot.peek()
    if (current) trend.value = addSample(trend.peek(), now.peek(), current.queues, keep)
  }
  return {
    trend,
    sample,
    start() {
      sample()
      const timer = setInterval(sample, everyMs)
      return () => clearInterval(timer)
    },
  }
}
