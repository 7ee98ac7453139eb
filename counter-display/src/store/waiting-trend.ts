import type { HallSnapshot, QueueView, WaitingTrendView } from '@hall/protocol'
import { computed, type ReadonlySignal, signal } from '@preact/signals'

/**
 * Waiting counts per queue over time: today's history from the hall server (every 5 minutes,
 * replayed from its log), then the wall's own samples of the live state (every 15 s, the last
 * hour). The history is fetched again every few minutes, so it covers what the live samples drop.
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

/** The server's history up to the first live sample, then the live samples; queues by id. */
export function withHistory(live: WaitingTrend, history: WaitingTrendView | null): WaitingTrend {
  if (history === null) return live
  const liveFrom = live.times[0] ?? Number.POSITIVE_INFINITY
  const kept = history.times.map((ms) => Math.floor(ms / 1000)).filter((s) => s < liveFrom)
  const queueIds = [...history.queues.map((q) => q.queueId)]
  const names = [...history.queues.map((q) => q.name)]
  live.queueIds.forEach((id, i) => {
    if (!queueIds.includes(id)) {
      queueIds.push(id)
      names.push(live.names[i] as string)
    }
  })
  const counts = queueIds.map((id) => {
    const past = history.queues.find((q) => q.queueId === id)?.counts.slice(0, kept.length)
    const at = live.queueIds.indexOf(id)
    return [
      ...(past ?? kept.map(() => 0)),
      ...(at >= 0 ? (live.counts[at] as number[]) : live.times.map(() => 0)),
    ]
  })
  return { times: [...kept, ...live.times], queueIds, names, counts }
}

export interface WaitingTrendSource {
  trend: ReadonlySignal<WaitingTrend>
  sample(): void
  /** Fetches the server's history now (errors are kept quiet: the live samples go on). */
  refreshHistory(): Promise<void>
  start(): () => void
}

export function createWaitingTrend(
  snapshot: ReadonlySignal<HallSnapshot | null>,
  now: ReadonlySignal<number>,
  loadHistory: (() => Promise<WaitingTrendView>) | null = null,
  options: { everyMs?: number; keep?: number; historyEveryMs?: number } = {},
): WaitingTrendSource {
  const { everyMs = 15_000, keep = 240, historyEveryMs = 300_000 } = options
  const live = signal<WaitingTrend>(EMPTY_TREND)
  const history = signal<WaitingTrendView | null>(null)
  const sample = () => {
    const current = snapshot.peek()
    if (current) live.value = addSample(live.peek(), now.peek(), current.queues, keep)
  }
  const refreshHistory = async () => {
    if (!loadHistory) return
    try {
      history.value = await loadHistory()
    } catch {
      // Offline or refused: the chart shows what it has; the next refresh tries again.
    }
  }
  return {
    trend: computed(() => withHistory(live.value, history.value)),
    sample,
    refreshHistory,
    start() {
      // The first sample as soon as there is a hall to sample, not a period later.
      const first = snapshot.subscribe((current) => {
        if (current && live.peek().times.length === 0) sample()
      })
      void refreshHistory()
      const timer = setInterval(sample, everyMs)
      const historyTimer = setInterval(() => void refreshHistory(), historyEveryMs)
      return () => {
        first()
        clearInterval(timer)
        clearInterval(historyTimer)
      }
    },
  }
}
