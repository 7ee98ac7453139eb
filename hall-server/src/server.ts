import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import {
  ConfigError,
  DataDirLocked,
  loadConfig,
  pathsFrom,
  StoredDataTooNew,
  startHallServer,
} from './index.js'

/**
 * The hall server process: `node --import tsx hall-server/src/server.ts [--data-dir DIR]`.
 * Configuration from `<data-dir>/hall.json` (or HALL_CONFIG); stops cleanly on SIGTERM/SIGINT,
 * with everything it acknowledged already committed.
 */

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
  },
})

const paths = pathsFrom(process.env, values['data-dir'])
try {
  const config = await loadConfig(paths.configFile)
  const here = new URL('.', import.meta.url).pathname
  const server = await startHallServer({
    config,
    paths,
    logger: { level: process.env['HALL_LOG_LEVEL'] ?? 'info' },
    ...(values.port
      ? { port: Number(values.port) }
      : process.env['HALL_PORT']
        ? { port: Number(process.env['HALL_PORT']) }
        : {}),
    ...(values.host ? { host: values.host } : {}),
    screens: [
      { prefix: '/kiosk/', root: resolve(here, '../../kiosk-ui/dist') },
      { prefix: '/screens/', root: resolve(here, '../../counter-display/dist') },
    ],
  })
  server.app.log.info(`${config.hall.name} 大厅服务器已启动：${server.url}`)
  const stop = (signal: string) => {
    server.app.log.info({ journal: server.hall.service.journalStats }, `${signal}: stopping`)
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
} catch (error) {
  // What an installer must act on: said plainly, without a stack.
  if (error instanceof ConfigError || error instanceof DataDirLocked || error instanceof StoredDataTooNew) {
    process.stderr.write(`${error.message}\n`)
    process.exit(2)
  }
  throw error
}
