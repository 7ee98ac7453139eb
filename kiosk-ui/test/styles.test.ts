import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import t from 'tap'

/**
 * The kiosk's stylesheet is one cascade split into files (src/styles/): index.css imports each once,
 * in cascade order, and main.tsx imports index.css. A CSS import anywhere else (a lazily loaded
 * page, say) would put its rules in a separate file loaded later and change the cascade.
 */

const SRC = join(import.meta.dirname, '../src')
const STYLES = join(SRC, 'styles')

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(SRC, join(entry.parentPath, entry.name)))
}

/** The `@import` targets of a stylesheet, in order; fails on anything else outside comments. */
function importsOf(css: string): string[] {
  const body = css.replace(/\/\*[\s\S]*?\*\//g, '').trim()
  const statements = body
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
  return statements.map((statement) => {
    const match = /^@import\s+(?:url\()?["']([^"']+)["']\)?$/.exec(statement)
    if (!match) throw new Error(`index.css should hold only @import lines, found: ${statement}`)
    return match[1] as string
  })
}

t.test('index.css imports every stylesheet once, tokens and base first, portrait last', async (t) => {
  const imports = importsOf(readFileSync(join(STYLES, 'index.css'), 'utf8')).map((path) =>
    path.replace(/^\.\//, ''),
  )
  const sheets = readdirSync(STYLES)
    .filter((name) => name.endsWith('.css') && name !== 'index.css')
    .sort()
  t.same([...imports].sort(), sheets, 'each file in src/styles/ is imported, and nothing else')
  t.equal(new Set(imports).size, imports.length, 'none twice')
  t.same(imports.slice(0, 2), ['tokens.css', 'base.css'], 'tokens and base first')
  t.equal(imports.at(-1), 'portrait.css', 'the portrait overrides come last')
})

t.test('main.tsx imports index.css and no other module imports CSS', async (t) => {
  const cssImports = filesUnder(SRC)
    .filter((file) => /\.tsx?$/.test(file))
    .flatMap((file) =>
      [
        ...readFileSync(join(SRC, file), 'utf8').matchAll(
          /import\s+(?:[^'"]*from\s+)?['"]([^'"]+\.css)['"]/g,
        ),
      ].map((m) => `${file}: ${m[1]}`),
    )
  t.same(cssImports, ['main.tsx: ./styles/index.css'], 'only main.tsx imports CSS')
  t.same(
    filesUnder(SRC).filter((file) => file.endsWith('.css') && !file.startsWith('styles/')),
    [],
    'all CSS lives in src/styles/',
  )
})

t.test('no stylesheet is over 300 lines', async (t) => {
  for (const name of readdirSync(STYLES)) {
    const lines = readFileSync(join(STYLES, name), 'utf8').split('\n').length
    t.ok(lines <= 300, `${name}: ${lines} lines`)
  }
})
