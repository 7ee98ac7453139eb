import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'

/** The package runs in the browser (bundled by Vite) as well as in Node: nothing Node-only in src/. */

t.test('src/ imports no node: module and nothing outside the contract and socket.io-client', async (t) => {
  const src = join(import.meta.dirname, '../src')
  for (const name of readdirSync(src)) {
    const text = readFileSync(join(src, name), 'utf8')
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1] as string)
    for (const spec of imports) {
      t.ok(
        spec.startsWith('./') || spec === '@hall/protocol' || spec === 'socket.io-client',
        `${name} imports ${spec}`,
      )
    }
  }
})
