import {
  ACCESS,
  type Access,
  apiError,
  ERRORS,
  type OperationId,
  type RouteDef,
  routes,
  SOCKET_ACCESS,
  SOCKET_CONNECT_ACCESS,
} from '@hall/protocol'
import { io, type Socket } from 'socket.io-client'
import t from 'tap'
import type { TSchema } from 'typebox'
import { loadConfig } from '../../src/config.js'
import { startHallServer } from '../../src/index.js'
import { revokeDevice } from '../../src/store/repos.js'
import { demoHallConfig } from '../../src/templates.js'
import { type Json, prepareDataDir, testHall } from '../helper.js'
import { callOp, DEVICE_FOR } from './inject.js'
import { asQuery, sampleOf } from './schema-arbitrary.js'

/**
 * Who may call what, read from the contract: for every route of the route table and every
 * client-to-server socket event, each kind of caller gets exactly the access its `access` list
 * says. A refused caller gets the contract's refusal (401 UNAUTHORIZED without a valid token, 403
 * FORBIDDEN for a role not listed, with their Chinese messages); an allowed one never does (it may
 * still be refused on the merits: a ticket that does not exist, a wrong PIN).
 */

/** Every role of the contract (anyone = no token at all), and a device whose token was revoked. */
const CALLERS = ['none', ...ACCESS.filter((a) => a !== 'public'), 'revoked'] as const
type Caller = (typeof CALLERS)[number]

const DEVICE_OF: Partial<Record<Caller, string>> = DEVICE_FOR

/** The window each caller acts on: its own, so only the contract's role check can refuse it. */
const WINDOW_OF: Partial<Record<Caller, string>> = { manager: '2' }

function mayCall(caller: Caller, access: readonly Access[]): boolean {
  if (access.includes('public')) return true
  if (caller === 'none' || caller === 'revoked') return false
  return access.includes(caller)
}

/** What a caller without access gets. */
function expectedRefusal(caller: Caller) {
  return caller === 'none' || caller === 'revoked'
    ? { status: 401, body: apiError('UNAUTHORIZED') }
    : { status: 403, body: apiError('FORBIDDEN') }
}

/** The contract's access refusal, as opposed to a refusal on the merits of the request. */
function isAccessRefusal(status: number, body: Json): boolean {
  if (status === 401) return body?.code === 'UNAUTHORIZED'
  return status === 403 && body?.code === 'FORBIDDEN' && body.message === ERRORS.FORBIDDEN.message
}

function paramsFor(def: RouteDef, caller: Caller): Record<string, string> | undefined {
  if (!def.params) return undefined
  const values: Record<string, string> = {
    windowId: WINDOW_OF[caller] ?? '1',
    ticketId: 'T-matrix',
    caseId: 'C-matrix',
    followUpId: 'F-matrix',
    serviceId: 'S-matrix',
  }
  const names = Object.keys((def.params as { properties: Record<string, unknown> }).properties)
  return Object.fromEntries(names.map((n) => [n, values[n] ?? 'x']))
}

function matrixConfig() {
  const config = demoHallConfig()
  // Hundreds of calls from one address in a few seconds: this test is about access, not rate.
  config.server.rateLimitPerMinute = 1_000_000
  return config
}

/** Routes in table order, sign-out last: it ends the session the other calls use. */
function routeOrder(): [OperationId, RouteDef][] {
  const all = Object.entries(routes) as [OperationId, RouteDef][]
  return [...all.filter(([id]) => id !== 'signOut'), ...all.filter(([id]) => id === 'signOut')]
}

t.test('every route: each caller gets exactly the access the contract gives it', async (t) => {
  const h = await testHall({ config: matrixConfig() })
  t.teardown(() => h.close())
  const tokens: Record<Caller, string | null> = {
    none: null,
    clerk: await h.signIn('counter-1', '1001'),
    manager: await h.signIn('counter-2', '9001'),
    revoked: h.tokens['pad-2']!,
  } as Record<Caller, string | null>
  for (const [caller, device] of Object.entries(DEVICE_OF)) tokens[caller as Caller] = h.tokens[device]!
  await revokeDevice(h.hall.db, 'pad-2', h.clock.now)

  for (const [op, def] of routeOrder()) {
    t.test(`${op} (${def.method} ${def.path}): ${def.access.join(', ')}`, async (t) => {
      for (const caller of CALLERS) {
        const res = await callOp(h.app, op, tokens[caller], {
          ...(def.params ? { params: paramsFor(def, caller) } : {}),
          ...(def.querystring ? { query: asQuery(sampleOf(def.querystring as TSchema)) } : {}),
          ...(def.body ? { body: sampleOf(def.body as TSchema) } : {}),
        })
        if (mayCall(caller, def.access)) {
          t.notOk(isAccessRefusal(res.status, res.body), `${caller} may call it (got ${res.status})`)
          t.ok(res.status < 500, `${caller}: no server error (${res.status} ${res.body?.code ?? ''})`)
        } else {
          t.same({ status: res.status, body: res.body }, expectedRefusal(caller), `${caller} is refused`)
        }
      }
    })
  }
})

