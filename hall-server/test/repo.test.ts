import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import t from 'tap'

/** The documents and deployment files stay true to the code. */

const REPO = resolve(import.meta.dirname, '../..')

t.test('docs/api.md is generated from the current contract', (t) => {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(REPO, 'scripts/gen-api-docs.ts'), '--check'],
    {
      encoding: 'utf8',
    },
  )
  t.equal(result.status, 0, result.stderr)
  t.end()
})

t.test('deploy scripts parse and the unit starts what exists', (t) => {
  for (const script of ['deploy/install.sh', 'deploy/backup.sh']) {
    const result = spawnSync('bash', ['-n', join(REPO, script)], { encoding: 'utf8' })
    t.equal(result.status, 0, `${script}: ${result.stderr}`)
  }
  const unit = readFileSync(join(REPO, 'deploy/hall-server.service'), 'utf8')
  const exec = /ExecStart=\S+ --import tsx \/opt\/hall\/(\S+)/.exec(unit)
  t.ok(exec && existsSync(join(REPO, exec[1] as string)), `ExecStart runs ${exec?.[1]}`)
  t.match(unit, /HALL_DATA_DIR=\/var\/lib\/hall/)
  const backup = readFileSync(join(REPO, 'deploy/hall-backup.service'), 'utf8')
  t.match(backup, /\/opt\/hall\/deploy\/backup\.sh/)
  t.end()
})

t.test('the README shows the two commands and .ci/run runs the test command', (t) => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8')
  t.match(readme, /npm start/)
  t.match(readme, /npm test/)
  t.match(readFileSync(join(REPO, '.ci/run'), 'utf8'), /npm test/)
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
  t.ok(existsSync(join(REPO, pkg.scripts['start']!.split(' ')[1]!)))
  t.ok(existsSync(join(REPO, pkg.scripts['test']!.split(' ')[1]!)))
  t.end()
})

t.test(
  'the backup script makes a usable copy of a live database',
  { skip: spawnSync('sh', ['-c', 'command -v sqlite3']).status !== 0 ? 'sqlite3 CLI missing' : false },
  async (t) => {
    const { mkdtemp, rm, writeFile } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const dir = await mkdtemp(join(tmpdir(), 'hall-backup-'))
    t.teardown(() => rm(dir, { recursive: true, force: true }))
    spawnSync('sqlite3', [
      join(dir, 'hall.sqlite'),
      'PRAGMA journal_mode=WAL; CREATE TABLE t (x); INSERT INTO t VALUES (42);',
    ])
    await writeFile(join(dir, 'hall.key'), 'key\n')
    const result = spawnSync('bash', [join(REPO, 'deploy/backup.sh'), dir], { encoding: 'utf8' })
    t.equal(result.status, 0, result.stderr)
    const copy = /backup written: (\S+)/.exec(result.stdout)?.[1]
    t.ok(copy && existsSync(copy))
    t.equal(
      spawnSync('sqlite3', [copy as string, 'SELECT x FROM t'], { encoding: 'utf8' }).stdout.trim(),
      '42',
    )
    t.ok(existsSync(join(dir, 'backups/hall.key')), 'the key is kept beside the backups')
  },
)

t.test('the repository stands alone: no file points to notes outside it', (t) => {
  // Device facts live in device-drivers/docs/protocols.md, not in a notes file beside the checkout.
  const outside = ['/work/', 'shared/', '|', 'device-', 'notes'].join('')
  const found = spawnSync('git', ['grep', '-n', '-E', outside], { cwd: REPO, encoding: 'utf8' })
  t.equal(found.status, 1, 'git grep finds nothing')
  t.equal(found.stdout, '', 'no file names a notes file outside the repository')
  t.end()
})

/** Every folder with its own README: each top-level folder, and these below them. */
const NESTED_READMES = [
  'hall-server/protocol',
  'hall-server/domain',
  'hall-server/client',
  'hall-server/data',
  'deploy/kiosk',
  'deploy/agent',
]

