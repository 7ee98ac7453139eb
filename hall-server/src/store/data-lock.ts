import { readFileSync } from 'node:fs'
import { mkdir, open, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * One writer per data directory: `hall.lock` names the process that writes it (a hall server, or
 * hallctl while the server is down). It is created exclusively; a lock whose process is gone
 * (killed, or from before the last reboot) is taken over.
 */

export type LockHolder = 'server' | 'hallctl'

export interface LockInfo {
  pid: number
  holder: LockHolder
  since: string
  bootId: string | null
}

export const LOCK_FILE = 'hall.lock'

export class DataDirLocked extends Error {
  override readonly name = 'DataDirLocked'
  readonly code = 'DATA_DIR_LOCKED'
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    const who = holder.holder === 'server' ? '另一个大厅服务器' : 'hallctl'
    super(
      `数据目录 ${dataDir} 正由${who}（进程 ${holder.pid}，${holder.since} 起）使用：` +
        '同一个数据目录只能有一个程序写入。' +
        (holder.holder === 'server'
          ? '请先停止它（如 systemctl stop hall-server），或给这个服务器另一个数据目录。'
          : '请等它完成后再试。'),
    )
  }
}

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
  } catch {
    return null
  }
}

function alive(info: LockInfo): boolean {
  const boot = bootId()
  if (info.bootId && boot && info.bootId !== boot) return false
  try {
    process.kill(info.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Who holds the data directory now, or null if nobody does (a stale lock counts as nobody). */
export async function lockHolder(dataDir: string): Promise<LockInfo | null> {
  try {
    const info = JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8')) as LockInfo
    return Number.isInteger(info.pid) && alive(info) ? info : null
  } catch {
    return null
  }
}

export interface DataLock {
  info: LockInfo
  release(): Promise<void>
}

export async function acquireDataLock(dataDir: string, holder: LockHolder): Promise<DataLock> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  const file = join(dataDir, LOCK_FILE)
  const info: LockInfo = { pid: process.pid, holder, since: new Date().toISOString(), bootId: bootId() }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600)
      try {
        await handle.writeFile(`${JSON.stringify(info)}\n`)
        await handle.sync()
      } finally {
        await handle.close()
      }
      // Two takers of one stale lock: the later one's removal would delete the earlier one's new
      // lock. Whoever no longer finds its own lock a moment later tries again and sees the other.
      await new Promise((resolve) => setTimeout(resolve, 30))
      if (!(await readFile(file, 'utf8').catch(() => '')).includes(`"pid":${info.pid},`)) continue
      return {
        info,
        async release() {
          const now = await readFile(file, 'utf8').catch(() => '')
          if (now.includes(`"pid":${info.pid},`)) await rm(file, { force: true })
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const current = await lockHolder(dataDir)
      if (current) throw new DataDirLocked(dataDir, current)
      // Left by a process that is gone (killed, or before a reboot): take it over.
      await rm(file, { force: true })
    }
  }
  throw new Error(`无法获得数据目录锁 ${file}`)
}
