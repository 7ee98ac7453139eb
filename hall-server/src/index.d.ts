import type { FastifyInstance } from 'fastify'
import type { HallConfig, Paths } from './config.js'
import { type Hall } from './hall/boot.js'
import { type LandingLink, type ScreenRoot } from './http/landing.js'
import { type HallIo } from './realtime/socket.js'

export type { HallConfig, Paths } from './config.js'
export { ConfigError, loadConfig, parseConfig, pathsFrom } from './config.js'
export type { Hall } from './hall/boot.js'
/**
 * The whole hall server: storage, domain, HTTP, socket.io, the clock that expires ratings and
 * raises alarms, and the screens' static files.
 */
export interface StartOptions {
  config: HallConfig
  paths: Paths
  clock?: () => number
  logger?: boolean | object
  host?: string
  port?: number
  /** Built screen bundles to serve, e.g. kiosk-ui/dist at /kiosk/. */
  screens?: ScreenRoot[]
  /** Links for the landing page at `/` (the demo adds one per enrolled screen). */
  links?: LandingLink[]
  tickMs?: number
}
export interface HallServer {
  app: FastifyInstance
  io: HallIo
  hall: Hall
  url: string
  close(): Promise<void>
}
export declare function startHallServer(options: StartOptions): Promise<HallServer>
