import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { ConfigError, loadConfig, parseConfig } from '../../src/config.js'
import { Db } from '../../src/store/db.js'
import { demoHallConfig } from '../../src/templates.js'

const HALLCTL = fileURLToPath(new URL('../../bin/hallctl.mjs', import.meta.url))

// Each hallctl run is a process start; on a busy two-core machine they add up.
t.setTimeout(360_000)

function hallctl(dir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [HALLCTL, ...args, '--data-dir', dir], { encoding: 'utf8' })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

t.test('an installer sets a hall up with hallctl', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'hallctl-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const init = hallctl(dir, 'init', '--name', '测试镇便民服务中心')
  t.equal(init.code, 0, init.err)
  t.match(init.out, /事项 152 项/)
  t.equal(hallctl(dir, 'init').code, 2, 'init does not overwrite without --force')

  const staff = hallctl(dir, 'add-staff', '1001', '--name', '张晓梅', '--pin', '246810')
  t.equal(staff.code, 0, staff.err)
  t.equal(hallctl(dir, 'add-staff', '1002', '--name', '李', '--pin', '12').code, 2, 'short PINs are refused')
  const noWindow = hallctl(dir, 'enroll', 'pad-1', '--role', 'pad')
  t.equal(noWindow.code, 2)
  t.match(noWindow.err, /必须用 --window 指定窗口/)
  const enrolled = hallctl(dir, 'enroll', 'pad-1', '--role', 'pad', '--window', '1')
  t.equal(enrolled.code, 0, enrolled.err)
  t.match(enrolled.out.trim(), /^[A-Za-z0-9_-]{43}$/, 'prints the token, once')

  const config = await loadConfig(join(dir, 'hall.json'))
  t.equal(config.hall.name, '测试镇便民服务中心')
  t.ok(config.devices.some((d) => d.id === 'pad-1' && d.windowId === '1'))
  const db = await Db.open(join(dir, 'hall.sqlite'), { readonly: true })
  const row = await db.get<{ pin_hash: string }>('SELECT pin_hash FROM staff_secrets WHERE staff_no = ?', [
    '1001',
  ])
  t.match(row?.pin_hash, /^scrypt\$/, 'the PIN is stored as a scrypt hash')
  const device = await db.get<{ token_hash: string }>('SELECT token_hash FROM devices WHERE id = ?', [
    'pad-1',
  ])
  t.not(device?.token_hash, enrolled.out.trim(), 'the token is stored hashed')
  await db.close()

  const bad = join(dir, 'bad.tsv')
  await writeFile(bad, '序号\t类别\n1\t计生服务\n')
  const refused = hallctl(dir, 'import-catalog', bad)
  t.equal(refused.code, 3)
  t.match(refused.err, /原有目录保持不变/)
  t.match(hallctl(dir, 'status').out, /营业日/, 'the catalog and the hall are still there')

  const booked = hallctl(
    dir,
    'appointment',
    'add',
    '--date',
    '2099-01-02',
    '--queue',
    'public',
    '--name',
    '王小二',
  )
  t.equal(booked.code, 0, booked.err)
  t.match(booked.out, /预约码 [A-Z2-9]{8}/)
  t.equal(hallctl(dir, 'fly').code, 1, 'unknown commands print the usage')
  for (const ask of [['help'], ['--help'], ['-h']]) {
    const help = hallctl(dir, ...ask)
    t.equal(help.code, 0, `hallctl ${ask[0]} answers`)
    t.match(help.out, /用法：hallctl/)
  }
  t.equal(hallctl(dir).code, 1, 'no command is a usage error')

  const exported = hallctl(
    dir,
    'export',
    '--from',
    '2026-11-01',
    '--to',
    '2026-11-30',
    '--out',
    join(dir, 'l.csv'),
  )
  t.equal(exported.code, 0, exported.err)
  t.match(exported.out, /已导出 0 件办件/)
  t.match(await readFile(join(dir, 'l.csv'), 'utf8'), /^\uFEFF办件编号,受理时间,窗口,/)
  const backwards = hallctl(dir, 'export', '--from', '2026-11-30', '--to', '2026-11-01')
  t.equal(backwards.code, 2)
  t.match(backwards.err, /开始日期晚于结束日期/)
})

t.test('the configuration is checked at start-up, every problem listed', async (t) => {
  const config = demoHallConfig() as unknown as Record<string, unknown> & ReturnType<typeof demoHallConfig>
  config.windows[0]!.queueIds = ['nope']
  config.windows[1]!.postA = 'ghost'
  config.queues[1]!.prefix = 'A'
  config.devices.push({ id: 'pad-x', name: 'x', role: 'pad', windowId: null, terminal: null })
  ;(config.hall as { name: string }).name = ''
  try {
    parseConfig(config, 'hall.json')
    t.fail('should not parse')
  } catch (error) {
    t.ok(error instanceof ConfigError)
    const problems = (error as ConfigError).problems
    t.ok(
      problems.some((p) => p.includes('hall.name') && p.includes('不能为空')),
      problems.join('\n'),
    )
    // Schema errors stop before the cross-checks; fix the name and see the rest.
  }
  ;(config.hall as { name: string }).name = '演示'
  try {
    parseConfig(config, 'hall.json')
    t.fail('should not parse')
  } catch (error) {
    const problems = (error as ConfigError).problems
    t.ok(problems.some((p) => p.includes('没有队列 nope')))
    t.ok(problems.some((p) => p.includes('没有工号 ghost')))
    t.ok(problems.some((p) => p.includes('号码前缀 A 重复')))
    t.ok(problems.some((p) => p.includes('必须指定 windowId')))
    t.ok(problems.length >= 4, 'all problems at once')
  }
  const dir = await mkdtemp(join(tmpdir(), 'hall-config-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  await writeFile(join(dir, 'hall.json'), '{ not json')
  await t.rejects(loadConfig(join(dir, 'hall.json')), /不是有效的 JSON/)
  await t.rejects(loadConfig(join(dir, 'missing.json')), /文件不存在/)
  t.ok((await readFile(join(dir, 'hall.json'), 'utf8')).length > 0)
})
