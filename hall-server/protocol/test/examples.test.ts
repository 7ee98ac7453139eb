import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import {
  CardReadView,
  Delta,
  HallSnapshot,
  PrintJob,
  PrintOutcomeEvent,
  type RouteDef,
  routes,
  ScanView,
  type ServerToClientEvents,
} from '../src/index.js'

/**
 * Examples of every operation's request and answer and of every server-to-client socket message,
 * recorded from a real hall morning (hall-server/test/security/capture-examples.ts writes
 * examples.json). Each is accepted by its schema, survives JSON unchanged, and a malformed
 * variant of it is refused.
 */

// biome-ignore lint/suspicious/noExplicitAny: examples are read from JSON, field by field
type Json = any
const examples = JSON.parse(readFileSync(join(import.meta.dirname, 'examples.json'), 'utf8')) as {
  requests: Record<string, { input: Record<string, unknown>; status: number; answer: Json }>
  events: Record<string, Json>
}

interface ObjectSchema {
  type?: string
  properties?: Record<string, { type?: string }>
  required?: string[]
  additionalProperties?: boolean
  items?: ObjectSchema
}

/** Variants of a value its schema must refuse: an unknown field, a required one missing, a wrong type. */
function malformed(schema: TSchema, value: unknown): unknown[] {
  const s = schema as ObjectSchema
  if (s.type === 'array') {
    return Array.isArray(value) && value.length > 0 && s.items
      ? malformed(s.items as TSchema, value[0]).map((bad) => [bad, ...value.slice(1)])
      : ['not a list']
  }
  if (s.type !== 'object' || value === null || typeof value !== 'object') return [{ wrong: [value] }]
  const out: unknown[] = [[value]]
  const record = value as Record<string, unknown>
  const required = s.required ?? []
  if (required[0] !== undefined) {
    const { [required[0]]: _, ...rest } = record
    out.push(rest)
  }
  if (s.additionalProperties === false) out.push({ ...record, unknownField: 1 })
  const first = Object.keys(s.properties ?? {}).find((k) => record[k] !== undefined)
  if (first !== undefined) out.push({ ...record, [first]: { wrong: true } })
  return out
}

function checkExample(t: Test, label: string, schema: TSchema, value: unknown) {
  const errors = [...Value.Errors(schema, value)].slice(0, 3).map((e) => `${e.instancePath} ${e.message}`)
  t.same(errors, [], `${label}: accepted by its schema`)
  t.same(JSON.parse(JSON.stringify(value)), value, `${label}: unchanged through JSON`)
  for (const bad of malformed(schema, value)) {
    t.notOk(
      Value.Check(schema, bad),
      `${label}: refused when malformed (${JSON.stringify(bad).slice(0, 60)})`,
    )
  }
}

t.test('every operation has a recorded request and answer its schemas accept', async (t) => {
  t.same(
    Object.keys(routes).filter((op) => !examples.requests[op]),
    [],
    'every operation has an example (run hall-server/test/security/capture-examples.ts)',
  )
  for (const [op, def] of Object.entries(routes) as [string, RouteDef][]) {
    const example = examples.requests[op]
    if (!example) continue
    t.test(op, async (t) => {
      const { input, status, answer } = example
      t.equal(status, def.status ?? 200, 'answered with the contract status')
      if (def.params) checkExample(t, 'params', def.params, input.params)
      if (def.body) checkExample(t, 'body', def.body, input.body)
      if (def.querystring) {
        // A query travels as text; the server converts it by the schema before it checks it.
        const query = Value.Convert(def.querystring, structuredClone(input.query ?? {}))
        checkExample(t, 'query', def.querystring, query)
      }
      if (def.produces) t.match(answer, `<${def.produces}`, 'bytes of the declared media type')
      else checkExample(t, 'answer', def.response, answer)
    })
  }
})

t.test('every server-to-client message has a recorded example its schema accepts', async (t) => {
  const schemas: Record<keyof ServerToClientEvents, TSchema> = {
    snapshot: HallSnapshot,
    delta: Delta,
    cardRead: CardReadView,
    scan: ScanView,
    print: PrintJob,
    printOutcome: PrintOutcomeEvent,
  }
  for (const [event, schema] of Object.entries(schemas)) {
    t.ok(examples.events[event] !== undefined, `${event} has an example`)
    if (examples.events[event] !== undefined) checkExample(t, event, schema, examples.events[event])
  }
  t.ok(examples.events.delta.changes.length > 1, 'the delta example carries several changes')
  t.equal(examples.events.delta.prevSeq + 1, examples.events.delta.seq, 'and chains to the seq before')
})
