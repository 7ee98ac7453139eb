import { type Handlers } from './handler.js'
/** Staff sign-in and sign-out at a counter (签到/签退), who-am-I, and the audit log. */
export declare const authHandlers: Pick<
  Handlers,
  'signIn' | 'signOut' | 'whoAmI' | 'listAudit' | 'searchServices' | 'getService'
>
