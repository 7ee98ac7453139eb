import { type TSchema, Type } from 'typebox'

/** The small schemas every part of the contract builds on. */

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

/** Epoch milliseconds. */
export const Millis = Type.Integer({ minimum: 0 })
/** A business date in the hall's time zone, `YYYY-MM-DD`. */
export const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
