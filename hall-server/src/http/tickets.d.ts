import type { TicketView } from '@hall/protocol'
import { type Handlers } from './handler.js'
/** Taking a number, and what the hall looks like. */
export declare function ticketQr(ticketId: string): string
export declare const ticketHandlers: Pick<
  Handlers,
  'health' | 'getHallSnapshot' | 'listQueues' | 'issueTicket' | 'getTicket' | 'cancelTicket'
>
export declare function ticketOf(
  effects: {
    kind: string
  }[],
  ticketId?: string,
): TicketView
