import type { FastifyInstance } from 'fastify'
import { serveAdminChannel } from './cli/admin-channel.js'
import type { HallConfig, Paths } from './config.js'
import { closeHall, type Hall, openHall, watchDatabase } from './hall/boot.js'
import { watchConfigFile } from './hall/config-watch.js'
import { buildApp } from './http/app.js'
import { type LandingLink, registerLanding, registerScreens, type ScreenRoot } from './http/landing.js'
import { attachRealtime, type HallIo } from './realtime/socket.js'
import { acquireDataLock } from './store/data-lock.js'

export type { HallConfig, Paths } from './config.js'
export { ConfigError, loadConfig, parseConfig, pathsFrom } from './config.js'
export type { Hall } from './hall/boot.js'
export { DataDirLocked } from './store/data-lock.js'
export { StoredDataTooNew } from './store/event-codec.js'

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

export async function startHallServer(options: StartOptions): Promise<HallServer> {
  // One writer per data directory: a second server stops here with DataDirLocked.
  const lock = await acquireDataLock(options.paths.dataDir, 'server')
  const hall = await openHall(options.config, options.paths, options.clock).catch(async (error: unknown) => {
    await lock.release()
    throw error
  })
  const app = await buildApp(hall, { logger: options.logger ?? false })
  await registerScreens(app, options.screens ?? [])
  registerLanding(app, hall, options.links ?? [])
  const io = attachRealtime(app, hall)
  const checkDatabase = watchDatabase(hall)
  const checkConfig = watchConfigFile(
    hall,
    {
      info: (message) => app.log.info(message),
      warn: (message) => app.log.warn(message),
      error: (message) => app.log.error(message),
    },
    // Staff cards on every screen come from the list: send everyone the hall afresh.
    () => io.emit('snapshot', hall.service.snapshot()),
  )
  const watcher = setInterval(() => {
    void checkDatabase().catch(() => undefined)
    void checkConfig().catch((error) => app.log.error({ err: error }, 'hall.json check failed'))
  }, 3000)
  await checkConfig().catch(() => undefined)
  watcher.unref()
  // hallctl's way in while the server runs. Without it the hall still serves; hallctl says why.
  // A change made through it counts before hallctl is answered (staff in hall.json included).
  const admin = await serveAdminChannel(hall, () => checkConfig(true)).catch((error: unknown) => {
    app.log.warn({ err: error }, '管理通道（admin.sock）未能启动：hallctl 在服务器运行时无法修改数据')
    return null
  })
  let ticking = false
  const ticker = setInterval(() => {
    if (ticking) return
    ticking = true
    hall.service
      .execute({ type: 'tick' }, { id: 'system' }, null)
      .catch((error) => app.log.error({ err: error }, 'tick failed'))
      .finally(() => {
        ticking = false
        hall.service.maybeSnapshot()
      })
  }, options.tickMs ?? 1000)
  ticker.unref()
  const address = await app.listen({
    host: options.host ?? options.config.server.host,
    port: options.port ?? options.config.server.port,
  })
  let closed = false
  return {
    app,
    io,
    hall,
    url: address.replace('0.0.0.0', '127.0.0.1').replace('[::]', '127.0.0.1'),
    async close() {
      if (closed) return
      closed = true
      clearInterval(ticker)
      clearInterval(watcher)
      // Drop the connections at the transport rather than telling clients they were disconnected
      // on purpose: socket.io clients then reconnect by themselves when the server is back.
      io.engine.close()
      await app.close().catch(() => undefined)
      if (admin) await new Promise((resolve) => admin.close(resolve))
      await closeHall(hall)
      await lock.release()
    },
  }
}
