import type { FastifyInstance } from 'fastify'
import type { Hall } from '../hall/boot.js'
/**
 * The screens' static bundles, and the page at `/` that links every screen of the hall — the one
 * URL the demo prints and an installer opens first.
 */
export interface ScreenRoot {
  /** URL prefix, e.g. `/kiosk/`. */
  prefix: string
  /** Directory of the built bundle. */
  root: string
}
export interface LandingLink {
  group: string
  label: string
  url: string
}
export declare function registerScreens(app: FastifyInstance, screens: ScreenRoot[]): Promise<void>
export declare function registerLanding(app: FastifyInstance, hall: Hall, links: LandingLink[]): void
