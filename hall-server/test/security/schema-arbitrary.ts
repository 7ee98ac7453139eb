import fc from 'fast-check'
import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'

/**
 * fast-check arbitraries read from the contract's TypeBox schemas (plain JSON Schema underneath):
 * values a schema accepts, and values it refuses. Covers the keywords the request schemas use:
 * object (properties, required, additionalProperties), string (minLength, maxLength, pattern),
 * integer and number (minimum, maximum), boolean, null, enum, const, anyOf, array.
 */

interface Schema {
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean | Schema
  minLength?: number
  maxLength?: number
  pattern?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  enum?: unknown[]
  const?: unknown
  anyOf?: Schema[]
  items?: Schema
  minItems?: number
  maxItems?: number
}

/** Strings of Chinese, ASCII and other scripts, the way people type them. */
const text = (minLength: number, maxLength: number) =>
  fc.string({
    unit: fc.oneof(
      fc.constantFrom(...'受理办件窗口号码预约张晓梅'),
      fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('é', 'ß', '٣', '🙂', ' '),
    ),
    minLength,
    maxLength: Math.min(maxLength, minLength + 40),
  })

/** A value the schema accepts. */
export function validOf(schema: TSchema): fc.Arbitrary<unknown> {
  const s = schema as Schema
  if (s.anyOf) return fc.oneof(...s.anyOf.map((branch) => validOf(branch as TSchema)))
  if (s.const !== undefined) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...s.enum)
  switch (s.type) {
    case 'object': {
      const properties = s.properties ?? {}
      const required = new Set(s.required ?? [])
      const model: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [name, sub] of Object.entries(properties)) model[name] = validOf(sub as TSchema)
      return fc.record(model, { requiredKeys: Object.keys(properties).filter((k) => required.has(k)) })
    }
    case 'string': {
      const min = s.minLength ?? 0
      const max = s.maxLength ?? 200
      if (s.pattern) {
        return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= max)
      }
      return text(min, max)
    }
    case 'integer':
      return fc.integer({
        min: s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1_000_000),
        max: s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1_000_000),
      })
    case 'number':
      return fc.double({
        min: s.minimum ?? -1e9,
        max: s.maximum ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return fc.array(validOf((s.items ?? {}) as TSchema), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 5, (s.minItems ?? 0) + 5),
      })
    default:
      return fc.anything()
  }
}

/** Strings that break things: huge, control characters, lone surrogates, injections. */
export const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uFEFF',
    '\u202E',
    'null',
    'undefined',
    '__proto__',
    'constructor',
    "'; DROP TABLE tickets; --",
    '../../../etc/passwd',
    '%00',
    '%E0%A4%A',
    '<script>alert(1)</script>',
    '１２３',
    '𠀀𠀁',
    'NaN',
    '-0',
    '1e309',
  ),
  fc.string({
    unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    maxLength: 4,
  }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
)

/** A value of the wrong kind for anything, JSON-able. */
const wrongKind = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  nastyString,
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  fc.constant({ ['__proto__']: { polluted: true } }),
)

/**
 * A value the schema refuses: the whole of the wrong kind, or (for an object) one field missing,
 * of the wrong kind or unknown. Checked with TypeBox, so it is refused for certain.
 */
export function invalidOf(schema: TSchema): fc.Arbitrary<unknown> {
  const s = schema as Schema
  const mutations: fc.Arbitrary<unknown>[] = [wrongKind]
  if (s.type === 'object' && s.properties) {
    const names = Object.keys(s.properties)
    const valid = validOf(schema) as fc.Arbitrary<Record<string, unknown>>
    if (names.length > 0) {
      mutations.push(
        fc
          .tuple(valid, fc.constantFrom(...names), wrongKind)
          .map(([value, name, bad]) => ({ ...value, [name]: bad })),
      )
    }
    const required = s.required ?? []
    if (required.length > 0) {
      mutations.push(
        fc.tuple(valid, fc.constantFrom(...required)).map(([value, name]) => {
          const { [name]: _, ...rest } = value
          return rest
        }),
      )
    }
    if (s.additionalProperties === false) {
      mutations.push(valid.map((value) => ({ ...value, unknownField: 1 })))
    }
  }
  return fc.oneof(...mutations).filter((value) => !Value.Check(schema, value))
}

/** Query string values as they travel: every field a string (arrays as repeated keys). */
export function asQuery(value: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { junk: String(value) }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue
    out[k] = Array.isArray(v)
      ? v.map((x) => String(x))
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v)
  }
  return out
}

/** One sample, the same every run. */
export function sampleOf(schema: TSchema, seed = 7): unknown {
  return fc.sample(validOf(schema), { numRuns: 1, seed })[0]
}
