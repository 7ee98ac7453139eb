import { type FastifyInstance } from 'fastify'
import type { Hall } from '../hall/boot.js'
import { type Principal } from '../hall/identity.js'
import type { Handlers } from './handler.js'
/**
 * The hall server's HTTP face: every operation of the contract's route table, each validated by its
 * schema, authorised by its access list, and answered by its handler. One error handler turns
 * refusals into `{ code, message }` with the contract's status, and hides the details of 5xx.
 */
export declare const handlers: Handlers
declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null
  }
}
export interface AppOptions {
  logger?: boolean | object
}
export declare function buildApp(hall: Hall, options?: AppOptions): Promise<FastifyInstance>
