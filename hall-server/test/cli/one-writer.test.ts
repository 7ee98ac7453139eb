import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { routes } from '@hall/protocol'
import t from 'tap'
import { acquireDataLock, DataDirLocked, LOCK_FILE, lockHolder } from '../../src/store/data-lock.js'
import { startServerProcess } from '../harness/server-process.js'
import { prepareDataDir } from '../helper.js'

/**
 * One writer per data directory: a second server refuses to start; hallctl changes a running hall
 * through the server's admin channel, and writes directly only when no server runs.
 */

const HALLCTL = fileURLToPath(new URL('../../bin/hallctl.mjs', import.meta.url))
const SERVER = fileURLToPath(new URL('../../src/server.ts', import.meta.url))

function hallctl(dir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [HALLCTL, ...args, '--data-dir', dir], { encoding: 'utf8' })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

// Each hallctl run is a process start; on a busy two-core machine they add up.
t.setTimeout(360_000)

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''])
  await once(child, 'exit')
  return child.pid as number
}

t.test('the data directory lock: exclusive, named, and taken over when its holder is gone', async (t) => {
  const { dir } = await prepareDataDir()
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const lock = await acquireDataLock(dir, 'server')
  t.equal((await stat(join(dir, LOCK_FILE))).mode & 0o777, 0o600)
  t.match(await lockHolder(dir), { pid: process.pid, holder: 'server' })
  const second = await acquireDataLock(dir, 'server').catch((error: unknown) => error)
  t.ok(second instanceof DataDirLocked, 'a second taker is refused')
  t.match((second as Error).message, new RegExp(`正由另一个大厅服务器（进程 ${process.pid}，.*请先停止它`))
  await lock.release()
  t.notOk(existsSync(join(dir, LOCK_FILE)), 'released: the file is gone')

  const stale = { pid: await deadPid(), holder: 'server', since: '2026-12-01T00:00:00Z', bootId: null }
  await writeFile(join(dir, LOCK_FILE), JSON.stringify(stale))
  t.equal(await lockHolder(dir), null, 'a lock whose process is gone holds nothing')
  const taken = await acquireDataLock(dir, 'hallctl')
  t.equal(taken.info.pid, process.pid, 'and is taken over')
  await taken.release()

  const beforeReboot = {
    pid: process.pid,
    holder: 'server',
    since: '2026-12-01T00:00:00Z',
    bootId: 'x-other-boot',
  }
  await writeFile(join(dir, LOCK_FILE), JSON.stringify(beforeReboot))
  if (existsSync('/proc/sys/kernel/random/boot_id')) {
    t.equal(await lockHolder(dir), null, 'a lock from before the last reboot holds nothing, whatever its pid')
  }
  await rm(join(dir, LOCK_FILE))
})

t.test('a second server on the same data directory refuses to start and says why', async (t) => {
  const { dir } = await prepareDataDir()
  const first = await startServerProcess(dir)
  t.teardown(async () => {
    await first.kill()
    await rm(dir, { recursive: true, force: true })
  })
  const second = spawnSync(
    process.execPath,
    ['--import', 'tsx', SERVER, '--data-dir', dir, '--host', '127.0.0.1', '--port', '0'],
    { encoding: 'utf8', timeout: 60_000 },
  )
  t.equal(second.status, 2, 'exits with an error')
  t.match(second.stderr, new RegExp(`数据目录 .* 正由另一个大厅服务器（进程 ${first.child.pid}，`))
  t.notMatch(second.stderr, /at .*\.ts:\d+/, 'a message, not a stack trace')
  const health = await fetch(`${first.url}/api/health`)
  t.equal(health.status, 200, 'the first server goes on serving')
})

