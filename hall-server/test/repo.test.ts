import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
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
