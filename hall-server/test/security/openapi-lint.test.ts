import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ACCESS, type RouteDef, routes, SECURITY_SCHEMES, securityOf } from '@hall/protocol'
import t from 'tap'
import { type Json, testHall } from '../helper.js'

/**
 * The OpenAPI document the server serves says who may call what, and a standard linter
 * (`redocly lint`, recommended rules, /redocly.yaml) finds no error in it.
 */

const REPO = resolve(import.meta.dirname, '../../..')
const REDOCLY = join(REPO, 'node_modules/.bin/redocly')
/** Warnings the lint may report, each there on purpose (see redocly.yaml). */
const KNOWN_WARNINGS = ['#/components/securitySchemes/platformToken no-unused-components']

async function servedDocument(): Promise<Json> {
  const h = await testHall()
  try {
    const response = await h.app.inject({ method: 'GET', url: '/openapi.json' })
    return JSON.parse(response.body)
  } finally {
    await h.close()
  }
}

t.test('every operation declares the security its access list implies', async (t) => {
  const doc = await servedDocument()
  t.same(Object.keys(doc.components.securitySchemes).sort(), Object.keys(SECURITY_SCHEMES).sort())
  for (const [name, scheme] of Object.entries(doc.components.securitySchemes) as [string, Json][]) {
    t.equal(scheme.type, 'http', `${name} is http`)
    t.equal(scheme.scheme, 'bearer', `${name} is a bearer token`)
    t.ok(scheme.description?.length > 20, `${name} is described`)
  }
  t.match(doc.components.securitySchemes.platformToken.description, /Not issued yet/)
  t.ok(doc.servers?.length > 0, 'servers are listed')

  const seen = new Set<string>()
  for (const [pathKey, item] of Object.entries(doc.paths) as [string, Json][]) {
    for (const [method, op] of Object.entries(item) as [string, Json][]) {
      const def = (routes as Record<string, RouteDef>)[op.operationId]
      if (!def) {
        t.fail(`${method.toUpperCase()} ${pathKey} is not in the route table`)
        continue
      }
      seen.add(op.operationId)
      t.same(op['x-access'], def.access, `${op.operationId}: x-access is the route's access`)
      t.same(op.security, securityOf(def.access), `${op.operationId}: security follows access`)
      for (const role of op['x-access'] as string[]) t.ok((ACCESS as readonly string[]).includes(role))
      if (def.access.includes('public')) t.same(op.security, [], `${op.operationId} is public`)
      else t.ok(op.security.length > 0, `${op.operationId} needs a token`)
    }
  }
  t.same([...seen].sort(), Object.keys(routes).sort(), 'every route is in the document')
})

t.test('redocly lint (recommended rules) reports no errors', async (t) => {
  const doc = await servedDocument()
  const dir = await mkdtemp(join(tmpdir(), 'hall-openapi-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const file = join(dir, 'openapi.json')
  await writeFile(file, JSON.stringify(doc, null, 2))
  const result = spawnSync(
    REDOCLY,
    ['lint', '--config', join(REPO, 'redocly.yaml'), '--format', 'json', file],
    {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      timeout: 60_000,
    },
  )
  const report = JSON.parse(result.stdout) as {
    totals: { errors: number; warnings: number }
    problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[]
  }
  const describe = (p: (typeof report.problems)[number]) => `${p.location[0]?.pointer} ${p.ruleId}`
  const errors = report.problems.filter((p) => p.severity === 'error')
  t.same(
    errors.map((p) => `${describe(p)}: ${p.message}`),
    [],
    'no lint errors',
  )
  t.equal(report.totals.errors, 0)
  const warnings = report.problems.filter((p) => p.severity === 'warn').map(describe)
  t.same(
    warnings.filter((w) => !KNOWN_WARNINGS.includes(w)),
    [],
    'no warnings beyond the documented ones',
  )
  t.equal(result.status, 0, result.stderr.slice(-2000))
})
