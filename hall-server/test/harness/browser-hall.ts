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
  /** Opens a page at a path of the hall server, e.g. `/kiosk/?token=…`; `beforeLoad` may listen first. */
  open(
    path: string,
    options?: { width?: number; height?: number; beforeLoad?: (page: Page) => void },
  ): Promise<Page>
  screenshot(page: Page, name: string): Promise<string>
  /** Kills the hall server's process with SIGKILL (process mode), or closes it (in-process). */
  kill(): Promise<void>
  /** Starts the hall server again on the same port and data directory (stopping it first if up). */
  restart(): Promise<void>
  close(): Promise<void>
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
    async close() {
      await browser.close().catch(() => undefined)
      await stop('close')
    },
  }
  return handle
}
