import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { businessDate, emptyState, isWaiting } from '@hall/domain'
import {
  type AppointmentView,
  type DeviceRole,
  maskIdNumber,
  maskName,
  WINDOW_BOUND_ROLES,
} from '@hall/protocol'
import { DEMO_CATALOG_FILE, parseCatalog, queueRoutingFromConfig } from '../catalog/index.js'
import { type HallConfig, loadConfig, type Paths, parseConfig } from '../config.js'
import { restoreState } from '../hall/boot.js'
import { hashPin, hashToken, loadOrCreateKey, newToken, Sealer } from '../security/secrets.js'
import { insertAppointment, newAppointmentCode } from '../store/appointments.js'
import { caseLedgerCsv, ledgerNames, ledgerRangeProblem } from '../store/case-ledger.js'
import { replaceCatalog, upsertCatalog } from '../store/catalog-repo.js'
import { Db } from '../store/db.js'
import { migrate } from '../store/migrations.js'
import { listDevices, setDeviceToken, setPinHash, upsertDevice } from '../store/repos.js'
import { defaultHallConfig } from '../templates.js'

/**
 * What an installer does to a hall, as functions (hallctl calls them; so do the demo and the
 * tests). Each runs its database work through a DbRunner: its own connection when no server runs
 * (the default), or inside the running server, between its group commits, when hallctl reaches it
 * through the admin channel (admin-channel.ts), so the data directory keeps one writer.
 */

/** Runs database work on some connection to the hall's database. */
export type DbRunner = <T>(work: (db: Db) => Promise<T>) => Promise<T>

/** The hall's database opened for this one piece of work. */
export function directDb(paths: Paths): DbRunner {
  return (work) => withDb(paths, work)
}

async function openDb(paths: Paths): Promise<Db> {
  await mkdir(paths.dataDir, { recursive: true, mode: 0o700 })
  const db = await Db.open(paths.dbFile)
  await migrate(db)
  return db
}

async function withDb<T>(paths: Paths, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(paths)
  try {
    return await work(db)
  } finally {
    await db.close()
  }
}

/** Writes the config atomically (a crash never leaves half a file), after checking it. */
export async function saveConfig(file: string, config: HallConfig): Promise<void> {
  parseConfig(config, file)
  await mkdir(dirname(file), { recursive: true })
  const temp = `${file}.tmp`
  await writeFile(temp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 })
  await rename(temp, file)
}

export async function initHall(
  paths: Paths,
  options: { name?: string; config?: HallConfig; catalogFile?: string | null; force?: boolean },
): Promise<{ config: HallConfig; catalogItems: number }> {
  if (existsSync(paths.configFile) && !options.force) {
    throw new Error(`${paths.configFile} 已存在；如需覆盖请加 --force`)
  }
  const config = options.config ?? defaultHallConfig(options.name ?? '便民服务中心')
  await saveConfig(paths.configFile, config)
  if (!config.security.key) await loadOrCreateKey(paths.keyFile)
  let catalogItems = 0
  await withDb(paths, async (db) => {
    for (const device of config.devices) await upsertDevice(db, device)
  })
  const catalogFile = options.catalogFile === undefined ? DEMO_CATALOG_FILE : options.catalogFile
  if (catalogFile) catalogItems = (await importCatalog(paths, catalogFile, { replace: true })).imported
  return { config, catalogItems }
}

export async function enrollDevice(
  paths: Paths,
  device: { id: string; role: DeviceRole; name?: string; windowId?: string | null; terminal?: string | null },
  run: DbRunner = directDb(paths),
): Promise<string> {
  const config = await loadConfig(paths.configFile)
  const existing = config.devices.find((d) => d.id === device.id)
  const windowId = device.windowId ?? existing?.windowId ?? null
  if (WINDOW_BOUND_ROLES.includes(device.role) && windowId === null) {
    throw new Error(`${device.role} 设备必须用 --window 指定窗口`)
  }
  const record = {
    id: device.id,
    name: device.name ?? existing?.name ?? device.id,
    role: device.role,
    windowId,
    terminal: device.terminal ?? existing?.terminal ?? device.id,
  }
  config.devices = [...config.devices.filter((d) => d.id !== device.id), record]
  await saveConfig(paths.configFile, config)
  const token = newToken()
  await run(async (db) => {
    await upsertDevice(db, record)
    await setDeviceToken(db, record.id, hashToken(token), Date.now())
  })
  return token
}

export async function addStaff(
  paths: Paths,
  staff: { staffNo: string; name: string; role?: 'clerk' | 'manager'; title?: string; pin: string },
  run: DbRunner = directDb(paths),
): Promise<void> {
  if (!/^\d{4,12}$/.test(staff.pin)) throw new Error('PIN 应为 4 到 12 位数字')
  const config = await loadConfig(paths.configFile)
  const existing = config.staff.find((s) => s.staffNo === staff.staffNo)
  const member = {
    staffNo: staff.staffNo,
    name: staff.name,
    title: staff.title ?? existing?.title ?? (staff.role === 'manager' ? '中心主任' : '综合窗口受理员'),
    role: staff.role ?? existing?.role ?? 'clerk',
    photoUrl: existing?.photoUrl ?? null,
  }
  config.staff = [...config.staff.filter((s) => s.staffNo !== staff.staffNo), member]
  await saveConfig(paths.configFile, config)
  const pinHash = await hashPin(staff.pin)
  await run((db) => setPinHash(db, staff.staffNo, pinHash, Date.now()))
}

