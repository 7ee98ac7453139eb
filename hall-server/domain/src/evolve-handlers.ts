import type { DomainEvent } from './events.js'
import type { Effect, Hall } from './state.js'

/** One event's change to the hall; it appends the effects clients must hear of. */
export type Handler<E extends DomainEvent> = (hall: Hall, event: E, effects: Effect[]) => void

/** A handler for every event type of a family, each taking its own event. */
export type Handlers<T extends DomainEvent['type']> = { [K in T]: Handler<Extract<DomainEvent, { type: K }>> }
