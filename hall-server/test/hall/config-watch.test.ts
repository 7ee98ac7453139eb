import { readFile, writeFile } from 'node:fs/promises'
import { createApiClient } from '@hall/protocol'
import t from 'tap'
import { addStaff } from '../../src/cli/admin.js'
import { loadConfig } from '../../src/config.js'
import { watchConfigFile } from '../../src/hall/config-watch.js'
import { startHallServer } from '../../src/index.js'
import { prepareDataDir, testHall } from '../helper.js'

/** Staff added, changed or removed in hall.json count while the server runs. */

const newcomer = { staffNo: '1099', name: '孙丽', pin: '135790' }

t.test('the watch picks up staff; a broken file or another section is reported', async (t) => {
  const h = await testHall()
  t.teardown(() => h.close())
  const logged: string[] = []
  let refreshed = 0
  const check = watchConfigFile(
    h.hall,
    {
      info: (m) => logged.push(`info ${m}`),
      warn: (m) => logged.push(`warn ${m}`),
      error: (m) => logged.push(`error ${m}`),
    },
    () => refreshed++,
  )
  await check()
  const signIn = () =>
    h.call('signIn', h.tokens['counter-1']!, { body: { staffNo: newcomer.staffNo, pin: newcomer.pin } })
  t.equal((await signIn()).status, 401, 'not on the list yet')

  const before = h.hall.service.env.config.staff.length
  await addStaff(h.hall.paths, newcomer)
  await check()
  t.same(logged, [`info 已重新读取工作人员名单（共 ${before + 1} 人）`])
  t.equal(refreshed, 1, 'the screens are sent the hall afresh')
  t.equal((await signIn()).status, 200, 'the new clerk signs in without a restart')
  t.equal(h.hall.service.state.windows['1']?.staffNo, newcomer.staffNo, 'and holds window 1')
  await check()
  t.equal(refreshed, 1, 'an unchanged file is not read again')

  const file = h.hall.paths.configFile
  const good = await readFile(file, 'utf8')
  const broken = JSON.parse(good)
  broken.staff.push({ ...broken.staff[0] })
  await writeFile(file, JSON.stringify(broken))
  await check()
  t.match(logged.at(-1), /^error hall\.json 已修改但有误，工作人员名单未更新：[\s\S]*工号 \d+ 重复/)
  t.equal((await signIn()).status, 200, 'the running list stays')

  const renamed = JSON.parse(good)
  renamed.hall.notice = '今天下午三点起暂停办理不动产业务'
  renamed.staff = renamed.staff.filter((s: { staffNo: string }) => s.staffNo !== newcomer.staffNo)
  await writeFile(file, JSON.stringify(renamed))
  await check()
  t.same(logged.slice(-3), [
    `info 已重新读取工作人员名单（共 ${before} 人）`,
    `info 工号 ${newcomer.staffNo} 已从名单中移除，1号窗口已签退`,
    'warn hall.json 中工作人员以外的修改需重启大厅服务器后生效',
  ])
  t.equal((await signIn()).status, 401, 'a removed clerk can no longer sign in')
  t.equal(h.hall.service.state.windows['1']?.status, 'closed', 'and the window they held is closed')
})

t.test('the running server checks hall.json by itself', async (t) => {
  const { paths, tokens } = await prepareDataDir()
  const server = await startHallServer({ config: await loadConfig(paths.configFile), paths, port: 0 })
  t.teardown(() => server.close())
  const counter = createApiClient({ baseUrl: server.url, token: () => tokens['counter-1']! })
  const signIn = () => counter('signIn', { body: { staffNo: newcomer.staffNo, pin: newcomer.pin } })
  await t.rejects(signIn(), { code: 'SIGN_IN_FAILED' }, 'not on the list yet')
  await new Promise((r) => setTimeout(r, 100))
  await addStaff(paths, newcomer)
  const started = Date.now()
  let signedIn = false
  while (!signedIn && Date.now() - started < 20_000) {
    signedIn = await signIn().then(
      () => true,
      () => false,
    )
    if (!signedIn) await new Promise((r) => setTimeout(r, 250))
  }
  t.ok(signedIn, 'signed in once the server read the file')
})
