import t, { type Test } from 'tap'
import type { Static, TSchema } from 'typebox'
import { Value } from 'typebox/value'
import {
  ACCESS,
  AgentHeartbeat,
  ApiError,
  apiError,
  ButtonRatingPayload,
  type ClientToServerEvents,
  ERROR_CODES,
  ERRORS,
  IdCardPayload,
  PrintResult,
  routes,
  ScanPayload,
} from '../src/index.js'

/** The contract's own checks: its route table is consistent, and its messages survive the wire. */

// Compile-time agreement (tsc -b checks this file): each socket event's payload type is exactly the
// Static of the schema the server checks it against.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type Payload<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0]
const agreement: [
  Equal<Payload<'agent:heartbeat'>, Static<typeof AgentHeartbeat>>,
  Equal<Payload<'agent:cardRead'>, Static<typeof IdCardPayload>>,
  Equal<Payload<'agent:scan'>, Static<typeof ScanPayload>>,
  Equal<Payload<'agent:printResult'>, Static<typeof PrintResult>>,
  Equal<Payload<'agent:rating'>, Static<typeof ButtonRatingPayload>>,
] = [true, true, true, true, true]

const ROLES = new Set<string>(ACCESS)

t.test(
  'every route: a unique method and path under /api, roles that exist, params named in the path',
  async (t) => {
    t.same(agreement, [true, true, true, true, true])
    const seen = new Set<string>()
    for (const [id, route] of Object.entries(routes)) {
      const key = `${route.method} ${route.path}`
      t.notOk(seen.has(key), `${id}: ${key} is declared once`)
      seen.add(key)
      t.match(route.path, /^\/api\//, `${id} is under /api`)
      t.ok(route.access.length > 0, `${id} says who may call it`)
      for (const role of route.access) t.ok(ROLES.has(role), `${id}: role ${role} exists`)
      if ((route.access as readonly string[]).includes('public'))
        t.equal(route.access.length, 1, `${id}: public stands alone`)
      if (route.method === 'GET') t.notOk('body' in route, `${id}: a GET has no body`)
      const inPath = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).sort()
      const declared =
        'params' in route && route.params
          ? Object.keys((route.params as { properties: object }).properties).sort()
          : []
      t.same(declared, inPath, `${id}: params schema names exactly the path's :params`)
      t.ok(route.summary.length > 0, `${id} has a summary`)
    }
  },
)

/** A message as it travels: JSON out, JSON in, and the schema still accepts it unchanged. */
function roundTrip(t: Test, schema: TSchema, value: unknown, label: string) {
  t.ok(Value.Check(schema, value), `${label} is valid`)
  const back = JSON.parse(JSON.stringify(value)) as unknown
  t.same(back, value, `${label} decodes to what was encoded`)
  t.ok(Value.Check(schema, back), `${label} is valid after the trip`)
}

const examples: [string, TSchema, unknown, unknown][] = [
  [
    'agent:heartbeat',
    AgentHeartbeat,
    {
      agentVersion: '0.1.0',
      attached: [{ name: 'printer', kind: 'printer', connected: true, lastError: null }],
    },
    { agentVersion: '0.1.0', attached: [{ name: 'printer', kind: 'fax', connected: true, lastError: null }] },
  ],
  [
    'agent:cardRead',
    IdCardPayload,
    {
      eventId: 'e1',
      cardType: 'resident',
      name: '张三',
      idNumber: '110101199003071234',
      gender: '男',
      birthDate: '1990-03-07',
    },
    { cardType: 'resident', name: '', idNumber: '110101199003071234', gender: '男', birthDate: '1990-03-07' },
  ],
  [
    'agent:scan',
    ScanPayload,
    { code: 'HALLTICKET:2026-11-23-public-12', eventId: 'e2' },
    { code: '', extra: 1 },
  ],
  [
    'agent:printResult',
    PrintResult,
    { jobId: 'j1', ok: false, code: 'PAPER_OUT', message: '打印机缺纸' },
    { jobId: 'j1', ok: 'no', code: null, message: null },
  ],
  [
    'agent:rating',
    ButtonRatingPayload,
    { level: 'satisfied', caseId: 'c1', eventId: 'e3' },
    { level: 'great' },
  ],
]

t.test('socket messages encode and decode unchanged; a wrong one is refused', async (t) => {
  for (const [label, schema, good, bad] of examples) {
    roundTrip(t, schema, good, label)
    t.notOk(Value.Check(schema, bad), `a malformed ${label} is refused`)
  }
})

t.test('every error code has its status and a Chinese message, and travels as ApiError', async (t) => {
  for (const code of ERROR_CODES) {
    const { status, message } = ERRORS[code]
    t.ok(status >= 400 && status < 600, `${code}: an error status`)
    t.match(message, /[\u4e00-\u9fff]/, `${code}: the message is in Chinese`)
    roundTrip(t, ApiError, apiError(code), `error ${code}`)
  }
  t.same(apiError('VALIDATION', '格式不对', ['name']), {
    code: 'VALIDATION',
    message: '格式不对',
    details: ['name'],
  })
  t.notOk(Value.Check(ApiError, { code: 'NO_SUCH_CODE', message: 'x' }), 'an unknown code is not an ApiError')
})
