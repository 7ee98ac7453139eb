import { type Handlers } from './handler.js'
export declare const caseHandlers: Pick<
  Handlers,
  | 'startCase'
  | 'finishCase'
  | 'getCase'
  | 'submitRating'
  | 'listFollowUps'
  | 'verifyFollowUp'
  | 'closeFollowUp'
>
