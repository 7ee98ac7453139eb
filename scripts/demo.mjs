// `npm start`: a complete demo hall on this machine. Installs what is missing, builds the screens,
// then runs scripts/demo-hall.ts (hall server, simulated devices and their agents) and prints the
// one URL that links every screen.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ensureBuilt, ensureDebianPackages, ensureNpmPackages, root } from './setup.mjs'

ensureDebianPackages()
ensureNpmPackages()
ensureBuilt()
const child = spawn(
  process.execPath,
  ['--import', 'tsx', join(root, 'scripts', 'demo-hall.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    cwd: root,
  },
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
