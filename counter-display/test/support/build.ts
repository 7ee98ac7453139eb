import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * The end-to-end tests need the built screens. Builds them when `dist` is missing or older than
 * any source, so a lone test run works.
 */

export const PACKAGE = resolve(import.meta.dirname, '../..')

function newest(path: string): number {
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  let latest = info.mtimeMs
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)))
  return latest
}

export function ensureBuilt(): void {
  const dist = join(PACKAGE, 'dist')
  const inputs = ['src', 'index.html', 'display.html', 'window.html', 'counter.html', 'pad.html', 'wall.html']
    .map((name) => join(PACKAGE, name))
    .concat(join(PACKAGE, 'vite.config.ts'))
    // The shared packages are bundled in too.
    .concat(['protocol', 'client', 'domain'].map((name) => join(PACKAGE, '../hall-server', name, 'src')))
  const sources = Math.max(...inputs.filter(existsSync).map(newest))
  const built = existsSync(join(dist, 'display.html')) ? statSync(join(dist, 'display.html')).mtimeMs : 0
  if (built >= sources) return
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: PACKAGE, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`)
}