export async function setPin(
  paths: Paths,
  staffNo: string,
  pin: string,
  run: DbRunner = directDb(paths),
): Promise<void> {
  if (!/^\d{4,12}$/.test(pin)) throw new Error('PIN 应为 4 到 12 位数字')
  const config = await loadConfig(paths.configFile)
  if (!config.staff.some((s) => s.staffNo === staffNo)) throw new Error(`没有工号 ${staffNo}`)
  const pinHash = await hashPin(pin)
  await run((db) => setPinHash(db, staffNo, pinHash, Date.now()))
}

/**
 * Imports a catalog file. A file with errors changes nothing unless `partial` is set (then its good
 * lines are imported); a file without a single good line never empties the catalog.
 */
export async function importCatalog(
  paths: Paths,
  file: string,
  options: CatalogImportOptions,
  run: DbRunner = directDb(paths),
): Promise<CatalogImportResult> {
  return importCatalogBytes(paths, await readFile(file), basename(file), options, run)
}

export interface CatalogImportOptions {
  replace: boolean
  partial?: boolean
}

export interface CatalogImportResult {
  imported: number
  errors: { line: number; message: string }[]
}

/** The same, from the file's bytes (what hallctl sends a running server). */
export async function importCatalogBytes(
  paths: Paths,
  bytes: Uint8Array,
  fileName: string,
  options: CatalogImportOptions,
  run: DbRunner = directDb(paths),
): Promise<CatalogImportResult> {
  const config = await loadConfig(paths.configFile)
  const routing = queueRoutingFromConfig(config.queues)
  const parsed = parseCatalog(bytes, {
    queueRules: routing.rules,
    fallbackQueueId: routing.fallbackQueueId,
    fileName,
  })
  const items = parsed.items
  if (items.length === 0 || (parsed.errors.length > 0 && !options.partial))
    return { imported: 0, errors: parsed.errors }
  await run((db) => (options.replace ? replaceCatalog(db, items) : upsertCatalog(db, items)))
  return { imported: items.length, errors: parsed.errors }
}

/** Books an appointment from the command line (a phone booking taken by the hall, say). */
export async function addAppointment(
  paths: Paths,
  a: { date: string; queueId: string; name: string; idNumber?: string; slot?: string },
  run: DbRunner = directDb(paths),
): Promise<AppointmentView> {
  const config = await loadConfig(paths.configFile)
  if (!config.queues.some((q) => q.id === a.queueId)) throw new Error(`没有队列 ${a.queueId}`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(a.date)) throw new Error('--date 应为 YYYY-MM-DD')
  const key = config.security.key
    ? Buffer.from(config.security.key, 'base64')
    : await loadOrCreateKey(paths.keyFile)
  const sealer = new Sealer(key)
  const idNumber = a.idNumber?.trim().toUpperCase()
  return run((db) =>
    insertAppointment(
      db,
      {
        id: randomUUID(),
        code: newAppointmentCode(),
        date: a.date,
        slot: a.slot ?? null,
        queueId: a.queueId,
        serviceItemId: null,
        nameMasked: maskName(a.name.trim()),
        idHash: idNumber ? sealer.blindIndex(idNumber) : null,
        idMasked: idNumber ? maskIdNumber(idNumber) : null,
        createdBy: 'hallctl',
      },
      Date.now(),
    ),
  )
}

export interface HallStatus {
  name: string
  businessDate: string
  seq: number
  queues: { id: string; name: string; waiting: number; issued: number }[]
  windows: { id: string; name: string; status: string; staff: string | null; current: string | null }[]
  devices: { id: string; role: string; enrolled: boolean; online: boolean }[]
  stats: { issued: number; served: number; cases: number; ratings: Record<string, number> }
}

export async function hallStatus(paths: Paths): Promise<HallStatus> {
  const config = await loadConfig(paths.configFile)
  return withDb(paths, async (db) => {
    const { state, seq } = await restoreState(db, () =>
      emptyState(businessDate(Date.now(), config.hall.utcOffsetMinutes)),
    )
    const devices = await listDevices(db)
    const tickets = Object.values(state.tickets)
    return {
      name: config.hall.name,
      businessDate: state.businessDate,
      seq,
      queues: config.queues.map((q) => ({
        id: q.id,
        name: q.name,
        waiting: tickets.filter((t) => isWaiting(t) && (t.transferQueueId ?? t.queueId) === q.id).length,
        issued: state.queueStats[q.id]?.issued ?? 0,
      })),
      windows: config.windows.map((w) => {
        const ws = state.windows[w.id]
        const current = ws?.currentTicketId ? (state.tickets[ws.currentTicketId]?.code ?? null) : null
        return { id: w.id, name: w.name, status: ws?.status ?? 'closed', staff: ws?.staffNo ?? null, current }
      }),
      devices: devices.map((d) => ({
        id: d.id,
        role: d.role,
        enrolled: d.tokenHash !== null,
        online: state.devices[d.id]?.online ?? false,
      })),
      stats: {
        issued: state.stats.issued,
        served: state.stats.served,
        cases: state.stats.cases,
        ratings: { ...state.stats.ratings },
      },
    }
  })
}

/** The case ledger (办件台账) of the local dates from `from` to `to`, both included, as CSV. */
export async function exportLedger(paths: Paths, from: string, to: string): Promise<string> {
  const problem = ledgerRangeProblem(from, to)
  if (problem) throw new Error(problem)
  const config = await loadConfig(paths.configFile)
  const names = ledgerNames(config.hall.utcOffsetMinutes, config.windows, config.staff)
  return withDb(paths, (db) => caseLedgerCsv(db, from, to, names))
}
