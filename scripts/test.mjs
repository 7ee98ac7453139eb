// `npm test`: installs what is missing, checks lint and types, builds the screens, runs every
// workspace's tap suite, and ends with one line of counts: "N passed, N failed".
import { spawn } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { leftBehind, treeStatus } from './clean-tree.mjs'
import { ensureBuilt, ensureDebianPackages, ensureNpmPackages, root } from './setup.mjs'

const WORKSPACES = [
  'hall-server/protocol',
  'hall-server/client',
  'hall-server/domain',
  'hall-server',
  'device-drivers',
  'kiosk-ui',
  'counter-display',
]

function testFiles(dir) {
  const out = []
  const walk = (d) => {
    let entries = []
    try {
      entries = readdirSync(d)
    } catch {
      return
    }
    for (const name of entries) {
      const path = join(d, name)
      if (name === 'node_modules' || name === 'fixtures') continue
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.test.ts') || name.endsWith('.test.tsx')) out.push(path)
    }
  }
  walk(join(dir, 'test'))
  return out.sort()
}

/**
 * Keeps a TAP stream readable in a CI log: one line per test file, and for failures the failing
 * assertion with its diagnostics; passing assertions are counted, not printed.
 */
function tapFilter() {
  let pending = ''
  let inDiagnostics = false
  let failing = false
  return (chunk) => {
    pending += chunk
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    const out = []
    for (const line of lines) {
      const trimmed = line.trimStart()
      if (inDiagnostics) {
        if (failing) out.push(line)
        if (trimmed === '...') inDiagnostics = false
        continue
      }
      if (trimmed === '---') {
        inDiagnostics = true
        if (failing) out.push(line)
        continue
      }
      failing = trimmed.startsWith('not ok')
      const topLevel = line === trimmed && /^(not )?ok \d+ - /.test(line)
      if (failing || topLevel || line.startsWith('# {') || line.startsWith('Bail out')) out.push(line)
    }
    return out.length > 0 ? `${out.join('\n')}\n` : ''
  }
}

function runCapture(command, args, cwd, filter = (d) => d) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    })
    let output = ''
    child.stdout.on('data', (d) => {
      output += d
      process.stdout.write(filter(String(d)))
    })
    child.stderr.on('data', (d) => {
      output += d
      process.stderr.write(d)
    })
    child.on('close', (code) => resolve({ code: code ?? 1, output }))
  })
}

const totals = { pass: 0, fail: 0, skip: 0 }
const failures = []

function count(name, result) {
  // tap's final summary: "# { total: 12, pass: 11, fail: 1, skip: 0 }"
  const match = [
    ...result.output.matchAll(/# \{ total: (\d+), pass: (\d+)(?:, fail: (\d+))?(?:, skip: (\d+))?/g),
  ].pop()
  if (!match) {
    totals.fail++
    failures.push(`${name}: no test summary (exit ${result.code})`)
    return
  }
  totals.pass += Number(match[2])
  totals.fail += Number(match[3] ?? 0)
  totals.skip += Number(match[4] ?? 0)
  if (result.code !== 0 || Number(match[3] ?? 0) > 0) failures.push(`${name}: exit ${result.code}`)
}

async function check(name, command, args) {
  process.stdout.write(`\n== ${name}\n`)
  const result = await runCapture(command, args, root)
  if (result.code === 0) totals.pass++
  else {
    totals.fail++
    failures.push(`${name}: exit ${result.code}`)
  }
}

const statusBefore = treeStatus(root)
ensureDebianPackages()
ensureNpmPackages()
ensureBuilt()
await check('lint (biome)', 'npx', ['biome', 'check', '.'])
await check('types (tsc -b)', 'npx', ['tsc', '-b'])
for (const ws of WORKSPACES) {
  const files = testFiles(join(root, ws))
  if (files.length === 0) continue
  process.stdout.write(`\n== ${ws}: ${files.length} test files\n`)
  const result = await runCapture(
    'npx',
    ['tap', '--reporter=tap', ...files.map((f) => relative(join(root, ws), f))],
    join(root, ws),
    tapFilter(),
  )
  count(ws, result)
}
// A clean clone stays clean: a file a test wrote into the checkout fails the run.
const stray = leftBehind(statusBefore, treeStatus(root))
if (stray.length > 0) {
  totals.fail++
  failures.push(`the run left files in the checkout (git status):\n  ${stray.join('\n  ')}`)
}
process.stdout.write(`\n${failures.length > 0 ? `failed: ${failures.join('; ')}\n` : ''}`)
process.stdout.write(`${totals.pass} passed, ${totals.fail} failed, ${totals.skip} skipped\n`)
process.exit(totals.fail > 0 || failures.length > 0 ? 1 : 0)
