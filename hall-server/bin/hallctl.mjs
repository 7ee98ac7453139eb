#!/usr/bin/env node
// hallctl: runs the TypeScript CLI through tsx, from wherever it is called.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../src/cli/hallctl.ts', import.meta.url))
const result = spawnSync(
  process.execPath,
  ['--import', import.meta.resolve('tsx'), cli, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
)
process.exit(result.status ?? 1)
