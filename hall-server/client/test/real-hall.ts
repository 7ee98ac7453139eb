import { rm } from 'node:fs/promises'
import type { HallSnapshot } from '@hall/protocol'
import { loadConfig } from '../../src/config.js'
import { type HallServer, startHallServer } from '../../src/index.js'
import { prepareDataDir } from '../../test/helper.js'
import type { FollowerUpdate, HallFollower } from '../src/index.js'

/**
 * A real hall server listening on a real port (hall-server's own temp data dir with the demo hall
 * and enrolled devices), which can go away and come back on the same port and data.
 */

export interface RealHall {
  url: string
  tokens: Record<string, string>
  server: HallServer
  stop(): Promise<void>
  restart(): Promise<void>
  close(): Promise<void>
}

export async function startRealHall(): Promise<RealHall> {
  const { dir, paths, tokens } = await prepareDataDir()
  const config = await loadConfig(paths.configFile)
  const start = (port: number) => startHallServer({ config, paths, host: '127.0.0.1', port, tickMs: 200 })
  let server = await start(0)
  const port = Number(new URL(server.url).port)
  let running = true
  return {
    url: `http://127.0.0.1:${port}`,
    tokens,
    get server() {
      return server
    },
    async stop() {
      running = false
      await server.close()
    },
    async restart() {
      server = await start(port)
      running = true
    },
    async close() {
      if (running) await server.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** Resolves with the first update (from now on, or the state already held) that `pred` accepts. */
export function updateWhere(
  follower: HallFollower,
  pred: (update: FollowerUpdate) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<FollowerUpdate> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`timed out waiting for ${what}`))
    }, timeoutMs)
    const stop = follower.subscribe((update) => {
      if (!pred(update)) return
      clearTimeout(timer)
      stop()
      resolve(update)
    })
  })
}

/** Resolves once the follower's state satisfies `pred` (at once if it already does). */
export async function stateWhere(
  follower: HallFollower,
  pred: (state: HallSnapshot) => boolean,
  what: string,
): Promise<HallSnapshot> {
  if (follower.state && pred(follower.state)) return follower.state
  const update = await updateWhere(follower, (u) => pred(u.state), what)
  return update.state
}

export const ticketCodes = (state: HallSnapshot | null) => (state?.tickets ?? []).map((t) => t.code).sort()
