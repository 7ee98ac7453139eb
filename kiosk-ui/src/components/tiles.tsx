import type { QueueView, ServiceSummary } from '@hall/protocol'

/** A business category (one queue of the 4+X windows): letter, name, what it covers, who waits. */
export function QueueTile(props: { queue: QueueView; onPress(): void }) {
  const q = props.queue
  return (
    <button type="button" class="tile" data-testid={`queue-${q.id}`} onClick={() => props.onPress()}>
      <span class="tile-letter" aria-hidden="true">
        {q.prefix}
      </span>
      <span class="tile-body">
        <span class="tile-title">
          {q.name}
          {q.kind === 'local' ? <span class="badge">本地特色</span> : null}
        </span>
        <span class="tile-desc">{q.description}</span>
      </span>
      <span class="tile-side">
        <span class="tile-count">{q.waiting}</span>
        <span class="tile-count-label">人等候</span>
      </span>
    </button>
  )
}

/** A service item found by search, as a large tile. */
export function ServiceTile(props: { service: ServiceSummary; onPress(): void }) {
  const s = props.service
  return (
    <button
      type="button"
      class="tile tile-service"
      data-testid="service-tile"
      onClick={() => props.onPress()}
    >
      <span class="tile-body">
        <span class="tile-title">{s.name}</span>
        <span class="tile-desc">
          {s.category} · {s.itemType}
        </span>
      </span>
      <span class="tile-arrow" aria-hidden="true">
        ›
      </span>
    </button>
  )
}
