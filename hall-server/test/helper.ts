import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { OperationId, OperationInput } from '@hall/protocol'
import { routePath, routes } from '@hall/protocol'
import type { FastifyInstance } from 'fastify'
import { addStaff, enrollDevice, initHall } from '../src/cli/admin.js'
import { type HallConfig, pathsFrom } from '../src/config.js'
import { closeHall, type Hall, openHall } from '../src/hall/boot.js'
import { buildApp } from '../src/http/app.js'
import type { EventCodec } from '../src/store/event-codec.js'
import { DEMO_STAFF, demoHallConfig } from '../src/templates.js'

/**
 * A real hall for tests: a temp data directory, the demo configuration and catalog, enrolled
 * devices with their tokens, staff with their PINs, a real SQLite file, Fastify via inject.
 */

// biome-ignore lint/suspicious/noExplicitAny: test responses are read loosely, field by field
export type Json = any

export interface TestHall {
  dir: string
  hall: Hall
  app: FastifyInstance
  tokens: Record<string, string>
  clock: { now: number }
  call<Op extends OperationId>(
    op: Op,
    token: string | null,
    input?: Partial<{ params: unknown; query: unknown; body: unknown }>,
  ): Promise<{ status: number; body: Json }>
  signIn(device: string, staffNo: string): Promise<string>
  close(): Promise<void>
}

export const DEVICES_FOR_TESTS = [
  'kiosk-1',
  'agent-kiosk-1',
  'counter-1',
  'counter-2',
  'agent-counter-1',
  'pad-1',
  'pad-2',
  'display-1',
  'wall-1',
  'window-screen-1',
]

/** 2026-11-23 09:00 +08:00, a Monday. */
export const MONDAY_9AM = Date.parse('2026-11-23T09:00:00+08:00')

export async function prepareDataDir(config: HallConfig = demoHallConfig()) {
  const dir = await mkdtemp(join(tmpdir(), 'hall-test-'))
  const paths = pathsFrom({}, dir)
  await initHall(paths, { config })
  const tokens: Record<string, string> = {}
  for (const id of DEVICES_FOR_TESTS) {
    const device = config.devices.find((d) => d.id === id)
    if (!device) continue
    tokens[id] = await enrollDevice(paths, {
      id,
      role: device.role,
      windowId: device.windowId,
      terminal: device.terminal,
    })
  }
  for (const member of DEMO_STAFF.slice(0, 3).concat(DEMO_STAFF.filter((s) => s.role === 'manager'))) {
    await addStaff(paths, { staffNo: member.staffNo, name: member.name, role: member.role, pin: member.pin })
  }
  return { dir, paths, tokens }
}

export async function testHall(options: { config?: HallConfig; now?: number } = {}): Promise<TestHall> {
  const { dir, tokens } = await prepareDataDir(options.config)
  return openTestHall(dir, tokens, options)
}

/**
 * A test hall on a data directory that already exists (one prepared above, or a copy of a fixture),
 * with the device tokens enrolled in it. `close()` removes the directory.
 */
export async function openTestHall(
  dir: string,
  tokens: Record<string, string>,
  options: { now?: number; codec?: EventCodec } = {},
): Promise<TestHall> {
  const paths = pathsFrom({}, dir)
  const clock = { now: options.now ?? MONDAY_9AM }
  const { loadConfig } = await import('../src/config.js')
  const hall = await openHall(await loadConfig(paths.configFile), paths, () => clock.now, {
    ...(options.codec ? { codec: options.codec } : {}),
  })
  const app = await buildApp(hall)
  const call: TestHall['call'] = async (op, token, input = {}) => {
    const def = routes[op]
    let url = routePath(def.path, input.params as Record<string, string> | undefined)
    if (input.query) url += `?${new URLSearchParams(input.query as Record<string, string>)}`
    const response = await app.inject({
      method: def.method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(input.body !== undefined ? { payload: input.body as object } : {}),
    })
    return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : null }
  }
  return {
    dir,
    hall,
    app,
    tokens,
    clock,
    call,
    async signIn(device, staffNo) {
      const pin = DEMO_STAFF.find((s) => s.staffNo === staffNo)?.pin
      const res = await call('signIn', tokens[device] as string, { body: { staffNo, pin } })
      if (res.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(res.body)}`)
      return res.body.token as string
    },
    async close() {
      await app.close()
      await closeHall(hall)
      await rm(dir, { recursive: true, force: true })
    },
  }
}

export type { OperationInput }
