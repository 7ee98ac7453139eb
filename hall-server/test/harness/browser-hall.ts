import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { loadConfig } from '../../src/config.js'
import { type HallServer, startHallServer } from '../../src/index.js'
import { prepareDataDir } from '../helper.js'
import { type ServerProcess, startServerProcess } from './server-process.js'

/**
 * End-to-end tests of the screens: a real hall server (demo configuration, real SQLite in a temp
 * dir) serving the built screen bundles, and Debian's Chromium driven by playwright-core.
 * Screenshots go to <repo>/test-artifacts/<name>/. With `{ process: true }` the hall server runs
 * in its own process (as in a hall), so a test can kill it with SIGKILL.
 *
 * Every page `open` opens is watched: a console message of type error, an uncaught page error, or
 * an HTTP answer of 400 or more is a problem, and `close()` (the test file's teardown) fails with
 * all of them listed. A test that provokes such errors on purpose (a refused token, the server
 * stopped) names them in `allow` for that page, with a comment saying why; nothing else is ignored.
 */

export const REPO = resolve(import.meta.dirname, '../../..')
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/** Flags for a sandboxless headless Chromium on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
  '--lang=zh-CN',
]

export interface BrowserHall {
  /** The hall server running in this process; not there when it runs in its own process. */
  server: HallServer
  /** The hall server's address, the same across restarts. */
  url: string
  tokens: Record<string, string>
  dataDir: string
  browser: Browser
  /**
   * Opens a page at a path of the hall server, e.g. `/kiosk/?token=…`; `beforeLoad` may listen
   * first. `allow`: the console errors and failed answers this page is expected to show (matched
   * against the problem's text, see `problems`); everything else fails the file at `close()`.
   */
  open(path: string, options?: OpenPageOptions): Promise<Page>
  /** The problems seen so far on the pages opened, not counting allowed ones: `<path> <kind>: <text>`. */
  problems(): string[]
  /**
   * Runs `during` with `allow` added for every page, for errors a step provokes on purpose on pages
   * that outlive it (e.g. the server killed under open screens); they count again afterwards.
   */
  allowing<T>(allow: readonly RegExp[], during: () => Promise<T>): Promise<T>
  screenshot(page: Page, name: string): Promise<string>
  /** Kills the hall server's process with SIGKILL (process mode), or closes it (in-process). */
  kill(): Promise<void>
  /** Starts the hall server again on the same port and data directory (stopping it first if up). */
  restart(): Promise<void>
  close(): Promise<void>
}

export interface OpenPageOptions {
  width?: number
  height?: number
  beforeLoad?: (page: Page) => void
  /** Problems this page provokes on purpose (say why next to it); matched against `<kind>: <text>`. */
  allow?: readonly RegExp[]
}

/** Thrown by `close()` when a page had a console error, a page error or a failed answer. */
export class BrowserProblems extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`browser problems on the screens under test:\n${problems.map((p) => `  ${p}`).join('\n')}`)
    this.name = 'BrowserProblems'
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Allows an answer with `status` from `path` (both its `response:` line and Chromium's console line). */
export const allowAnswer = (status: number, path: string): RegExp =>
  new RegExp(`\\b${status}\\b.*${escapeRegExp(path)}`)

/**
 * Allows a request to `path` that never got an answer (server down, or aborted by `page.route`):
 * "Failed to load resource: net::ERR_CONNECTION_REFUSED (…path…)" and socket.io's "WebSocket
 * connection to '…path…' failed: … net::ERR_CONNECTION_REFUSED".
 */
export const allowRefused = (path: string): RegExp => {
  const p = escapeRegExp(path)
  return new RegExp(`net::ERR_CONNECTION_REFUSED.*${p}|${p}.*net::ERR_CONNECTION_REFUSED`)
}

/**
 * Records a page's console errors, uncaught errors and 4xx/5xx answers, unless allowed. Chromium
 * also logs every failed answer as a console error ("Failed to load resource: … status of 404"),
 * so an allowed answer needs its console line allowed too; one pattern can match both.
 */
export function watchPage(
  page: Page,
  allow: readonly RegExp[],
  record: (problem: string) => void,
  allowedNow: () => readonly RegExp[] = () => [],
): void {
  const where = () => {
    const u = page.url()
    return u.startsWith('http') ? new URL(u).pathname : u
  }
  const add = (problem: string) => {
    if (![...allow, ...allowedNow()].some((a) => a.test(problem))) record(`${where()} ${problem}`)
  }
  page.on('console', (m) => {
    if (m.type() === 'error') add(`console: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`)
  })
  page.on('pageerror', (e) => add(`page error: ${e.message}`))
  page.on('response', (r) => {
    if (r.status() >= 400) add(`response: ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`)
  })
}

export async function browserHall(
  artifactGroup: string,
  options: { process?: boolean } = {},
): Promise<BrowserHall> {
  const { dir, paths, tokens } = await prepareDataDir()
  const config = await loadConfig(paths.configFile)
  const screens = [
    { prefix: '/kiosk/', root: join(REPO, 'kiosk-ui', 'dist') },
    { prefix: '/screens/', root: join(REPO, 'counter-display', 'dist') },
  ]
  let inProcess: HallServer | null = null
  let child: ServerProcess | null = null
  const start = async (port: number): Promise<string> => {
    if (options.process) {
      child = await startServerProcess(dir, { port })
      return child.url
    }
    inProcess = await startHallServer({ config, paths, host: '127.0.0.1', port, screens, tickMs: 250 })
    return inProcess.url
  }
  const stop = async (how: 'kill' | 'close') => {
    if (child) await (how === 'kill' ? child.kill() : child.stop())
    else await inProcess?.close()
    child = null
    inProcess = null
  }
  const url = await start(0)
  const port = Number(new URL(url).port)
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
  const artifacts = join(REPO, 'test-artifacts', artifactGroup)
  await mkdir(artifacts, { recursive: true })
  const problems: string[] = []
  let allowedNow: readonly RegExp[] = []
  const handle: BrowserHall = {
    get server() {
      if (!inProcess) throw new Error('the hall server is not running in this process')
      return inProcess
    },
    url,
    tokens,
    dataDir: dir,
    browser,
    async open(path, options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      })
      const page = await context.newPage()
      watchPage(
        page,
        options.allow ?? [],
        (p) => problems.push(p),
        () => allowedNow,
      )
      options.beforeLoad?.(page)
      await page.goto(new URL(path, url).href)
      return page
    },
    async screenshot(page, name) {
      const file = join(artifacts, `${name}.png`)
      await page.screenshot({ path: file, fullPage: false })
      return file
    },
    kill: () => stop('kill'),
    async restart() {
      await stop('close')
      await start(port)
    },
    problems: () => [...problems],
    async allowing(allow, during) {
      const before = allowedNow
      allowedNow = [...before, ...allow]
      try {
        return await during()
      } finally {
        allowedNow = before
      }
    },
    async close() {
      await browser.close().catch(() => undefined)
      await stop('close')
      if (problems.length > 0) throw new BrowserProblems(problems)
    },
  }
  return handle
}
