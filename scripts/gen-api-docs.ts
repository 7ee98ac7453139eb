import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ERRORS, type RouteDef, routes, SECURITY_SCHEMES, SOCKET_ACCESS, securityOf } from '@hall/protocol'

/**
 * Writes docs/api.md from the contract's route table and error codes, so the API document is the
 * code. `--check` compares instead of writing (the test suite runs it).
 */

const ROLE_LABELS: Record<string, string> = {
  public: 'anyone',
  kiosk: 'kiosk',
  counter: 'counter device',
  pad: 'evaluator pad',
  display: 'call display',
  window_screen: 'window screen',
  wall: 'wall screen',
  agent: 'device agent',
  clerk: 'signed-in clerk',
  manager: 'signed-in manager',
}

function schemaFields(schema: unknown): string {
  const s = schema as {
    properties?: Record<string, { type?: string; enum?: unknown[] }>
    required?: string[]
  }
  if (!s?.properties) return ''
  return Object.entries(s.properties)
    .map(([name, p]) => {
      const type = p.enum ? p.enum.map((v) => `\`${String(v)}\``).join(' \\| ') : (p.type ?? 'object')
      return `\`${name}\`${s.required?.includes(name) ? '' : '?'}: ${type}`
    })
    .join(', ')
}

function roles(access: readonly string[]): string {
  return access.map((a) => ROLE_LABELS[a] ?? a).join(', ')
}

function security(def: RouteDef): string {
  const requirements = securityOf(def.access)
  return requirements.length === 0 ? 'none' : requirements.map((r) => Object.keys(r).join(' + ')).join(' or ')
}

export function apiMarkdown(): string {
  const lines = [
    '# Hall server API',
    '',
    'Generated from `hall-server/protocol/src/routes.ts` by `scripts/gen-api-docs.ts`; do not edit by hand.',
    'The running server also serves the full OpenAPI 3.1 document at `/openapi.json`.',
    '',
    'Devices authenticate with their enrolment token (`hallctl enroll`), staff with the session token from',
    '`signIn`, as `Authorization: Bearer <token>`. Errors answer `{ code, message, details? }` with the',
    'status below; `message` is Chinese, for screens. Request bodies with unknown fields are refused.',
    'Who is calling is checked before the input: no valid token answers 401 `UNAUTHORIZED`, a role the',
    'operation does not list 403 `FORBIDDEN`. In the OpenAPI document each operation carries `security`',
    '(derived from the roles) and the roles themselves in `x-access`.',
    '',
    'Staff sign-in: five wrong PINs in a row for a staff number lock it for 15 minutes; the fifth wrong',
    'try and every try while locked answer 429 `SIGN_IN_LOCKED` with the time to try again',
    '(`连续输错5次，已锁定，请于 10:46 后再试`). Each refused try and each lockout (`signInLocked`) is in',
    'the audit log (`listAudit`).',
    '',
    '## Security schemes',
    '',
    '| scheme | kind | description |',
    '| --- | --- | --- |',
    ...Object.entries(SECURITY_SCHEMES).map(
      ([name, s]) => `| \`${name}\` | ${s.type} ${s.scheme} | ${s.description} |`,
    ),
    '',
    '## Operations by role',
    '',
    '| operationId | method and path | who may call | security | summary |',
    '| --- | --- | --- | --- | --- |',
  ]
  for (const [id, def] of Object.entries(routes) as [string, RouteDef][]) {
    lines.push(
      `| \`${id}\` | \`${def.method} ${def.path}\` | ${roles(def.access)} | ${security(def)} | ${def.summary} |`,
    )
  }
  lines.push('', '## Operations', '')
  for (const [id, def] of Object.entries(routes) as [string, RouteDef][]) {
    lines.push(`### ${id}`, '', `\`${def.method} ${def.path}\` — ${def.summary}`, '')
    if (def.querystring) lines.push(`- query: ${schemaFields(def.querystring)}`)
    if (def.body) lines.push(`- body: ${schemaFields(def.body)}`)
    lines.push(`- answers ${def.status ?? 200}${def.produces ? ` with \`${def.produces}\`` : ''}`, '')
  }
  lines.push(
    '## Socket.io',
    '',
    'Connect to the server’s origin with `auth: { token }` (a device token or a staff session; without one',
    'the handshake fails with `connect_error` whose `message` is `UNAUTHORIZED` and `data` the error body).',
    'On connect the client receives `snapshot`',
    '(the committed hall), then `delta`s: `{ seq, prevSeq, at, changes }`. A delta whose `prevSeq` is not',
    'the last `seq` held means a gap: emit `resync` and replace the state with its answer',
    '(`applyDelta` in `@hall/protocol` does this bookkeeping).',
    '',
    '| event | direction | who | payload |',
    '| --- | --- | --- | --- |',
    '| `snapshot` | server → client | everyone | `HallSnapshot` |',
    '| `delta` | server → client | everyone | `Delta` |',
    '| `cardRead` | server → client | screens of the terminal | `CardReadView` (masked, with `readId`) |',
    '| `scan` | server → client | screens of the terminal | `{ code, at }` |',
    '| `print` | server → client | device agent of the terminal | `PrintJob` |',
    '| `printOutcome` | server → client | screens of the terminal | `{ jobId, ok, message }` |',
    ...Object.entries(SOCKET_ACCESS).map(
      ([event, access]) =>
        `| \`${event}\` | client → server | ${roles(access)} | ${SOCKET_PAYLOADS[event]} |`,
    ),
    '',
    'Agent events are acknowledged with `{ ok: true, data } | { ok: false, code, message }`; a sender',
    'whose role is not listed gets `FORBIDDEN` before its payload is looked at.',
    '',
    '## Error codes',
    '',
    '| code | status | message |',
    '| --- | --- | --- |',
    ...Object.entries(ERRORS).map(([code, e]) => `| \`${code}\` | ${e.status} | ${e.message} |`),
    '',
  )
  return lines.join('\n')
}

const SOCKET_PAYLOADS: Record<string, string> = {
  resync: 'ack: `HallSnapshot`',
  'agent:heartbeat': '`AgentHeartbeat`',
  'agent:cardRead': '`IdCardPayload`',
  'agent:scan': '`ScanPayload`',
  'agent:printResult': '`PrintResult`',
  'agent:rating': '`ButtonRatingPayload` (the agent of a window)',
}

const file = join(import.meta.dirname, '..', 'docs', 'api.md')
if (process.argv[1] === import.meta.filename) {
  if (process.argv.includes('--check')) {
    const { readFile } = await import('node:fs/promises')
    const current = await readFile(file, 'utf8').catch(() => '')
    if (current !== apiMarkdown()) {
      process.stderr.write('docs/api.md is out of date: run node --import tsx scripts/gen-api-docs.ts\n')
      process.exit(1)
    }
  } else {
    await writeFile(file, apiMarkdown())
  }
}
