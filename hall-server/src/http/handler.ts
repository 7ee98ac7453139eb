import type { OperationId, OperationInput, OperationOutput } from '@hall/protocol'
import type { Hall } from '../hall/boot.js'
import { actorId, type Principal } from '../hall/identity.js'
import { type Actor, CommandRefused } from '../hall/service.js'

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

export type Handlers = { [Op in OperationId]: Handler<Op> }

export function actor(p: Principal): Actor {
  return { id: actorId(p) }
}

/** Staff act only on the window they signed in at; managers may also pause and resume others. */
export function ownWindow(p: Principal, windowId: string, managerMayOverride = false): void {
  if (p.kind !== 'staff') throw new CommandRefused('FORBIDDEN')
  if (p.windowId === windowId) return
  if (managerMayOverride && p.role === 'manager') return
  throw new CommandRefused('FORBIDDEN', '只能操作本人签到的窗口')
}

export function staffNoOf(p: Principal): string {
  return p.kind === 'staff' ? p.staffNo : p.deviceId
}
