/**
 * A linked pair of pseudo-terminals from socat (Debian package `socat`), for simulated serial
 * devices: the device under test opens one end with serialport, a simulator the other. Started as
 * `socat -d -d pty,raw,echo=0 pty,raw,echo=0` (shared device notes); the two `/dev/pts/N` paths
 * are parsed from socat's notices on stderr.
 *
 * `links` makes socat create symlinks to the ends (and remove them when it exits): a device
 * configured with the link path sees "unplug" when the pair stops and "plug in" when a new pair
 * creates the same link, which is how reconnect is tested.
 */

import { type ChildProcess, spawn } from 'node:child_process'
import { type Logger, silentLogger } from '../logger.js'

export interface PtyPairOptions {
  /** Symlink paths for the first and second end. */
  links?: readonly [string | undefined, string | undefined]
  /** Default `socat` from PATH. */
  socatPath?: string
  /** Default 5000 ms. */
  startTimeoutMs?: number
  logger?: Logger
}

const running = new Set<ChildProcess>()
let exitHookInstalled = false

/** Kills any pair still running when the process exits (a crashed test must not leave socat behind). */
function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL')
  })
}

export class PtyPairError extends Error {
  readonly code = 'PTY_PAIR_FAILED'
  constructor(message: string) {
    super(message)
    this.name = 'PtyPairError'
  }
}

export class PtyPair {
  /** The `/dev/pts/N` paths of the two ends. */
  readonly ptys: readonly [string, string]
  /** Path to open for each end: the link when one was asked for, else the pty. */
  readonly a: string
  readonly b: string
  private readonly child: ChildProcess
  private readonly exited: Promise<void>
  private done = false

  private constructor(
    child: ChildProcess,
    ptys: [string, string],
    links: PtyPairOptions['links'],
    exited: Promise<void>,
  ) {
    this.child = child
    this.ptys = ptys
    this.a = links?.[0] ?? ptys[0]
    this.b = links?.[1] ?? ptys[1]
    this.exited = exited
  }

  static async start(options: PtyPairOptions = {}): Promise<PtyPair> {
    const log = options.logger ?? silentLogger
    const end = (link: string | undefined): string => `pty,raw,echo=0${link ? `,link=${link}` : ''}`
    const args = ['-d', '-d', end(options.links?.[0]), end(options.links?.[1])]
    const child = spawn(options.socatPath ?? 'socat', args, { stdio: ['ignore', 'ignore', 'pipe'] })
    running.add(child)
    installExitHook()
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => {
        running.delete(child)
        resolve()
      })
    })
    const ptys: string[] = []
    let stderr = ''
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new PtyPairError(`socat did not start within ${options.startTimeoutMs ?? 5000} ms: ${stderr}`),
            ),
          options.startTimeoutMs ?? 5000,
        )
        child.once('error', (err) => {
          clearTimeout(timer)
          const missing = (err as { code?: string }).code === 'ENOENT'
          reject(
            new PtyPairError(
              missing
                ? '找不到 socat，请安装 Debian 软件包 socat / socat not found: apt-get install socat'
                : `socat failed to start: ${err.message}`,
            ),
          )
        })
        child.once('exit', (code) => {
          clearTimeout(timer)
          reject(new PtyPairError(`socat exited with ${code}: ${stderr.trim()}`))
        })
        child.stderr?.setEncoding('utf8')
        child.stderr?.on('data', (text: string) => {
          stderr += text
          for (const m of text.matchAll(/PTY is (\/dev\/\S+)/g)) ptys.push(m[1]!)
          // Both ends exist (and their links) once socat enters its transfer loop.
          if (ptys.length >= 2 && /starting data transfer loop/.test(stderr)) {
            clearTimeout(timer)
            resolve()
          }
        })
      })
    } catch (err) {
      running.delete(child)
      // A child that failed to spawn has no pid and may never emit 'exit'.
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL')
        await exited
      }
      throw err
    }
    // Keep draining stderr so socat never blocks on a full pipe.
    child.stderr?.removeAllListeners('data')
    child.stderr?.resume()
    log.debug('pty pair started', { pid: child.pid, ptys })
    return new PtyPair(child, [ptys[0]!, ptys[1]!], options.links, exited)
  }

  get pid(): number | undefined {
    return this.child.pid
  }

  get running(): boolean {
    return !this.done && this.child.exitCode === null && this.child.signalCode === null
  }

  /** Stops socat (the "unplug"): both ends hang up and the links disappear. */
  async stop(): Promise<void> {
    if (this.done) return
    this.done = true
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM')
      const force = setTimeout(() => this.child.kill('SIGKILL'), 2000)
      await this.exited
      clearTimeout(force)
    }
  }
}

/** Stops every pair this process started (test teardown safety net). */
export async function stopAllPtyPairs(): Promise<void> {
  const children = [...running]
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            resolve()
            return
          }
          child.once('exit', () => resolve())
          child.kill('SIGTERM')
        }),
    ),
  )
}