t.test(
  'hallctl changes a running hall through the server, and the data directly when it is down',
  async (t) => {
    const { dir, tokens } = await prepareDataDir()
    t.teardown(() => rm(dir, { recursive: true, force: true }))
    let server = await startServerProcess(dir)
    t.teardown(() => server.kill())
    t.equal(
      (await stat(join(dir, 'admin.sock'))).mode & 0o777,
      0o600,
      'the admin channel is for its owner only',
    )
    const signIn = (staffNo: string, pin: string) =>
      fetch(`${server.url}${routes.signIn.path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens['counter-1']}`, 'content-type': 'application/json' },
        body: JSON.stringify({ staffNo, pin }),
      })

    const added = hallctl(dir, 'add-staff', '1009', '--name', '吴敏', '--pin', '135790')
    t.equal(added.code, 0, added.err)
    t.match(added.out, /运行中的大厅服务器已生效/, 'done by the running server')
    t.equal((await signIn('1009', '135790')).status, 200, 'the new clerk signs in at once')

    const pin = hallctl(dir, 'set-pin', '1009', '--pin', '975310')
    t.equal(pin.code, 0, pin.err)
    t.equal((await signIn('1009', '135790')).status, 401, 'the old PIN no longer works')
    t.equal((await signIn('1009', '975310')).status, 200, 'the new one does')

    const enrolled = hallctl(dir, 'enroll', 'kiosk-9', '--role', 'kiosk', '--name', '9号取号机')
    t.equal(enrolled.code, 0, enrolled.err)
    const queues = await fetch(`${server.url}${routes.listQueues.path}`, {
      headers: { authorization: `Bearer ${enrolled.out.trim()}` },
    })
    t.equal(queues.status, 200, 'the new device is let in at once')

    const quoted = join(import.meta.dirname, '../fixtures/catalog/quoted.csv')
    const imported = hallctl(dir, 'import-catalog', quoted, '--merge', '--partial')
    t.equal(imported.code, 3, 'a file with a bad line: the good ones with --partial')
    t.match(imported.out, /已导入 \d+ 项事项/)
    const found = await fetch(
      `${server.url}${routes.searchServices.path}?q=${encodeURIComponent('职业介绍')}`,
      {
        headers: { authorization: `Bearer ${tokens['kiosk-1']}` },
      },
    )
    const names = ((await found.json()) as { name: string }[]).map((s) => s.name)
    t.ok(
      names.includes('职业介绍"登记"'),
      `the server searches the imported items at once: ${names.join('、')}`,
    )

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
    const code = /预约码 ([A-Z2-9]{8})/.exec(booked.out)?.[1]
    const manager = (await (
      await fetch(`${server.url}${routes.signIn.path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens['wall-1']}`, 'content-type': 'application/json' },
        body: JSON.stringify({ staffNo: '9001', pin: '9001' }),
      })
    ).json()) as { token: string }
    const list = await fetch(`${server.url}${routes.listAppointments.path}?date=2099-01-02`, {
      headers: { authorization: `Bearer ${manager.token}` },
    })
    t.match(await list.json(), [{ code }], 'the server lists the appointment hallctl booked')

    const init = hallctl(dir, 'init', '--force')
    t.equal(init.code, 2, 'init is refused while the server runs')
    t.match(init.err, /正在使用 .*请先停止服务器/)

    await server.stop()
    t.notOk(existsSync(join(dir, LOCK_FILE)), 'a clean stop releases the lock')
    t.notOk(existsSync(join(dir, 'admin.sock')), 'and removes the channel')
    const offline = hallctl(dir, 'add-staff', '1010', '--name', '郑洁', '--pin', '112233')
    t.equal(offline.code, 0, offline.err)
    t.match(offline.out, /服务器未运行：已写入数据目录/, 'written directly')
    t.notOk(existsSync(join(dir, LOCK_FILE)), 'hallctl lets go of the lock when done')

    server = await startServerProcess(dir)
    t.equal(
      (await signIn('1010', '112233')).status,
      200,
      'what hallctl wrote is there when the server starts',
    )
    await server.kill()
    t.ok(existsSync(join(dir, LOCK_FILE)), 'kill -9 leaves its lock behind')
    const afterKill = hallctl(dir, 'set-pin', '1010', '--pin', '445566')
    t.equal(afterKill.code, 0, afterKill.err)
    t.match(afterKill.out, /服务器未运行/, 'a dead server’s lock and socket are no obstacle')
    server = await startServerProcess(dir)
    t.equal((await signIn('1010', '445566')).status, 200, 'nor for the next server')
  },
)