/** Files git knows of (tracked, or new and not ignored), relative to the repository. */
function repoFiles(...patterns: string[]): string[] {
  const listed = spawnSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...patterns],
    {
      cwd: REPO,
      encoding: 'utf8',
    },
  )
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`)
  return [...new Set(listed.stdout.split('\n').filter(Boolean))].filter((f) => existsSync(join(REPO, f)))
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .replace(/`/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-')
}

function anchorsIn(markdown: string): Set<string> {
  const anchors = new Set<string>()
  for (const line of withoutCode(markdown).split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
    if (heading) anchors.add(anchorOf(heading[1] as string))
  }
  return anchors
}

/** The text outside fenced code blocks and inline code spans, where a bracket is not a link. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '``')
}

/** The targets of inline links and images `[text](target)` and of reference definitions `[x]: target`. */
function linkTargets(markdown: string): string[] {
  const text = withoutCode(markdown)
  const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] as string)
  const defined = [...text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map(
    (m) => m[1] as string,
  )
  return [...inline, ...defined]
}

/** What is wrong with each relative link of a Markdown file: a missing file, or a missing heading. */
function brokenLinks(file: string): string[] {
  const broken: string[] = []
  const source = join(REPO, file)
  for (const target of linkTargets(readFileSync(source, 'utf8'))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue // https:, mailto:, data: …
    const [pathPart = '', anchor] = target.split('#', 2)
    const path = decodeURIComponent(pathPart.split('?')[0] as string)
    const resolved =
      path === '' ? source : path.startsWith('/') ? join(REPO, path) : resolve(dirname(source), path)
    if (!existsSync(resolved)) {
      broken.push(`${file}: ${target} (no ${relative(REPO, resolved)})`)
      continue
    }
    if (anchor && resolved.endsWith('.md') && statSync(resolved).isFile()) {
      if (!anchorsIn(readFileSync(resolved, 'utf8')).has(decodeURIComponent(anchor).toLowerCase())) {
        broken.push(`${file}: ${target} (no heading #${anchor} in ${relative(REPO, resolved)})`)
      }
    }
  }
  return broken
}

t.test('every top-level folder and the packages inside hall-server have a README', (t) => {
  const topLevel = [...new Set(repoFiles().map((f) => f.split('/')[0] as string))].filter(
    (name) => !name.startsWith('.') && statSync(join(REPO, name)).isDirectory(),
  )
  t.ok(
    topLevel.includes('docs') && topLevel.includes('scripts') && topLevel.includes('bench'),
    topLevel.join(' '),
  )
  for (const folder of ['.', ...topLevel, ...NESTED_READMES]) {
    t.ok(existsSync(join(REPO, folder, 'README.md')), `${folder}/README.md exists`)
  }
  t.end()
})

t.test('the link checker finds what it should', (t) => {
  t.same(
    linkTargets(
      '[a](x.md) ![i](img/p.png "t") [b](../y/README.md#z) `[c](no.md)`\n```\n[d](no.md)\n```\n[e]: ref.md\n',
    ),
    ['x.md', 'img/p.png', '../y/README.md#z', 'ref.md'],
  )
  t.equal(anchorOf('hallctl'), 'hallctl')
  t.equal(anchorOf('Build, run, test'), 'build-run-test')
  t.equal(anchorOf('The `catalog` file: 事项目录'), 'the-catalog-file-事项目录')
  t.end()
})

t.test('every relative link in the READMEs and docs/ resolves', (t) => {
  const files = repoFiles('README.md', '**/README.md', 'docs/*.md', '*/docs/*.md')
  const links = files.flatMap((f) => linkTargets(readFileSync(join(REPO, f), 'utf8')))
  t.ok(files.length >= 15 && links.length >= 40, `${files.length} Markdown files, ${links.length} links`)
  t.same(
    files.flatMap((f) => brokenLinks(f)),
    [],
    'no broken links',
  )
  t.end()
})
