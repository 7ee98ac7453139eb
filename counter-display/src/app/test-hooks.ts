/**
 * What the end-to-end tests and the latency benchmark read from a running screen: a small, plain
 * object on `window.__hall`. It exposes nothing the screen does not already show.
 */
export function exposeForTests(values: Record<string, unknown>): void {
  const target = globalThis as { __hall?: Record<string, unknown> }
  target.__hall = { ...(target.__hall ?? {}), ...values }
}
