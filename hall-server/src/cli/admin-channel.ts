import { chmod, rm } from 'node:fs/promises'
import { connect, createServer, type Server } from 'node:net'
import { join } from 'node:path'
import type { DeviceRole } from '@hall/protocol'
import type { Paths } from '../config.js'
import type { Hall } from '../hall/boot.js'
import { acquireDataLock, DataDirLocked } from '../store/data-lock.js'
import { listDevices } from '../store/repos.js'
import {
  addAppointment,
  addStaff,
  type CatalogImportOptions,
  type DbRunner,
  directDb,
  enrollDevice,
  importCatalogBytes,
  setPin,
} from './admin.js'

/**
 * The admin channel: a unix socket in the data directory (`admin.sock`, mode 0600, so only the
 * server's own user and root reach it) through which hallctl changes a running hall. The server
 * runs the same admin functions hallctl would, on its own database connection between group
 * commits, then reloads what they changed. One request per connection: a JSON line each way.
 */

export const ADMIN_SOCKET = 'admin.sock'

export function adminSocketPath(paths: Paths): string {
  return join(paths.dataDir, ADMIN_SOCKET)
}

/** Every data-changing hallctl command, with its arguments as they travel. */
export interface AdminCommands {
  enroll: {
    args: { id: string; role: DeviceRole; name?: string; windowId?: string; terminal?: string }
    result: { token: string }
  }
  addStaff: {
    args: { staffNo: string; name: string; pin: string; role?: 'clerk' | 'manager'; title?: string }
    result: null
  }
  setPin: { args: { staffNo: string; pin: string }; result: null }
  importCatalog: {
    args: CatalogImportOptions & { fileName: string; base64: string }
    result: { imported: number; errors: { line: number; message: string }[] }
  }
  addAppointment: {
    args: { date: string; queueId: string; name: string; idNumber?: string; slot?: string }
    result: { code: string; date: string; slot: string | null; nameMasked: string }
  }
}
export type AdminCommand = keyof AdminCommands

type Runner = {
  [C in AdminCommand]: (
    paths: Paths,
    args: AdminCommands[C]['args'],
    run: DbRunner,
  ) => Promise<AdminCommands[C]['result']>
}

/** What each command does, the same whether hallctl runs it directly or the server does. */
export const ADMIN_COMMANDS: Runner = {
  enroll: async (paths, args, run) => ({ token: await enrollDevice(paths, args, run) }),
  addStaff: async (paths, args, run) => {
    await addStaff(paths, args, run)
    return null
  },
  setPin: async (paths, args, run) => {
    await setPin(paths, args.staffNo, args.pin, run)
    return null
  },
  importCatalog: (paths, { fileName, base64, ...options }, run) =>
    importCatalogBytes(paths, Buffer.from(base64, 'base64'), fileName, options, run),
  addAppointment: async (paths, args, run) => {
    const booked = await addAppointment(paths, args, run)
    return { code: booked.code, date: booked.date, slot: booked.slot, nameMasked: booked.nameMasked }
  },
}

type Reply = { ok: true; result: unknown } | { ok: false; message: string }

const MAX_REQUEST = 8 * 1024 * 1024

/**
 * Serves the admin channel of a running hall. Call once the data directory lock is held.
 * `reloadConfig` rereads hall.json (staff) after each command, before hallctl is answered.
 */
