import { readFile, stat } from 'node:fs/promises'
import { ConfigError, domainConfig, type HallConfig, parseConfigText } from '../config.js'
import type { Hall } from './boot.js'
import { CommandRefused } from './service.js'

export interface ConfigWatchLog {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

const withoutStaff = ({ staff: _, ...rest }: HallConfig) => JSON.stringify(rest)

/**
 * Picks up staff changes in hall.json while the server runs (hallctl add-staff and set-pin, or an
 * edit by hand): a new clerk can sign in, a changed PIN counts, a removed one is signed out and the
 * window they held is closed (unless a case is open there), without a restart. The rest of hall.json is read at start; a change to it is logged as needing a restart.
 * A file that does not validate is logged with every problem, and the running list stays.
 * Returns the check to run now and then; it reads the file when its time or size changed (or
 * when `force`d, after the admin channel wrote it) and compares the text with the last one seen.
 */
export function watchConfigFile(
  hall: Hall,
  log: ConfigWatchLog,
  onStaffChanged: () => void,
): (force?: boolean) => Promise<void> {
  let seen: string | null = null
  let stamp = ''
  return async (force = false) => {
    const file = hall.paths.configFile
    // A stat every few seconds; the file is read only when its time or size moved.
    const info = await stat(file).catch(() => null)
    const now = info ? `${info.mtimeMs}:${info.size}` : ''
    if (now === '' || (now === stamp && !force)) return
    stamp = now
    const text = await readFile(file, 'utf8').catch(() => null)
    if (text === null || text === seen) return
    const first = seen === null
    seen = text
    if (first) return
    let next: HallConfig
    try {
      next = parseConfigText(text, file)
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      log.error(`hall.json 已修改但有误，工作人员名单未更新：\n${error.message}`)
      return
    }
    const env = hall.service.env
    const staff = domainConfig(next).staff
    if (JSON.stringify(staff) !== JSON.stringify(env.config.staff)) {
      env.config = { ...env.config, staff }
      log.info(`已重新读取工作人员名单（共 ${staff.length} 人）`)
      await closeWindowsOfRemoved(hall, log)
      onStaffChanged()
    }
    if (withoutStaff(next) !== withoutStaff(hall.config)) {
      log.warn('hall.json 中工作人员以外的修改需重启大厅服务器后生效')
    }
  }
}

/** Signs out, as the system, every window held by someone no longer on the staff list. */
async function closeWindowsOfRemoved(hall: Hall, log: ConfigWatchLog): Promise<void> {
  const staffNos = new Set(hall.service.env.config.staff.map((s) => s.staffNo))
  for (const window of Object.values(hall.service.state.windows)) {
    if (window.status === 'closed' || window.staffNo === null || staffNos.has(window.staffNo)) continue
    const { id, staffNo } = window
    const name = hall.service.env.config.windows.find((w) => w.id === id)?.name ?? id
    try {
      await hall.service.execute(
        { type: 'signOut', windowId: id },
        { id: 'system' },
        { action: 'signOut', subject: id, detail: `工号 ${staffNo} 已从名单中移除` },
      )
      log.info(`工号 ${staffNo} 已从名单中移除，${name}已签退`)
    } catch (error) {
      if (!(error instanceof CommandRefused)) throw error
      log.warn(`工号 ${staffNo} 已从名单中移除，但${name}未能签退：${error.message}`)
    }
  }
}
