import { parseArgs } from 'node:util'
import {
  type Finding,
  formatRound,
  MixedLoadHall,
  runKillLoop,
} from '../hall-server/test/harness/mixed-load.js'

/**
 * The kill -9 loop: `npm run killtest -- --rounds 20 [--seed N] [--kill-after 1000-4000]`.
 *
 * A fresh demo hall in a temp directory under mixed load (kiosk tickets in four queues, two clerks
 * calling and finishing cases, their pads rating), killed with SIGKILL at a random moment each
 * round and started again on the same data. After every restart everything the clients were
 * answered is compared with the SQLite file. One line per round: acknowledged answers, lost,
 * duplicated (a number handed out twice, or a stored ticket other than the one answered),
 * restart-to-ready; then a summary. Exit code 1 on any loss, duplicate or stalled queue.
 */

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    seed: { type: 'string' },
    'kill-after': { type: 'string', default: '1000-4000' },
    help: { type: 'boolean', short: 'h' },
  },
})

if (values.help) {
  process.stdout.write(
    'usage: npm run killtest -- [--rounds 20] [--seed N] [--kill-after MIN-MAX (ms after ready)]\n',
  )
  process.exit(0)
}

function fail(message: string): never {
  process.stderr.write(`killtest: ${message}\n`)
  process.exit(2)
}

const rounds = Number(values.rounds)
if (!Number.isInteger(rounds) || rounds < 1)
  fail(`--rounds must be a whole number ≥ 1, not "${values.rounds}"`)
const window = /^(\d+)-(\d+)$/.exec(values['kill-after'])
if (!window || Number(window[1]) > Number(window[2])) {
  fail(`--kill-after must be MIN-MAX in ms (e.g. 1000-4000), not "${values['kill-after']}"`)
}
const killAfterMs: [number, number] = [Number(window[1]), Number(window[2])]
const seed = values.seed === undefined ? Date.now() % 1_000_000 : Number(values.seed)
if (!Number.isInteger(seed)) fail(`--seed must be a whole number, not "${values.seed}"`)

const out = (line: string) => process.stdout.write(`${line}\n`)
const details = (findings: Finding[]) => {
  for (const f of findings.slice(0, 5)) out(`    ${f.kind}: ${f.detail}`)
  if (findings.length > 5) out(`    … and ${findings.length - 5} more`)
}

out(`killtest: ${rounds} rounds, kill ${killAfterMs[0]}–${killAfterMs[1]} ms after ready, seed ${seed}`)
const started = Date.now()
const hall = await MixedLoadHall.start({ seed })
let failed = true
try {
  const summary = await runKillLoop(hall, {
    rounds,
    killAfterMs,
    onRound: (r) => {
      out(formatRound(r, rounds))
      details([...r.lost, ...r.duplicated, ...r.stalled])
    },
  })
  const f = summary.final
  out(
    `final check (load stopped)  acknowledged ${f.acknowledged.tickets + f.acknowledged.calls + f.acknowledged.cases + f.acknowledged.ratings}  lost ${f.lost.length}  duplicated ${f.duplicated.length}`,
  )
  details([...f.lost, ...f.duplicated, ...f.stalled])
  const a = summary.acknowledged
  const r = summary.restartToReadyMs
  out('')
  out(`summary: ${rounds} kills in ${((Date.now() - started) / 1000).toFixed(0)} s, seed ${seed}`)
  out(
    `  acknowledged ${a.tickets + a.calls + a.cases + a.ratings} (tickets ${a.tickets}, calls ${a.calls}, cases ${a.cases}, ratings ${a.ratings})`,
  )
  out(`  lost ${summary.lost}  duplicated ${summary.duplicated}  stalled ${summary.stalled}`)
  out(`  restart-to-ready ms: min ${r.min}  median ${r.median}  max ${r.max}`)
  out(
    `  client errors: ${
      Object.entries(summary.errors)
        .sort((x, y) => y[1] - x[1])
        .map(([code, n]) => `${code} ${n}`)
        .join(', ') || 'none'
    }`,
  )
  failed = summary.lost + summary.duplicated + summary.stalled > 0
  out(
    failed
      ? 'FAIL: something acknowledged was lost or duplicated'
      : 'OK: nothing acknowledged was lost or duplicated',
  )
} finally {
  await hall.close()
}
process.exit(failed ? 1 : 0)
