import { type Static, Type } from 'typebox'
import { RatingBody } from './bodies.js'
import { AttachedDeviceHealth } from './devices.js'
import type { Ack } from './errors.js'
import { PrintJob, PrintResult } from './print.js'
import { type Access, ANYONE_SIGNED } from './route-def.js'
import { type CardReadView, DateString, type Delta, type HallSnapshot, type ScanView } from './views.js'
import { ID_CARD_TYPES } from './vocabulary.js'

/**
 * Socket.io events. A client connects with `auth: { token }` (a device token or a staff session),
 * receives `snapshot` at once, then `delta`s whose `prevSeq` chains to the last `seq` it holds; on a
 * gap it emits `resync` and replaces its state with the answer.
 *
 * Rooms: `role:<role>` for every device role, `window:<id>` for window-bound devices and staff,
 * `terminal:<id>` joining a terminal PC's screen with its device agent.
 */

/**
 * What a device agent sends when a card is read: only the fields a hall's purposes need (queue
 * priority by age, the applicant of a case). Never logged; stored encrypted; screens get a masked
 * `CardReadView` instead.
 */
/**
 * Set by the device agent once per event it sends. After a lost ack the agent sends the same event
 * again with the same id, and the hall server acts on it only once.
 */
export const AgentEventId = Type.Optional(Type.String({ minLength: 1, maxLength: 64 }))

export const IdCardPayload = Type.Object(
  {
    eventId: AgentEventId,
    cardType: Type.Enum(ID_CARD_TYPES),
    name: Type.String({ minLength: 1, maxLength: 120 }),
    idNumber: Type.String({ minLength: 6, maxLength: 36 }),
    gender: Type.String({ maxLength: 8 }),
    birthDate: DateString,
    nationality: Type.Optional(Type.String({ maxLength: 8 })),
  },
  { additionalProperties: false },
)
export type IdCardPayload = Static<typeof IdCardPayload>

export const ScanPayload = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 2048 }), eventId: AgentEventId },
  { additionalProperties: false },
)
export type ScanPayload = Static<typeof ScanPayload>

export const AgentHeartbeat = Type.Object(
  {
    agentVersion: Type.String({ maxLength: 32 }),
    attached: Type.Array(AttachedDeviceHealth, { maxItems: 16 }),
  },
  { additionalProperties: false },
)
export type AgentHeartbeat = Static<typeof AgentHeartbeat>

/**
 * A rating pressed on a window's button box. `caseId` names the case the box was prompted for;
 * without it the server takes the window's latest finished, unrated case.
 */
export const ButtonRatingPayload = Type.Object(
  {
    ...RatingBody.properties,
    caseId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    eventId: AgentEventId,
  },
  { additionalProperties: false },
)
export type ButtonRatingPayload = Static<typeof ButtonRatingPayload>

export const PrintOutcomeEvent = Type.Object({
  jobId: Type.String(),
  ok: Type.Boolean(),
  /** The agent's failure code (PAPER_OUT, PRINTER_OFFLINE, …), for screens that branch on it. */
  code: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  message: Type.Union([Type.String(), Type.Null()]),
})
export type PrintOutcomeEvent = Static<typeof PrintOutcomeEvent>

export interface ServerToClientEvents {
  snapshot: (snapshot: HallSnapshot) => void
  delta: (delta: Delta) => void
  /** To a terminal's screens: a card was placed on its reader. */
  cardRead: (card: CardReadView) => void
  /** To a terminal's screens: its scanner read a code. */
  scan: (scan: ScanView) => void
  /** To a terminal's device agent: print this, then answer with `agent:printResult`. */
  print: (job: PrintJob) => void
  /** To a terminal's screens: how a print they caused went. */
  printOutcome: (outcome: PrintOutcomeEvent) => void
}

export interface ClientToServerEvents {
  resync: (ack: (snapshot: HallSnapshot) => void) => void
  'agent:heartbeat': (beat: AgentHeartbeat, ack: (result: Ack<null>) => void) => void
  'agent:cardRead': (card: IdCardPayload, ack: (result: Ack<null>) => void) => void
  'agent:scan': (scan: ScanPayload, ack: (result: Ack<null>) => void) => void
  'agent:printResult': (result: PrintResult, ack: (result: Ack<null>) => void) => void
  'agent:rating': (rating: ButtonRatingPayload, ack: (result: Ack<null>) => void) => void
}

/**
 * Who may send each client-to-server event, in the same roles as the routes' `access`. Connecting
 * at all needs a device token or a staff session (`ANYONE_SIGNED`); the server refuses a sender
 * whose role is not listed with `FORBIDDEN`, before looking at the payload.
 */
export const SOCKET_ACCESS = {
  resync: ANYONE_SIGNED,
  'agent:heartbeat': ['agent'],
  'agent:cardRead': ['agent'],
  'agent:scan': ['agent'],
  'agent:printResult': ['agent'],
  'agent:rating': ['agent'],
} as const satisfies { [E in keyof ClientToServerEvents]: readonly Access[] }

/** Who may open a socket at all. */
export const SOCKET_CONNECT_ACCESS: readonly Access[] = ANYONE_SIGNED

export { PrintJob, PrintResult }
