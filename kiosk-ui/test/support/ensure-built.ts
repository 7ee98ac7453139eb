import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * The browser tests need kiosk-ui/dist. Builds it (`npx vite build`) when it is missing or older
 * than the sources, so a lone test run works. tap runs test files in parallel, so the build is
 * guarded by a lock directory; a second process waits for the first one's build.
 */

export const KIOSK_DIR = resolve(import.meta.dirname, '../..')
const DIST_INDEX = join(KIOSK_DIR, 'dist', 'index.html')
const LOCK = join(KIOSK_DIR, '.build-lock')
const STALE_LOCK_MS = 180_000

function newest(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let latest = stat.mtimeMs
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)))
  return latest
}

function sourcesTime(): number {
  return Math.max(
    newest(join(KIOSK_DIR, 'src')),
    newest(join(KIOSK_DIR, 'index.html')),
    newest(join(KIOSK_DIR, 'vite.config.ts')),
    // The shared packages are bundled in too.
    ...['protocol', 'client', 'domain']
      .map((name) => join(KIOSK_DIR, '../hall-server', name, 'src'))
      .filter(existsSync)
      .map(newest),
    // The QR encoder shared with the printout preview.
    newest(join(KIOSK_DIR, '../device-drivers/src/codecs/qr.ts')),
  )
}

export function isBuilt(): boolean {
  return existsSync(DIST_INDEX) && statSync(DIST_INDEX).mtimeMs >= sourcesTime()
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function ensureBuilt(): Promise<void> {
  for (;;) {
    if (isBuilt()) return
    try {
      mkdirSync(LOCK)
    } catch {
      if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true })
      await sleep(500)
      continue
    }
    try {
      if (isBuilt()) return
      const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
        cwd: KIOSK_DIR,
        stdio: ['ignore', 'inherit', 'inherit'],
      })
      if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`)
      return
    } finally {
      rmSync(LOCK, { recursive: true, force: true })
    }
  }
}
