import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { describeKinds, startSimulatedHall } from '../device-drivers/src/agent/index.js'
import { consoleLogger, type LogLevel } from '../device-drivers/src/logger.js'
import { addStaff, enrollDevice, initHall } from '../hall-server/src/cli/admin.js'
import type { LandingLink } from '../hall-server/src/http/landing.js'
import { loadConfig, pathsFrom, startHallServer } from '../hall-server/src/index.js'
import { DEMO_STAFF, demoHallConfig } from '../hall-server/src/templates.js'

/**
 * The demo hall: the demo configuration and catalog in ./demo-data (kept between runs, so the
 * day's tickets survive a restart; `--fresh` starts over), every device enrolled, the server on
 * port 8080 (HALL_PORT), and one landing page linking every screen with its device token.
 *
 * Every device agent of the config also gets a SIMULATED terminal: simulated devices (socat ptys
 * and a TCP printer simulator) with a real agent, printouts written to demo-data/printouts/, and
 * the device simulator control page on port 8081 (HALL_SIM_PORT; by default the hall's port + 1)
 * to place a card, scan a code or press the evaluator. `--no-sim` leaves the simulation out (to
 * try a real agent against the demo).
 */

const { values } = parseArgs({
  options: {
    fresh: { type: 'boolean' },
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'sim-port': { type: 'string' },
    'no-sim': { type: 'boolean' },
  },
})
const root = resolve(import.meta.dirname, '..')
const dataDir = resolve(values['data-dir'] ?? join(root, 'demo-data'))
const paths = pathsFrom({}, dataDir)
const tokensFile = join(dataDir, 'demo-tokens.json')

if (values.fresh || !existsSync(paths.configFile)) {
  const { rm } = await import('node:fs/promises')
  await rm(dataDir, { recursive: true, force: true })
  const config = demoHallConfig()
  await initHall(paths, { config })
  const tokens: Record<string, string> = {}
  for (const device of config.devices) {
    tokens[device.id] = await enrollDevice(paths, {
      id: device.id,
      role: device.role,
      windowId: device.windowId,
      terminal: device.terminal,
    })
  }
  for (const member of DEMO_STAFF) await addStaff(paths, { ...member })
  await writeFile(tokensFile, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 })
}

const tokens = JSON.parse(await readFile(tokensFile, 'utf8')) as Record<string, string>
const config = await loadConfig(paths.configFile)
const port = Number(values.port ?? process.env['HALL_PORT'] ?? 8080)
const simulate = !values['no-sim']
const simPort = Number(values['sim-port'] ?? process.env['HALL_SIM_PORT'] ?? port + 1)
const logLevel = process.env['HALL_LOG_LEVEL'] ?? 'warn'

const links: LandingLink[] = []
const link = (group: string, label: string, page: string, device: string) =>
  links.push({ group, label, url: `${page}?token=${encodeURIComponent(tokens[device] ?? '')}` })
link('取号机', '1号取号机（触摸屏）', '/kiosk/', 'kiosk-1')
link('大厅屏幕', '综合叫号屏', '/screens/display.html', 'display-1')
link('大厅屏幕', '管理大屏（主任登录：工号 9001，密码 9001）', '/screens/wall.html', 'wall-1')
for (const window of config.windows) {
  const staff = DEMO_STAFF.find((s) => s.staffNo === window.postA)
  link(
    `${window.name}`,
    `窗口工作台（工号 ${staff?.staffNo}，密码 ${staff?.pin}）`,
    '/screens/counter.html',
    `counter-${window.id}`,
  )
  link(`${window.name}`, '评价器', '/screens/pad.html', `pad-${window.id}`)
  link(`${window.name}`, '窗口屏', '/screens/window.html', `window-screen-${window.id}`)
}

if (simulate) {
  links.push({
    group: '模拟设备',
    label: '设备模拟器控制台（放身份证、扫码、按评价器，看小票和窗口屏）',
    url: `:${simPort}/`,
  })
}

const server = await startHallServer({
  config,
  paths,
  port,
  logger: { level: logLevel },
  screens: [
    { prefix: '/kiosk/', root: join(root, 'kiosk-ui', 'dist') },
    { prefix: '/screens/', root: join(root, 'counter-display', 'dist') },
  ],
  links,
})

const landing = `${server.url.replace('127.0.0.1', 'localhost')}/`
const sim = simulate
  ? await startSimulatedHall({
      serverUrl: server.url,
      devices: config.devices,
      tokens,
      printoutsDir: join(dataDir, 'printouts'),
      controlPort: simPort,
      hallUrl: landing,
      logger: consoleLogger('demo-sim', { level: logLevel as LogLevel }),
    })
  : null

const lines = [
  `\n${config.hall.name}（演示）已启动。\n打开这个地址，所有屏幕都从这里进入：\n\n    ${landing}\n`,
]
if (sim) {
  if (sim.control) lines.push(`设备模拟器控制台（放身份证、扫码、按评价器）：\n\n    ${sim.control.url}\n`)
  lines.push('模拟终端（每个都有自己的设备代理）：')
  for (const [terminal, t] of sim.terminals) lines.push(`  ${terminal}：${describeKinds(t.kinds)}`)
  lines.push(`打印出的小票和凭证：${join(dataDir, 'printouts')}/<终端>/job-0001.txt、.svg`)
  for (const problem of sim.problems) lines.push(`注意：${problem}`)
}
process.stdout.write(`${lines.join('\n')}\n\n按 Ctrl+C 停止。\n`)

let stopping = false
const stop = () => {
  if (stopping) process.exit(1)
  stopping = true
  ;(sim ? sim.stop() : Promise.resolve())
    .then(() => server.close())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    )
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
