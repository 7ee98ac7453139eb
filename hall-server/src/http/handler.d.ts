import type { OperationId, OperationInput, OperationOutput } from '@hall/protocol'
import type { Hall } from '../hall/boot.js'
import { type Principal } from '../hall/identity.js'
import { type Actor } from '../hall/service.js'
/** The shape of an operation's handler: typed input from the contract, typed output. */
export interface HandlerRequest<Op extends OperationId> {
  principal: Principal
  params: OperationInput<Op>['params']
  query: OperationInput<Op>['query']
  body: OperationInput<Op>['body']
}
export type Handler<Op extends OperationId> = (
  hall: Hall,
  req: HandlerRequest<Op>,
) => Promise<OperationOutput<Op>>
export type Handlers = {
  [Op in OperationId]: Handler<Op>
}
export declare function actor(p: Principal): Actor
/** Staff act only on the window they signed in at; managers may also pause and resume others. */
export declare function ownWindow(p: Principal, windowId: string, managerMayOverride?: boolean): void
export declare function staffNoOf(p: Principal): string
