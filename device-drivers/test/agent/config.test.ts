import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import t from 'tap'
import { AgentConfigError, loadAgentConfig, parseAgentConfig, resolveToken } from '../../src/agent/config.js'
import { tempDir } from '../devices/helpers.js'

const problemsOf = (raw: unknown): string[] => {
  try {
    parseAgentConfig(raw, 'test.json')
  } catch (err) {
    if (err instanceof AgentConfigError) return err.problems
    throw err
  }
  return []
}

async function problemsFrom(p: Promise<unknown>): Promise<string[]> {
  try {
    await p
  } catch (err) {
    if (err instanceof AgentConfigError) return err.problems
    throw err
  }
  return []
}

t.test('a minimal config gets its defaults', async (t) => {
  const config = parseAgentConfig({ serverUrl: 'http://127.0.0.1:8080', token: 'abcdefgh12345678' })
  t.equal(config.heartbeatSeconds, 10)
  t.equal(config.logLevel, 'info')
  t.same(config.devices, {})
})

t.test('every problem is listed at once, in Chinese, with where it is', async (t) => {
  const problems = problemsOf({
    serverUrl: 'ftp://hall',
    terminal: '',
    heartbeatSeconds: 1,
    devices: {
      scaner: { url: '/dev/ttyACM0' },
      printer: { url: 'tcp://10.0.0.5:9100', paper: '76mm' },
      scanner: { url: 'serial:/dev/ttyACM0' },
      led: { url: 'serial:/dev/ttyUSB1', address: 300 },
    },
  })
  t.same(
    problems.sort(),
    [
      'devices.led.address：超出范围（最大 255）',
      'devices.printer.paper：只能是 80mm、58mm 之一',
      'devices.scanner：缺少 mode',
      'devices：不认识的设置项 scaner（拼写错误？）',
      'heartbeatSeconds：超出范围（最小 2）',
      'serverUrl：格式不对（应符合 ^https?://[^\\s/]+）',
      'terminal：不能为空',
    ].sort(),
  )
  const error = (() => {
    try {
      parseAgentConfig({ serverUrl: 'ftp://x' }, '/etc/hall-agent.json')
    } catch (err) {
      return err as AgentConfigError
    }
  })()
  t.match(error?.message, /^设备代理配置 \/etc\/hall-agent\.json 有 \d+ 处错误：/)
})

t.test('what the schema cannot say: token source, device URLs, protocols', async (t) => {
  t.same(problemsOf({ serverUrl: 'http://h:8080' }), [
    '（根）：缺少 token 或 tokenFile（设备令牌，用 hallctl enroll 生成）',
  ])
  const problems = problemsOf({
    serverUrl: 'http://h:8080',
    token: 'abcdefgh12345678',
    tokenFile: '/etc/hall-agent.token',
    devices: {
      idcard: { url: 'usb://reader' },
      scanner: { url: 'serial:/dev/ttyACM0', mode: 'hid' },
      evaluator: { url: 'serial:/dev/ttyUSB0', protocol: 'vendor-x' },
    },
  })
  t.equal(problems.length, 4)
  t.match(problems, [
    '（根）：token 和 tokenFile 只能填一个',
    /^devices\.idcard\.url：无法识别的设备地址 usb:\/\/reader（.+）$/,
    'devices.evaluator.protocol：没有协议 vendor-x（可用：hall-v1）',
    'devices.scanner：键盘模式（mode: hid）的扫码枪地址应为 hid:厂商ID:产品ID 或 /dev/hidrawN',
  ])
  t.same(problemsOf([1, 2]), ['（根）：应为一个 JSON 对象 { ... }'])
})

t.test('files: missing, bad JSON, the token file beside the config', async (t) => {
  const dir = tempDir()
  t.teardown(dir.cleanup)
  t.same(await problemsFrom(loadAgentConfig(join(dir.path, 'nope.json'))), [
    '文件不存在（可复制 deploy/agent/hall-agent.json.example 修改）',
  ])
  await writeFile(join(dir.path, 'bad.json'), '{ "serverUrl": ')
  t.match(await problemsFrom(loadAgentConfig(join(dir.path, 'bad.json'))), [/^不是有效的 JSON：/])

  await writeFile(join(dir.path, 'agent.token'), 'tok-1234567890abcdef\n')
  await writeFile(
    join(dir.path, 'agent.json'),
    JSON.stringify({ serverUrl: 'http://h:8080', tokenFile: 'agent.token' }),
  )
  const config = await loadAgentConfig(join(dir.path, 'agent.json'))
  t.equal(config.tokenFile, join(dir.path, 'agent.token'))
  t.equal(await resolveToken(config), 'tok-1234567890abcdef')
  await writeFile(join(dir.path, 'agent.token'), '\n')
  t.same(await problemsFrom(resolveToken(config)), ['tokenFile：文件里没有有效的设备令牌'])
})

t.test('the sample config in deploy/ is valid', async (t) => {
  const file = resolve(import.meta.dirname, '../../../deploy/agent/hall-agent.json.example')
  const raw = JSON.parse(await readFile(file, 'utf8'))
  const config = parseAgentConfig(raw, file)
  t.ok(config.devices.printer && config.devices.idcard && config.devices.evaluator && config.devices.led)
})
