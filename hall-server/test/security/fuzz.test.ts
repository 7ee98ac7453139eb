import { ApiError, ERRORS, type OperationId, type RouteDef, routePath, routes } from '@hall/protocol'
import fc from 'fast-check'
import type { InjectOptions } from 'fastify'
import t from 'tap'
import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { demoHallConfig } from '../../src/templates.js'
import { type TestHall, testHall } from '../helper.js'
import { DEVICE_FOR, send } from './inject.js'
import { asQuery, invalidOf, nastyString, validOf } from './schema-arbitrary.js'

/**
 * Schema fuzz of every route, with a token that passes its access check: valid and invalid
 * params, query and body drawn from the route's TypeBox schemas, wrong and missing content types,
 * broken JSON, oversized bodies. The server never answers 5xx, never crashes, and every error is
 * the contract's `{ code, message }` with the status that code has in the contract.
 */

const RUNS_PER_ROUTE = 150

type Part = 'params' | 'querystring' | 'body'

interface Shape {
  params: unknown
  query: unknown
  body: unknown
  raw: { payload: string; contentType: string | null } | null
}

function parts(def: RouteDef) {
  const pick = (part: Part, valid: boolean) => {
    const schema = def[part] as TSchema | undefined
    if (!schema) return fc.constant(undefined)
    return valid ? validOf(schema) : invalidOf(schema)
  }
  return pick
}

const rawBodies = fc.oneof(
  fc.record({
    payload: fc.constantFrom('{"a":', '{', 'null', '[]', '""', '{"__proto__":{"x":1}}', '\u0000', ''),
    contentType: fc.constant('application/json'),
  }),
  fc.record({
    payload: fc.constantFrom('a=1', '<xml/>', '{}', 'staffNo=1001'),
    contentType: fc.constantFrom(
      'text/plain',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
      'image/png',
    ),
  }),
  fc.record({ payload: fc.constant('{}'), contentType: fc.constant(null) }),
  fc.record({
    payload: fc
      .integer({ min: 256 * 1024, max: 400 * 1024 })
      .map((n) => JSON.stringify({ queueId: 'x'.repeat(n) })),
    contentType: fc.constant('application/json'),
  }),
)

function shapes(def: RouteDef): fc.Arbitrary<Shape> {
  const pick = parts(def)
  const build = (validParams: boolean, validQuery: boolean, validBody: boolean) =>
    fc.record({
      params: pick('params', validParams),
      query: pick('querystring', validQuery),
      body: pick('body', validBody),
      raw: fc.constant(null),
    })
  return fc.oneof(
    { weight: 3, arbitrary: build(true, true, true) },
    { weight: 2, arbitrary: build(true, true, false) },
    { weight: 2, arbitrary: build(true, false, true) },
    { weight: 1, arbitrary: build(false, true, true) },
    {
      weight: 2,
      arbitrary: fc.record({
        params: pick('params', true),
        query: pick('querystring', true),
        body: fc.constant(undefined),
        raw: rawBodies,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        params: fc.constant(undefined),
        query: fc.dictionary(fc.string({ maxLength: 8 }), nastyString, { maxKeys: 3 }),
        body: fc.constant(undefined),
        raw: fc.constant(null),
      }),
    },
  )
}

function pathOf(def: RouteDef, params: unknown): string {
  const names = def.path.match(/:[A-Za-z]+/g) ?? []
  const values = (params ?? {}) as Record<string, unknown>
  const filled: Record<string, string> = {}
  for (const name of names) {
    const value = values[name.slice(1)]
    let text = typeof value === 'string' ? value : JSON.stringify(value ?? 'x')
    // A lone surrogate cannot be percent-encoded; a client would not send one either.
    text = text.replace(/[\uD800-\uDFFF]/g, '\uFFFD')
    filled[name.slice(1)] = text === '' ? '%20' : text
  }
  return routePath(def.path, filled).replace(/^$/, '/')
}

function request(def: RouteDef, shape: Shape, token: string): InjectOptions {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` }
  const options: InjectOptions = { method: def.method, url: pathOf(def, shape.params), headers }
  if (shape.query !== undefined) options.query = asQuery(shape.query)
  if (shape.raw) {
    if (shape.raw.contentType) headers['content-type'] = shape.raw.contentType
    options.payload = shape.raw.payload
  } else if (shape.body !== undefined) {
    headers['content-type'] = 'application/json'
    options.payload = JSON.stringify(shape.body)
  }
  return options
}

const sessions = new Map<string, Promise<string>>()

async function tokenFor(h: TestHall, op: OperationId, def: RouteDef): Promise<string> {
  if (op === 'signOut') return h.signIn('wall-1', '9001')
  const device = def.access.map((a) => DEVICE_FOR[a]).find(Boolean)
  if (device) return h.tokens[device]!
  const [counter, staffNo] = def.access.includes('clerk') ? ['counter-1', '1001'] : ['counter-2', '9001']
  if (!sessions.has(staffNo)) sessions.set(staffNo, h.signIn(counter, staffNo))
  return sessions.get(staffNo)!
}

t.test('fuzz: every route, valid and invalid input: no 5xx, every error in the contract shape', async (t) => {
  const config = demoHallConfig()
  config.server.rateLimitPerMinute = 1_000_000
  const h = await testHall({ config })
  t.teardown(() => h.close())
  const started = Date.now()
  const entries = (Object.entries(routes) as [OperationId, RouteDef][]).sort(
    ([a], [b]) => Number(a === 'signOut') - Number(b === 'signOut'),
  )
  for (const [op, def] of entries) {
    const failures: string[] = []
    let token = await tokenFor(h, op, def)
    await fc.assert(
      fc.asyncProperty(shapes(def), async (shape) => {
        // Signing out ends the session: each sign-out try gets a fresh one.
        if (op === 'signOut') token = await tokenFor(h, op, def)
        const options = request(def, shape, token)
        const answer = await send(h.app, options)
        const where = `${op} ${options.method} ${options.url} → ${answer.status}`
        if (answer.status >= 500) failures.push(`${where} ${JSON.stringify(answer.body)}`)
        else if (answer.status >= 400) {
          if (!Value.Check(ApiError, answer.body))
            failures.push(`${where}: not an ApiError ${String(answer.body)}`)
          else if (ERRORS[answer.body.code as keyof typeof ERRORS].status !== answer.status)
            failures.push(
              `${where}: ${answer.body.code} has status ${ERRORS[answer.body.code as keyof typeof ERRORS].status}`,
            )
          else if (answer.body.code === 'UNAUTHORIZED' || answer.body.code === 'FORBIDDEN') {
            if (answer.body.message === ERRORS[answer.body.code as 'FORBIDDEN'].message && op !== 'signIn')
              failures.push(`${where}: the access check refused a caller the contract allows`)
          }
        }
        return true
      }),
      { numRuns: op === 'signOut' ? 10 : RUNS_PER_ROUTE, seed: 20261207 },
    )
    t.same([...new Set(failures)].slice(0, 10), [], `${op}: ${failures.length} bad answers`)
  }
  t.ok(Date.now() - started < 90_000, `fuzz took ${Date.now() - started} ms`)
  t.equal((await send(h.app, { method: 'GET', url: '/api/health' })).status, 200, 'still up')
})
