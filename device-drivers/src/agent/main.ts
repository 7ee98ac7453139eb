/**
 * The device agent process:
 *
 *   node --import tsx device-drivers/src/agent/main.ts --config /etc/hall-agent.json
 *
 * `--check` only checks the config file and exits (0 when it is fine). Logs are JSON lines on
 * stderr (journald keeps them); personal data never appears in them. SIGTERM and SIGINT stop the
 * agent cleanly: the print in progress finishes, queued events get a last chance to go out, and
 * every port is closed, so systemd can restart it at once.
 */

import { parseArgs } from 'node:util'
import { consoleLogger, type LogLevel } from '../logger.js'
import { Agent } from './agent.js'
import { agentHealthLine } from './attached-health.js'
import { AgentConfigError, loadAgentConfig, resolveToken } from './config.js'
import { createAgentDevices } from './devices-from-config.js'

const HEALTH_LOG_MS = 60_000

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string', short: 'c' },
      check: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    process.stdout.write(
      '用法：node --import tsx device-drivers/src/agent/main.ts --config /etc/hall-agent.json [--check]\n',
    )
    return 0
  }
  const file = values.config ?? process.env['HALL_AGENT_CONFIG'] ?? '/etc/hall-agent.json'
  let config: Awaited<ReturnType<typeof loadAgentConfig>>
  let token: string
  try {
    config = await loadAgentConfig(file)
    token = await resolveToken(config)
  } catch (err) {
    if (err instanceof AgentConfigError) {
      process.stderr.write(`${err.message}\n`)
      return 2
    }
    throw err
  }
  if (values.check) {
    const kinds = Object.keys(config.devices)
    process.stdout.write(`配置正确：${file}\n设备：${kinds.length > 0 ? kinds.join('、') : '（无）'}\n`)
    return 0
  }

  const env = process.env['HALL_LOG_LEVEL']
  const level: LogLevel =
    env === 'debug' || env === 'info' || env === 'warn' || env === 'error' ? env : config.logLevel
  const log = consoleLogger('agent', { level })
  const devices = createAgentDevices(config.devices, { logger: log.child('device') })
  const agent = new Agent({
    serverUrl: config.serverUrl,
    token,
    terminal: config.terminal ?? null,
    devices,
    paper: config.devices.printer?.paper ?? '80mm',
    heartbeatIntervalMs: config.heartbeatSeconds * 1000,
    logger: log,
  })

  const logHealth = () => log.info('agent health', agentHealthLine(agent.health()))
  agent.on('connected', logHealth)
  const healthTimer = setInterval(logHealth, HEALTH_LOG_MS)

  const stopped = new Promise<number>((resolve) => {
    let stopping = false
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        log.warn('second signal: exiting now', { signal })
        resolve(1)
        return
      }
      stopping = true
      log.info('stopping', { signal })
      clearInterval(healthTimer)
      agent.stop().then(
        () => resolve(0),
        (err) => {
          log.error('stop failed', { error: err })
          resolve(1)
        },
      )
    }
    process.on('SIGTERM', stop)
    process.on('SIGINT', stop)
  })
  await agent.start()
  return stopped
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`设备代理启动失败：${(err as Error).stack ?? String(err)}\n`)
    process.exit(1)
  },
)
