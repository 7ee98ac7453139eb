import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { loadConfig, startHallServer } from '../../../hall-server/src/index.js'
import { demoHallConfig } from '../../../hall-server/src/templates.js'
import {
  BrowserProblems,
  CHROMIUM,
  CHROMIUM_ARGS,
  REPO,
  watchPage,
} from '../../../hall-server/test/harness/browser-hall.js'
import { prepareDataDir } from '../../../hall-server/test/helper.js'
import { ensureBuilt } from './ensure-built.js'

/**
 * A hall with real opening hours (09:00–17:00, appointments an hour either side: 早晚弹性办,
 * §11) and a clock set to a chosen moment, for the kiosk's closed and appointment-only modes. The
 * shared browser harness serves the demo hall, which is open around the clock; its page watch is
 * used here too, so a console error or failed answer fails the file at `close()`.
 */
export async function modeHall(at: string) {
  await ensureBuilt()
  const config = demoHallConfig()
  config.hours = {
    workday: ['09:00', '17:00'],
    weekend: ['09:00', '12:00'],
    holiday: null,
    appointmentMinutesBefore: 60,
    appointmentMinutesAfter: 60,
  }
  const { dir, paths, tokens } = await prepareDataDir(config)
  const offset = Date.parse(at) - Date.now()
  const server = await startHallServer({
    config: await loadConfig(paths.configFile),
    paths,
    clock: () => Date.now() + offset,
    host: '127.0.0.1',
    port: 0,
    screens: [{ prefix: '/kiosk/', root: join(REPO, 'kiosk-ui', 'dist') }],
    tickMs: 250,
  })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
  const problems: string[] = []
  return {
    server,
    tokens,
    browser,
    async open(width = 1080, height = 1920) {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' })
      const page = await context.newPage()
      watchPage(page, [], (p) => problems.push(p))
      await page.goto(new URL(`/kiosk/?token=${tokens['kiosk-1']}`, server.url).href)
      await page.locator('.kiosk[data-link="online"]').waitFor({ timeout: 15_000 })
      return page
    },
    async close() {
      await browser.close().catch(() => undefined)
      await server.close()
      await rm(dir, { recursive: true, force: true })
      if (problems.length > 0) throw new BrowserProblems(problems)
    },
  }
}