t.test('a refused caller is refused before its input is looked at', async (t) => {
  const h = await testHall({ config: matrixConfig() })
  t.teardown(() => h.close())
  const junk = { body: { nonsense: '\u0000'.repeat(10) } }
  t.same((await h.call('issueTicket', null, junk)).body, apiError('UNAUTHORIZED'))
  t.same((await h.call('issueTicket', h.tokens['display-1']!, junk)).body, apiError('FORBIDDEN'))
  t.equal(
    (await h.call('issueTicket', h.tokens['kiosk-1']!, junk)).body.code,
    'VALIDATION',
    'allowed: validated',
  )
})

t.test('a revoked device is refused once the token cache runs out (5 s)', async (t) => {
  const h = await testHall({ config: matrixConfig() })
  t.teardown(() => h.close())
  const token = h.tokens['display-1']!
  t.equal((await h.call('listQueues', token)).status, 200)
  await revokeDevice(h.hall.db, 'display-1', h.clock.now)
  h.clock.now += 5_000
  t.same((await h.call('listQueues', token)).body, apiError('UNAUTHORIZED'))
})

/** A valid payload for each client-to-server event. */
const SOCKET_SAMPLES: Record<keyof typeof SOCKET_ACCESS, unknown> = {
  resync: undefined,
  'agent:heartbeat': { agentVersion: 'matrix', attached: [] },
  'agent:cardRead': {
    cardType: 'resident',
    name: '张晓梅',
    idNumber: '110101199001011234',
    gender: '女',
    birthDate: '1990-01-01',
  },
  'agent:scan': { code: 'MATRIX-1' },
  'agent:printResult': { jobId: 'job-matrix', ok: true, code: null, message: null },
  'agent:rating': { level: 'satisfied' },
}

function connectAs(url: string, token: string | null): Promise<{ socket: Socket } | { refused: Json }> {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      auth: token === null ? {} : { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    })
    const timer = setTimeout(() => reject(new Error('no connect or connect_error within 5 s')), 5_000)
    socket.once('connect', () => {
      clearTimeout(timer)
      resolve({ socket })
    })
    socket.once('connect_error', (error: Error & { data?: Json }) => {
      clearTimeout(timer)
      socket.close()
      resolve({ refused: { message: error.message, data: error.data } })
    })
  })
}

t.test('every socket event: each caller gets exactly the access the contract gives it', async (t) => {
  const { dir, paths, tokens: deviceTokens } = await prepareDataDir(matrixConfig())
  const config = await loadConfig(paths.configFile)
  const server = await startHallServer({ config, paths, host: '127.0.0.1', port: 0, tickMs: 1000 })
  t.teardown(async () => {
    await server.close()
    const { rm } = await import('node:fs/promises')
    await rm(dir, { recursive: true, force: true })
  })
  const signIn = async (device: string, staffNo: string) => {
    const res = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { authorization: `Bearer ${deviceTokens[device]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ staffNo, pin: staffNo }),
    })
    return ((await res.json()) as { token: string }).token
  }
  const tokens: Record<Caller, string | null> = {
    none: null,
    clerk: await signIn('counter-1', '1001'),
    manager: await signIn('counter-2', '9001'),
    revoked: deviceTokens['pad-2']!,
  } as Record<Caller, string | null>
  for (const [caller, device] of Object.entries(DEVICE_OF)) tokens[caller as Caller] = deviceTokens[device]!
  await revokeDevice(server.hall.db, 'pad-2', Date.now())

  for (const caller of CALLERS) {
    const connected = await connectAs(server.url, tokens[caller])
    const mayConnect = mayCall(caller, SOCKET_CONNECT_ACCESS)
    if (!('socket' in connected)) {
      t.notOk(mayConnect, `${caller} may not connect`)
      t.same(
        connected.refused,
        { message: 'UNAUTHORIZED', data: apiError('UNAUTHORIZED') },
        `${caller}: refused`,
      )
      continue
    }
    t.ok(mayConnect, `${caller} may connect`)
    const { socket } = connected
    try {
      for (const [event, access] of Object.entries(SOCKET_ACCESS) as [
        keyof typeof SOCKET_ACCESS,
        readonly Access[],
      ][]) {
        const sample = SOCKET_SAMPLES[event]
        const answer: Json = await (sample === undefined
          ? socket.timeout(5_000).emitWithAck(event)
          : socket.timeout(5_000).emitWithAck(event, sample))
        const refused =
          answer?.ok === false && answer.code === 'FORBIDDEN' && answer.message === ERRORS.FORBIDDEN.message
        if (mayCall(caller, access)) {
          t.notOk(refused, `${caller} may send ${event}`)
          if (event === 'resync') t.ok(answer?.hall?.name, `${caller}: resync answers the snapshot`)
          else t.not(answer?.code, 'INTERNAL', `${caller}: ${event} is no internal error`)
        } else {
          t.same(answer, { ok: false, ...apiError('FORBIDDEN') }, `${caller} may not send ${event}`)
        }
      }
    } finally {
      socket.close()
    }
  }
})
