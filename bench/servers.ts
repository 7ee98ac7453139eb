import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { enrollDevice, initHall } from '../hall-server/src/cli/admin.js'
import { type Paths, pathsFrom } from '../hall-server/src/config.js'
import { demoHallConfig } from '../hall-server/src/templates.js'

/**
 * The servers the ticket benchmarks load, each in its own process: the hall server, and the bare
 * Fastify + sqlite3 insert beside it. `HALL_BENCH_NODE_ARGS` adds Node flags to the servers (say
 * `--cpu-prof`), `HALL_BENCH_VERBOSE=1` copies their output to stderr.
 */

const here = import.meta.dirname

export interface Server {
  child: ChildProcess
  url: string
  /** Stops the server and waits for it to exit. */
  stop(): Promise<void>
}

/** Starts `node --import tsx …args` and resolves once it has printed the address it listens on. */
export function start(args: string[]): Promise<Server> {
  const extra = process.env['HALL_BENCH_NODE_ARGS']?.split(' ').filter(Boolean) ?? []
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const stdout = child.stdout as NonNullable<typeof child.stdout>
  if (process.env['HALL_BENCH_VERBOSE']) stdout.on('data', (d: Buffer) => process.stderr.write(d))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    let buffer = ''
    const onExit = (code: number | null) => reject(new Error(`${args[0]} exited ${code} before it was ready`))
    const onData = (d: Buffer) => {
      buffer += d
      const match = /READY (http:\/\/\S+)|已启动：(http:\/\/[\d.:]+)/.exec(buffer)
      if (!match) return
      // Ready: from here on its output (a log line per request, say) is read and dropped, not kept.
      stdout.off('data', onData)
      stdout.resume()
      buffer = ''
      child.off('exit', onExit)
      resolve({
        child,
        url: (match[1] ?? match[2]) as string,
        stop: () => {
          child.kill('SIGINT')
          return exited
        },
      })
    }
    stdout.on('data', onData)
    child.once('exit', onExit)
  })
}

export interface BenchHall {
  paths: Paths
  token: string
}

/**
 * A hall in `dir`: the demo configuration with room for a million numbers per queue and no rate
 * limit, and an enrolled kiosk whose token issues the tickets.
 */
export async function benchHall(dir: string, synchronous: 'FULL' | 'NORMAL'): Promise<BenchHall> {
  const config = demoHallConfig()
  config.server.synchronous = synchronous
  config.server.rateLimitPerMinute = 100_000_000
  for (const q of config.queues) Object.assign(q, { last: 999_999, digits: 6 })
  const paths = pathsFrom({}, dir)
  await initHall(paths, { config, catalogFile: null })
  const token = await enrollDevice(paths, { id: 'kiosk-1', role: 'kiosk', terminal: 'kiosk-1' })
  return { paths, token }
}

/**
 * Starts the hall server of the checkout at `root` (this one by default; another worktree, say an
 * older commit, to compare its write path with the same load and the same hall).
 */
export function startHall(hall: BenchHall, root = join(here, '..')): Promise<Server> {
  return start([
    join(root, 'hall-server', 'src', 'server.ts'),
    '--data-dir',
    hall.paths.dataDir,
    '--host',
    '127.0.0.1',
    '--port',
    '0',
  ])
}

export function startBaseline(file: string, synchronous: 'FULL' | 'NORMAL'): Promise<Server> {
  return start([join(here, 'baseline-server.ts'), file, synchronous])
}
