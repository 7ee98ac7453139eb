import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { browserHall } from '../hall-server/test/harness/browser-hall.js'

/**
 * The kiosk's weight and speed, as numbers (goals: under 60 KB of gzipped JS per screen, first
 * render under 1 s at 4× CPU throttling), from the built bundle:
 *
 * - JS per screen: the entry chunk and its static imports, plus the screen's own lazily loaded
 *   chunk and its imports (read from dist/.vite/manifest.json), each gzipped at level 9.
 * - First render: Chromium with `Emulation.setCPUThrottlingRate` 4 (CDP through playwright-core),
 *   a fresh browser context per run (cold cache), against a real hall server on loopback; first
 *   contentful paint, the kiosk shell rendered, and the start screen with the hall's live data.
 *
 * The bundle is built first (`npx vite build` in kiosk-ui, about two seconds) so the numbers are
 * those of the sources as they are; `--no-build` measures kiosk-ui/dist as it is.
 *
 *   node --import tsx bench/kiosk-ui.ts [--runs 5] [--json out.json] [--no-build]
 */

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    json: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
})
const runs = Math.max(1, Number(values.runs))
const KIOSK_DIR = resolve(import.meta.dirname, '../kiosk-ui')

function build(): void {
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: KIOSK_DIR,
    stdio: 'inherit',
  })
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`)
}

interface ManifestChunk {
  file: string
  imports?: string[]
  dynamicImports?: string[]
  isEntry?: boolean
}

/** Screen → the module that renders it (see kiosk-ui/src/pages/registry.tsx). */
const SCREENS: Record<string, string | null> = {
  home: null,
  card: 'src/pages/card-page.tsx',
  categories: 'src/pages/categories-page.tsx',
  search: 'src/pages/search-page.tsx',
  confirm: 'src/pages/confirm-page.tsx',
  ticket: 'src/pages/ticket-page.tsx',
  checkIn: 'src/pages/check-in-page.tsx',
  guide: 'src/pages/guide-page.tsx',
  progress: 'src/pages/progress-page.tsx',
  ticketStatus: 'src/pages/ticket-status-page.tsx',
}

function closure(manifest: Record<string, ManifestChunk>, key: string, into: Set<string>): Set<string> {
  const chunk = manifest[key]
  if (!chunk || into.has(chunk.file)) return into
  into.add(chunk.file)
  for (const dep of chunk.imports ?? []) closure(manifest, dep, into)
  return into
}

function sizes() {
  const dist = join(KIOSK_DIR, 'dist')
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >
  const gz = new Map<string, { raw: number; gzip: number }>()
  const measure = (file: string) => {
    let found = gz.get(file)
    if (!found) {
      const bytes = readFileSync(join(dist, file))
      found = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
      gz.set(file, found)
    }
    return found
  }
  const entry = closure(manifest, 'index.html', new Set())
  return Object.entries(SCREENS).map(([screen, module]) => {
    const files = module ? closure(manifest, module, new Set(entry)) : entry
    let raw = 0
    let gzip = 0
    for (const file of files) {
      const s = measure(file)
      raw += s.raw
      gzip += s.gzip
    }
    return { screen, chunks: files.size, rawKB: raw / 1024, gzipKB: gzip / 1024 }
  })
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] as number
}

async function renderTimes() {
  const h = await browserHall('kiosk-ui-bench')
  try {
    const token = h.tokens['kiosk-1'] as string
    const samples: { fcp: number; shell: number; live: number }[] = []
    for (let i = 0; i < runs; i++) {
      const context = await h.browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'zh-CN' })
      const page = await context.newPage()
      // Record, in the page's own clock, when the shell and the live start screen first appear.
      await page.addInitScript(`
        window.__marks = {};
        new MutationObserver(() => {
          const m = window.__marks;
          if (m.shell === undefined && document.querySelector('[data-page="home"]')) m.shell = performance.now();
          if (m.live === undefined && document.querySelector('.kiosk[data-link="online"] .waiting')) m.live = performance.now();
        }).observe(document, { subtree: true, childList: true, attributes: true });
      `)
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
      await page.goto(new URL(`/kiosk/?token=${token}`, h.url).href)
      await page.locator('.kiosk[data-link="online"] .waiting').waitFor({ timeout: 30_000 })
      const marks = (await page.evaluate(`({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        shell: window.__marks.shell,
        live: window.__marks.live,
      })`)) as { fcp: number; shell: number; live: number }
      samples.push(marks)
      await context.close()
    }
    return {
      runs,
      firstContentfulPaintMs: median(samples.map((s) => s.fcp)),
      startScreenRenderedMs: median(samples.map((s) => s.shell)),
      startScreenWithHallDataMs: median(samples.map((s) => s.live)),
    }
  } finally {
    await h.close()
  }
}

if (!values['no-build']) build()
const perScreen = sizes()
const render = await renderTimes()

process.stdout.write('kiosk-ui: JS per screen (entry + screen chunks, gzip -9; goal < 60 KB)\n')
for (const s of perScreen) {
  process.stdout.write(
    `  ${s.screen.padEnd(13)} ${s.gzipKB.toFixed(1).padStart(6)} KB gzip  (${s.rawKB.toFixed(1)} KB raw, ${s.chunks} files)\n`,
  )
}
process.stdout.write(
  `kiosk-ui: first render at 4x CPU throttling, median of ${render.runs} (goal < 1000 ms)\n`,
)
process.stdout.write(`  first contentful paint     ${render.firstContentfulPaintMs.toFixed(0)} ms\n`)
process.stdout.write(`  start screen rendered      ${render.startScreenRenderedMs.toFixed(0)} ms\n`)
process.stdout.write(`  start screen with live data ${render.startScreenWithHallDataMs.toFixed(0)} ms\n`)
if (values.json) writeFileSync(values.json, `${JSON.stringify({ perScreen, render }, null, 2)}\n`)
