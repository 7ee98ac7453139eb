// Installs what the hall needs on a fresh Debian machine: npm packages always; Debian packages
// (socat, chromium, espeak-ng, libusb-1.0-0, CJK fonts) when running as root and they are missing.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')

const DEBIAN = [
  { pkg: 'socat', check: () => has('socat') },
  { pkg: 'sqlite3', check: () => has('sqlite3') },
  { pkg: 'chromium', check: () => existsSync('/usr/bin/chromium') },
  { pkg: 'espeak-ng', check: () => has('espeak-ng') },
  { pkg: 'libusb-1.0-0', check: () => libExists('libusb-1.0.so.0') },
  {
    pkg: 'fonts-noto-cjk',
    check: () => existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
  },
]

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

function libExists(name) {
  const out = spawnSync('sh', ['-c', `ldconfig -p 2>/dev/null | grep -q ${name}`], { stdio: 'ignore' })
  return out.status === 0
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with ${result.status}`)
}

export function ensureDebianPackages(log = console.log) {
  const missing = DEBIAN.filter((d) => !d.check()).map((d) => d.pkg)
  if (missing.length === 0 || process.env.HALL_SKIP_APT) return missing
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    log(`[setup] not root: please install ${missing.join(' ')} (apt-get install -y ${missing.join(' ')})`)
    return missing
  }
  log(`[setup] installing Debian packages: ${missing.join(' ')}`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  run('apt-get', ['update', '-qq'], { env })
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env })
  return DEBIAN.filter((d) => !d.check()).map((d) => d.pkg)
}

export function ensureNpmPackages(log = console.log) {
  const lock = join(root, 'package-lock.json')
  const marker = join(root, 'node_modules', '.package-lock.json')
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return
  // `npm ci`: installs exactly what the lock pins (it holds every platform's optional binaries) and
  // never rewrites package-lock.json, so a clean clone stays clean.
  log('[setup] installing npm packages (npm ci)')
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'])
}

export function ensureBuilt(log = console.log) {
  for (const ui of ['kiosk-ui', 'counter-display']) {
    if (!existsSync(join(root, ui, 'vite.config.ts'))) continue
    log(`[setup] building ${ui}`)
    run('npm', ['run', 'build', '--silent', '-w', ui])
  }
}

export function gitRevision() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim()
  } catch {
    return 'unknown'
  }
}
