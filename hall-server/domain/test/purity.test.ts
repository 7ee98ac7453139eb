import { readdirSync, readFileSync } from 'node:fs'
import t from 'tap'

/**
 * The package stays pure, so the screens can bundle it and property tests can drive it: its
 * sources import only each other and @hall/protocol (no node:*, fastify, socket.io or sqlite3),
 * and never read the clock or chance themselves; the clock and ids come in from outside.
 */

const SRC = new URL('../src/', import.meta.url)
const files = readdirSync(SRC).filter((name) => name.endsWith('.ts'))

t.test('sources import only each other and @hall/protocol', async (t) => {
  t.ok(files.length > 10, 'the sources are found')
  for (const name of files) {
    const text = readFileSync(new URL(name, SRC), 'utf8')
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1] as string)
    const foreign = specifiers.filter((s) => !s.startsWith('./') && s !== '@hall/protocol')
    t.same(foreign, [], `${name} imports nothing else`)
    const clock = [...text.matchAll(/Date\.now\(|new Date\(\)|Math\.random\(|performance\.now\(/g)].map(
      (m) => m[0],
    )
    t.same(clock, [], `${name} reads no clock or randomness of its own`)
  }
})

t.test('the package depends on @hall/protocol only', async (t) => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    dependencies?: Record<string, string>
  }
  t.same(Object.keys(pkg.dependencies ?? {}), ['@hall/protocol'])
})
