/**
 * The agents' events the hall server has already acted on, by `${deviceId}:${eventId}`: an agent
 * whose ack was lost sends the event again, and the second copy is acknowledged without acting
 * twice (no second card greeting, scan or rating). A copy that arrives while the first is still
 * being handled waits for it and gets its outcome. Only successes are remembered: a refused or
 * failed event may be sent again and is handled again. Kept in memory, the last `capacity` ids.
 */
export class RecentEvents {
  private readonly done = new Set<string>()
  private readonly running = new Map<string, Promise<void>>()

  constructor(private readonly capacity = 1000) {}

  once(key: string | null, work: () => Promise<void>): Promise<void> {
    if (key === null) return work()
    if (this.done.has(key)) return Promise.resolve()
    const running = this.running.get(key)
    if (running) return running
    const handled = work()
      .then(() => this.remember(key))
      .finally(() => this.running.delete(key))
    this.running.set(key, handled)
    return handled
  }

  private remember(key: string): void {
    this.done.add(key)
    if (this.done.size > this.capacity) {
      const oldest = this.done.values().next().value
      if (oldest !== undefined) this.done.delete(oldest)
    }
  }
}
