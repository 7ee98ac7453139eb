/**
 * A real hall server in this process, for the agent tests: hall-server's own `prepareDataDir`
 * (temp dir, demo config, enrolled devices and staff) and `startHallServer` on port 0, plus
 * screen sockets and the typed HTTP client.
 *
 * hall-server is loaded with a computed specifier: device-drivers' TypeScript project references
 * only the protocol, so the few server types used here are declared locally.
 */

import { rm } from 'node:fs/promises'
import {
  type ApiClient,
  applyDelta,
  type ClientToServerEvents,
  createApiClient,
  type Delta,
  type HallSnapshot,
  type ServerToClientEvents,
} from '@hall/protocol'
import { io, type Socket } from 'socket.io-client'
import { SimulatedTerminal } from '../../src/agent/index.js'
import { memoryLogger } from '../../src/logger.js'
import type { Teardown } from '../devices/helpers.js'

export interface HallServerLike {
  url: string
  close(): Promise<void>
}

interface ServerModule {
  startHallServer(options: {
    config: unknown
    paths: unknown
    host?: string
    port?: number
    tickMs?: number
    logger?: boolean
  }): Promise<HallServerLike>
  loadConfig(file: string): Promise<unknown>
}

interface HelperModule {
  prepareDataDir(): Promise<{ dir: string; paths: { configFile: string }; tokens: Record<string, string> }>
}

const serverModule = new URL('../../../hall-server/src/index.ts', import.meta.url).href
const helperModule = new URL('../../../hall-server/test/helper.ts', import.meta.url).href

export type ScreenSocket = Socket<ServerToClientEvents, ClientToServerEvents>

export interface TestHall {
  url: string
  port: number
  tokens: Record<string, string>
  server: HallServerLike
  /** Closes the server, keeping the data dir (the "hall server goes away"). */
  stopServer(): Promise<void>
  /** Starts it again on the same data dir and port. */
  restartServer(): Promise<void>
  api(device: string): ApiClient
  /** A clerk signed in on a counter; the session token's API client. */
  signIn(counter: string, staffNo: string): Promise<ApiClient>
  /** A screen socket for a device (kiosk-1, counter-1, ...), connected, with its hall state. */
  screen(device: string): Promise<Screen>
  close(): Promise<void>
}

export interface Screen {
  socket: ScreenSocket
  state(): HallSnapshot
  /** Resolves with the first delta that `pred` accepts (after it was applied). */
  waitDelta(pred: (delta: Delta, state: HallSnapshot) => boolean, timeoutMs?: number): Promise<Delta>
  next<K extends keyof ServerToClientEvents>(
    event: K,
    timeoutMs?: number,
  ): Promise<Parameters<ServerToClientEvents[K]>[0]>
  close(): void
}

export async function startTestHall(): Promise<TestHall> {
  const { startHallServer, loadConfig } = (await import(serverModule)) as ServerModule
  const { prepareDataDir } = (await import(helperModule)) as HelperModule
  const { dir, paths, tokens } = await prepareDataDir()
  const config = await loadConfig(paths.configFile)
  const start = (port: number) => startHallServer({ config, paths, host: '127.0.0.1', port, tickMs: 200 })
  let server = await start(0)
  const port = Number(new URL(server.url).port)
  const url = `http://127.0.0.1:${port}`
  const screens = new Set<Screen>()
  let stopped = false
  const hall: TestHall = {
    url,
    port,
    tokens,
    get server() {
      return server
    },
    async stopServer() {
      stopped = true
      await server.close()
    },
    async restartServer() {
      server = await start(port)
      stopped = false
    },
    api: (device) => createApiClient({ baseUrl: url, token: () => tokens[device] ?? null }),
    async signIn(counter, staffNo) {
      const session = await hall.api(counter)('signIn', { body: { staffNo, pin: staffNo } })
      return createApiClient({ baseUrl: url, token: () => session.token })
    },
    async screen(device) {
      const screen = await connectScreen(url, tokens[device] ?? '')
      screens.add(screen)
      return screen
    },
    async close() {
      for (const s of screens) s.close()
      if (!stopped) await server.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
  return hall
}

export function nextOn<T>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs)
    socket.once(event, (value: T) => {
      clearTimeout(timer)
      resolve(value)
    })
  })
}

async function connectScreen(url: string, token: string): Promise<Screen> {
  const socket: ScreenSocket = io(url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  })
  let state = await nextOn<HallSnapshot>(socket as Socket, 'snapshot')
  const watchers = new Set<(delta: Delta) => void>()
  // Like a real screen: a delta that does not chain asks for the full state first.
  let queue = Promise.resolve()
  socket.on('delta', (delta) => {
    queue = queue
      .then(async () => {
        const result = applyDelta(state, delta)
        if (result.kind === 'applied') state = result.state
        if (result.kind === 'gap') state = await socket.timeout(5000).emitWithAck('resync')
        for (const watch of [...watchers]) watch(delta)
      })
      .catch(() => {})
  })
  return {
    socket,
    state: () => state,
    waitDelta(pred, timeoutMs = 8000) {
      return new Promise((resolve, reject) => {
        const watch = (delta: Delta) => {
          if (!pred(delta, state)) return
          clearTimeout(timer)
          watchers.delete(watch)
          resolve(delta)
        }
        const timer = setTimeout(() => {
          watchers.delete(watch)
          reject(new Error(`no matching delta within ${timeoutMs} ms`))
        }, timeoutMs)
        watchers.add(watch)
      })
    },
    next: (event, timeoutMs = 8000) => nextOn(socket as Socket, event, timeoutMs),
    close: () => socket.close(),
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export async function until(cond: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

/** The simulated kiosk terminal (ID card reader, scanner, printer) of `kiosk-1`, its agent connected. */
export async function kiosk(t: Teardown, hall: TestHall, logger = memoryLogger()) {
  const terminal = await SimulatedTerminal.start({
    serverUrl: hall.url,
    token: hall.tokens['agent-kiosk-1']!,
    terminal: 'kiosk-1',
    devices: ['idcard', 'scanner', 'printer'],
    fast: true,
    logger,
  })
  t.teardown(() => terminal.stop())
  await terminal.ready()
  return terminal
}
