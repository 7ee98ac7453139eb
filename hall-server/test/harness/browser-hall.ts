import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { loadConfig } from '../../src/config.js'
import { type HallServer, startHallServer } from '../../src/index.js'
import { prepareDataDir } from '../helper.js'

/**
 * End-to-end tests of the screens: a real hall server (demo configuration, real SQLite in a temp
 * dir) serving the built screen bundles, and Debian's Chromium driven by playwright-core.
 * Screenshots go to <repo>/test-artifacts/<name>/.
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
  server: HallServer
  tokens: Record<string, string>
  dataDir: string
  browser: Browser
  /** Opens a page at a path of the hall server, e.g. `/kiosk/?token=…`. */
  open(path: string, options?: { width?: number; height?: number }): Promise<Page>
  screenshot(page: Page, name: string): Promise<string>
  /** Stops and starts the hall server on the same port and data directory. */
  restart(): Promise<void>
  close(): Promise<void>
}

export async function browserHall(artifactGroup: string): Promise<BrowserHall> {
  const { dir, paths, tokens } = await prepareDataDir()
  const config = await loadConfig(paths.configFile)
  const screens = [
    { prefix: '/kiosk/', root: join(REPO, 'kiosk-ui', 'dist') },
    { prefix: '/screens/', root: join(REPO, 'counter-display', 'dist') },
  ]
  let server = await startHallServer({ config, paths, host: '127.0.0.1', port: 0, screens, tickMs: 250 })
  const port = Number(new URL(server.url).port)
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
  const artifacts = join(REPO, 'test-artifacts', artifactGroup)
  await mkdir(artifacts, { recursive: true })
  const handle: BrowserHall = {
    get server() {
      return server
    },
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
      await page.goto(new URL(path, server.url).href)
      return page
    },
    async screenshot(page, name) {
      const file = join(artifacts, `${name}.png`)
      await page.screenshot({ path: file, fullPage: false })
      return file
    },
    async restart() {
      await server.close()
      server = await startHallServer({ config, paths, host: '127.0.0.1', port, screens, tickMs: 250 })
    },
    async close() {
      await browser.close().catch(() => undefined)
      await server.close()
    },
  }
  return handle
}
