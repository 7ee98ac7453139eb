import type { Page } from 'playwright-core'

/** Small waits on a screen, by what a person would see on it. */

export async function waitText(page: Page, selector: string, text: string, timeout = 10_000): Promise<void> {
  await page.locator(selector).filter({ hasText: text }).first().waitFor({ state: 'visible', timeout })
}

export async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim()
}

/**
 * Presses a function key on the clerk console once the previous action has answered, as a clerk
 * does: a key pressed while the console shows 正在…… is ignored (no double calls).
 */
export async function press(console: Page, key: string): Promise<void> {
  await console.locator('.flash__busy').waitFor({ state: 'detached' })
  await console.keyboard.press(key)
}

/** Reads a value from the screen's test hook (`window.__hall`). */
export function hook<T>(page: Page, read: string): Promise<T> {
  return page.evaluate((expression) => {
    const hall = (globalThis as unknown as { __hall: Record<string, unknown> }).__hall
    return new Function('hall', `return (${expression})`)(hall)
  }, read) as Promise<T>
}

export async function waitHook(page: Page, condition: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (expression) => {
      const hall = (globalThis as unknown as { __hall?: Record<string, unknown> }).__hall
      return hall !== undefined && Boolean(new Function('hall', `return (${expression})`)(hall))
    },
    condition,
    { timeout, polling: 100 },
  )
}

/** Types digits on the sign-in keypad, into whichever field has focus. */
export async function tapDigits(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.locator('.keypad__key', { hasText: digit }).first().click()
}
