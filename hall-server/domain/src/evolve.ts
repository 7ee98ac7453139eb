import type { DomainEvent } from './events.js'
import { caseHandlers, followUpHandlers, ratingHandlers } from './evolve-cases.js'
import { deviceHandlers } from './evolve-devices.js'
import type { Handler, Handlers } from './evolve-handlers.js'
import { dayHandlers, ticketHandlers } from './evolve-tickets.js'
import { windowHandlers } from './evolve-windows.js'
import type { Effect, Hall } from './state.js'

/**
 * Applies one event to the hall: the only place state changes. Deterministic and total over the
 * events `decide` produces; it reads nothing but the event and the state. One small function per
 * event, grouped by family: the business day and tickets, windows, cases with their ratings and
 * follow-ups, devices and alarms.
 */

const HANDLERS: Handlers<DomainEvent['type']> = {
  ...dayHandlers,
  ...ticketHandlers,
  ...windowHandlers,
  ...caseHandlers,
  ...ratingHandlers,
  ...followUpHandlers,
  ...deviceHandlers,
}

export function evolve(hall: Hall, event: DomainEvent): Effect[] {
  const effects: Effect[] = []
  // The table is keyed by event type, so the handler found takes exactly this event.
  const handler = HANDLERS[event.type] as Handler<DomainEvent>
  handler(hall, event, effects)
  return effects
}
