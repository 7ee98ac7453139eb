import { type ApiClient, createApiClient } from '@hall/protocol'
import type { Page } from 'playwright-core'
import { type BrowserHall, browserHall } from '../../../hall-server/test/harness/browser-hall.js'
import { ensureBuilt } from './ensure-built.js'
import { FakeAgent, type PrinterCondition } from './fake-agent.js'

/**
 * A real hall server with the kiosk bundle, Chromium, and the kiosk terminal's (fake) device agent.
 * Portrait 1080×1920 is the common floor-standing kiosk; tests pass a landscape size where it matters.
 */

export interface KioskHall {
  h: BrowserHall
  agent: FakeAgent
  api(token: string): ApiClient
  /** A signed-in clerk at counter-1 (window 1 opens for them). */
  clerk(): Promise<ApiClient>
  close(): Promise<void>
}

export async function kioskHall(group: string, printer: PrinterCondition = 'ok'): Promise<KioskHall> {
  await ensureBuilt()
  const h = await browserHall(group)
  const agent = await FakeAgent.connect(h.url, h.tokens['agent-kiosk-1'] as string, printer)
  const api = (token: string) => createApiClient({ baseUrl: h.url, token: () => token })
  return {
    h,
    agent,
    api,
    async clerk() {
      const session = await api(h.tokens['counter-1'] as string)('signIn', {
        body: { staffNo: '1001', pin: '1001' },
      })
      return api(session.token)
    },
    async close() {
      agent.close()
      await h.close()
    },
  }
}

export interface OpenOptions {
  idleSeconds?: number
  width?: number
  height?: number
  token?: string | null
  /** Console errors and failed answers this page provokes on purpose (see browser-hall `open`). */
  allow?: readonly RegExp[]
}

export async function openKiosk(k: KioskHall, options: OpenOptions = {}): Promise<Page> {
  const params = new URLSearchParams()
  const token = options.token === undefined ? k.h.tokens['kiosk-1'] : options.token
  if (token) params.set('token', token)
  if (options.idleSeconds) params.set('idle', String(options.idleSeconds))
  const page = await k.h.open(`/kiosk/?${params}`, {
    width: options.width ?? 1080,
    height: options.height ?? 1920,
    ...(options.allow ? { allow: options.allow } : {}),
  })
  if (token) await page.locator('.kiosk[data-link="online"]').waitFor({ timeout: 15_000 })
  return page
}

export const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`)

export async function tap(page: Page, id: string): Promise<void> {
  await byTestId(page, id).first().click()
}

export async function screenOf(page: Page): Promise<string | null> {
  return page.locator('.kiosk').getAttribute('data-screen')
}

export async function waitForScreen(page: Page, screen: string): Promise<void> {
  await page.locator(`.kiosk[data-screen="${screen}"] [data-page="${screen}"]`).waitFor({ timeout: 10_000 })
}

/** Waits until `check` holds, polling; fails after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 50))
  }
}
