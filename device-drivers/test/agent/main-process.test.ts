// The agent as a process: `main.ts --config`, a config error listed in words (exit 2), and a
// clean stop on SIGTERM while connected to a real hall server.
import { type ChildProcess, spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { DeviceView } from '@hall/protocol'
import t from 'tap'
import { PrinterSimulator } from '../../src/simulators/index.js'
import { tempDir } from '../devices/helpers.js'
import { startTestHall } from './hall-fixture.js'

const main = resolve(import.meta.dirname, '../../src/agent/main.ts')

function run(args: string[]): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HALL_LOG_LEVEL: 'info' },
  })
  let output = ''
  child.stdout?.on('data', (b: Buffer) => {
    output += b.toString()
  })
  child.stderr?.on('data', (b: Buffer) => {
    output += b.toString()
  })
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  return { child, output: () => output, exit }
}

t.test('a bad config: every problem listed, exit status 2', async (t) => {
  const dir = tempDir()
  t.teardown(dir.cleanup)
  const file = join(dir.path, 'agent.json')
  await writeFile(file, JSON.stringify({ serverUrl: 'localhost:8080', devices: { printer: { url: 'x' } } }))
  const p = run(['--config', file])
  t.equal(await p.exit, 2)
  t.match(p.output(), `设备代理配置 ${file} 有`)
  t.match(p.output(), 'serverUrl：格式不对')
  t.match(p.output(), 'devices.printer：缺少 paper')
})

t.test('runs against the hall server and stops cleanly on SIGTERM', async (t) => {
  const hall = await startTestHall()
  t.teardown(() => hall.close())
  const printer = new PrinterSimulator({ port: 0 })
  await printer.start()
  t.teardown(() => printer.stop())
  const dir = tempDir()
  t.teardown(dir.cleanup)
  await writeFile(join(dir.path, 'token'), `${hall.tokens['agent-kiosk-1']}\n`, { mode: 0o600 })
  const file = join(dir.path, 'agent.json')
  await writeFile(
    file,
    JSON.stringify({
      serverUrl: hall.url,
      tokenFile: 'token',
      terminal: 'kiosk-1',
      devices: { printer: { url: printer.url, paper: '80mm' } },
    }),
  )
  const check = run(['--config', file, '--check'])
  t.equal(await check.exit, 0)
  t.match(check.output(), '配置正确')

  const screen = await hall.screen('kiosk-1')
  const agentDevice = (d: { changes: { kind: string }[] }, online: boolean) =>
    d.changes.some((c) => {
      const device = (c as { device?: DeviceView }).device
      return c.kind === 'device' && device?.id === 'agent-kiosk-1' && device.online === online
    })
  const online = screen.waitDelta((d) => agentDevice(d, true), 15_000)
  const p = run(['--config', file])
  t.teardown(() => p.child.kill('SIGKILL'))
  await online
  const view = screen.state().devices.find((d) => d.id === 'agent-kiosk-1')
  t.match(view?.attached, [{ kind: 'printer', connected: true, printer: { online: true, paper: 'ok' } }])

  const offline = screen.waitDelta((d) => agentDevice(d, false))
  p.child.kill('SIGTERM')
  t.equal(await p.exit, 0, 'exit status 0 after SIGTERM')
  await offline
  t.match(p.output(), '"msg":"agent stopped"')
  t.notMatch(p.output(), hall.tokens['agent-kiosk-1']!, 'the token is not logged')
})
