import { type Handlers } from './handler.js'
export declare const windowHandlers: Pick<
  Handlers,
  | 'callNext'
  | 'recall'
  | 'skipTicket'
  | 'transferTicket'
  | 'callTicket'
  | 'completeTicket'
  | 'pauseWindow'
  | 'resumeWindow'
>
