import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

/**
 * The hall server as the hall runs it: its own process (`src/server.ts` through tsx), so a test can
 * kill it with SIGKILL, as a power cut or the OOM killer would, and start it again on the same data.
 */

const SERVER = fileURLToPath(new URL('../../src/server.ts', import.meta.url))

export interface ServerProcess {
  child: ChildProcess
  url: string
  port: number
  /** SIGKILL, then waits for the process to be gone. */
  kill(): Promise<void>
  /** SIGTERM (a clean stop), then waits for the process to be gone. */
  stop(): Promise<void>
}

export async function startServerProcess(
  dataDir: string,
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      SERVER,
      '--data-dir',
      dataDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(options.port ?? 0),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, HALL_LOG_LEVEL: 'info', ...options.env },
    },
  )
  let buffer = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the hall server did not start within 30 s')), 30_000)
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString()
      const match = /大厅服务器已启动：(http:\/\/[\d.:]+)/.exec(buffer)
      if (match) {
        clearTimeout(timer)
        child.stdout!.off('data', onData)
        child.off('exit', onExit)
        resolve(match[1] as string)
      }
    }
    const onExit = (code: number | null) => {
      clearTimeout(timer)
      reject(new Error(`the hall server exited with ${code} before it started:\n${buffer}`))
    }
    child.stdout!.on('data', onData)
    child.once('exit', onExit)
  })
  child.stdout!.resume()
  const gone = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = once(child, 'exit')
    child.kill(signal)
    await exited
  }
  return {
    child,
    url,
    port: Number(new URL(url).port),
    kill: () => gone('SIGKILL'),
    stop: () => gone('SIGTERM'),
  }
}