export async function serveAdminChannel(hall: Hall, reloadConfig: () => Promise<void>): Promise<Server> {
  const path = adminSocketPath(hall.paths)
  await rm(path, { force: true })
  const run: DbRunner = (work) => hall.service.exclusive(work)
  const server = createServer((socket) => {
    let buffer = ''
    socket.setEncoding('utf8')
    socket.on('error', () => undefined)
    socket.on('data', (chunk: string) => {
      buffer += chunk
      if (buffer.length > MAX_REQUEST) {
        socket.end(`${JSON.stringify({ ok: false, message: '请求过大' } satisfies Reply)}\n`)
        return
      }
      const end = buffer.indexOf('\n')
      if (end < 0) return
      const line = buffer.slice(0, end)
      buffer = ''
      void answer(hall, line, run, reloadConfig).then((reply) => socket.end(`${JSON.stringify(reply)}\n`))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(path, () => {
      server.off('error', reject)
      resolve()
    })
  })
  await chmod(path, 0o600)
  return server
}

async function answer(
  hall: Hall,
  line: string,
  run: DbRunner,
  reloadConfig: () => Promise<void>,
): Promise<Reply> {
  let request: { command?: unknown; args?: unknown }
  try {
    request = JSON.parse(line)
  } catch {
    return { ok: false, message: '请求不是 JSON' }
  }
  const command = request.command as AdminCommand
  if (typeof command !== 'string' || !Object.hasOwn(ADMIN_COMMANDS, command)) {
    return { ok: false, message: `未知命令 ${String(request.command)}` }
  }
  if (typeof request.args !== 'object' || request.args === null) return { ok: false, message: '缺少参数' }
  try {
    const handler = ADMIN_COMMANDS[command] as (p: Paths, a: unknown, r: DbRunner) => Promise<unknown>
    const result = await handler(hall.paths, request.args, run)
    // Written on the server's own connection, which its database watcher does not notice.
    hall.service.setDevices(await listDevices(hall.db))
    await hall.catalog.reload()
    await reloadConfig()
    return { ok: true, result }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

/** The server is not running (no socket, or nobody listening on it). */
export class NoServer extends Error {}

/** A running server refused the command; its message says why, in Chinese. */
export class AdminRefused extends Error {}

/** Sends one command to the running server of `paths`. Throws NoServer when none listens. */
export function sendAdminCommand<C extends AdminCommand>(
  paths: Paths,
  command: C,
  args: AdminCommands[C]['args'],
): Promise<AdminCommands[C]['result']> {
  const path = adminSocketPath(paths)
  return new Promise((resolve, reject) => {
    const socket = connect(path)
    let buffer = ''
    socket.setEncoding('utf8')
    socket.on('connect', () => socket.write(`${JSON.stringify({ command, args })}\n`))
    socket.on('data', (chunk: string) => {
      buffer += chunk
    })
    socket.on('end', () => {
      try {
        const reply = JSON.parse(buffer) as Reply
        if (reply.ok) resolve(reply.result as AdminCommands[C]['result'])
        else reject(new AdminRefused(reply.message))
      } catch {
        reject(new Error(`大厅服务器的管理通道回答不完整：${buffer.slice(0, 200)}`))
      }
    })
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') reject(new NoServer(path))
      else if (error.code === 'EACCES') {
        reject(
          new Error(
            `没有权限连接大厅服务器的管理通道 ${path}：请以运行服务器的用户执行 hallctl（如 sudo -u hall hallctl …）`,
          ),
        )
      } else reject(error)
    })
  })
}

/**
 * Runs a data-changing command the one safe way: through the running server when there is one,
 * otherwise directly, holding the data directory's lock so no server starts meanwhile.
 */
export async function changeHall<C extends AdminCommand>(
  paths: Paths,
  command: C,
  args: AdminCommands[C]['args'],
): Promise<{ result: AdminCommands[C]['result']; via: 'server' | 'direct' }> {
  try {
    return { result: await sendAdminCommand(paths, command, args), via: 'server' }
  } catch (error) {
    if (!(error instanceof NoServer)) throw error
  }
  const lock = await acquireDataLock(paths.dataDir, 'hallctl').catch((error: unknown) => {
    if (error instanceof DataDirLocked && error.holder.holder === 'server') {
      throw new Error(
        `大厅服务器（进程 ${error.holder.pid}）正在运行，但它的管理通道 ${adminSocketPath(paths)} 不通：` +
          '请重启服务器（systemctl restart hall-server）后再试。',
      )
    }
    throw error
  })
  try {
    const run = ADMIN_COMMANDS[command] as Runner[C]
    return { result: await run(paths, args, directDb(paths)), via: 'direct' }
  } finally {
    await lock.release()
  }
}

/** Work that must not run beside a server (hallctl init), done holding the lock. */
export async function withServerStopped<T>(paths: Paths, work: () => Promise<T>): Promise<T> {
  const lock = await acquireDataLock(paths.dataDir, 'hallctl').catch((error: unknown) => {
    if (error instanceof DataDirLocked && error.holder.holder === 'server') {
      throw new Error(
        `大厅服务器（进程 ${error.holder.pid}）正在使用 ${paths.dataDir}：请先停止服务器再执行。`,
      )
    }
    throw error
  })
  try {
    return await work()
  } finally {
    await lock.release()
  }
}
