/** Shared helpers for device, transport and simulator tests. */

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SerialPortMock } from 'serialport'
import type { ReconnectPolicy } from '../../src/devices/index.js'

/**
 * `MockBinding` of @serialport/binding-mock, as serialport 13 itself loads it (its ESM entry has
 * no typings that resolve under NodeNext, and a second ESM instance would not share ports).
 */
export const MockBinding = SerialPortMock.binding
export type MockPortBinding = Awaited<ReturnType<typeof MockBinding.open>>

/** What helpers need of a tap test. */
export interface Teardown {
  teardown(fn: () => unknown): void
}

/** Reconnect quickly and predictably in tests. */
export const FAST_RECONNECT: Partial<ReconnectPolicy> = { initialDelayMs: 30, maxDelayMs: 200, jitter: 0 }

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Polls `cond` until it holds; rejects after `timeoutMs` with `what`. */
export async function until(cond: () => boolean, what: string, timeoutMs = 3000, stepMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(stepMs)
  }
}

interface Emitterish {
  once(event: string, listener: (...args: never[]) => void): unknown
  off(event: string, listener: (...args: never[]) => void): unknown
}

/** The arguments of the next `event`; rejects after `timeoutMs`. */
export function nextEvent<T extends unknown[] = unknown[]>(
  emitter: Emitterish,
  event: string,
  timeoutMs = 3000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (...args: never[]): void => {
      clearTimeout(timer)
      resolve(args as unknown as T)
    }
    const timer = setTimeout(() => {
      emitter.off(event, listener)
      reject(new Error(`no "${event}" event within ${timeoutMs} ms`))
    }, timeoutMs)
    emitter.once(event, listener)
  })
}

/** A temp dir removed by `cleanup()`. */
export function tempDir(prefix = 'hall-dd-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) }
}

export async function rejectsWithCode(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p
    return undefined
  } catch (err) {
    return (err as { code?: string }).code
  }
}
