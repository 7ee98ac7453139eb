import { mkdir } from 'node:fs/promises'
import { businessDate, createCalendar, createHall, emptyState, evolve, type HallState } from '@hall/domain'
import { ServiceCatalog } from '../catalog/index.js'
import { alarmPolicy, domainConfig, type HallConfig, type Paths } from '../config.js'
import { loadOrCreateKey, Sealer } from '../security/secrets.js'
import { Db } from '../store/db.js'
import { type EventCodec, eventCodec } from '../store/event-codec.js'
import { migrate } from '../store/migrations.js'
import { eventsAfter, latestSnapshot, listDevices, upsertDevice } from '../store/repos.js'
import { Applicants } from './applicants.js'
import { CallAudio } from './audio.js'
import { Identity } from './identity.js'
import { Printing } from './printing.js'
import { HallService } from './service.js'

/**
 * Opens a hall: the data directory, the database (migrated), the key, and the state rebuilt from
 * the latest snapshot plus the events after it — exactly the hall as it was when it stopped.
 */

export interface Hall {
  config: HallConfig
  catalog: ServiceCatalog
  paths: Paths
  db: Db
  service: HallService
  identity: Identity
  applicants: Applicants
  printing: Printing
  audio: CallAudio
  sealer: Sealer
  clock: () => number
}

export async function restoreState(
  db: Db,
  fresh: () => HallState,
  codec: EventCodec = eventCodec,
): Promise<{ state: HallState; seq: number }> {
  const snapshot = await latestSnapshot(db)
  const hall = createHall(snapshot?.state ?? fresh())
  let seq = snapshot?.seq ?? 0
  for await (const stored of eventsAfter(db, seq, codec)) {
    evolve(hall, stored.event)
    seq = stored.seq
  }
  return { state: hall.state, seq }
}

export async function openHall(
  config: HallConfig,
  paths: Paths,
  clock: () => number = Date.now,
  options: { codec?: EventCodec } = {},
): Promise<Hall> {
  const codec = options.codec ?? eventCodec
  await mkdir(paths.dataDir, { recursive: true, mode: 0o700 })
  const db = await Db.open(paths.dbFile, { synchronous: config.server.synchronous })
  await migrate(db)
  for (const device of config.devices) await upsertDevice(db, device)
  const key = config.security.key
    ? Buffer.from(config.security.key, 'base64')
    : await loadOrCreateKey(paths.keyFile)
  const sealer = new Sealer(key)
  const env = {
    config: domainConfig(config),
    calendar: createCalendar(config.calendar),
    alarms: alarmPolicy(config),
  }
  const { state, seq } = await restoreState(
    db,
    () => emptyState(businessDate(clock(), config.hall.utcOffsetMinutes)),
    codec,
  ).catch(async (error: unknown) => {
    await db.close()
    throw error
  })
  const service = new HallService({
    db,
    env,
    state,
    seq,
    display: {
      notice: config.hall.notice,
      announceRepeat: config.announce.repeat,
      consultPhone: config.hall.consultPhone,
    },
    snapshotEvery: config.server.snapshotEvery,
    clock,
    codec,
  })
  service.setDevices(await listDevices(db))
  return {
    config,
    catalog: await ServiceCatalog.open(db),
    paths,
    db,
    service,
    identity: new Identity(
      db,
      () => env.config.staff,
      clock,
      config.security.sessionHours,
      () => config.hall.utcOffsetMinutes,
    ),
    applicants: new Applicants(sealer, clock),
    printing: new Printing(db, clock),
    audio: new CallAudio({ voice: config.announce.voice, speed: config.announce.speed, cacheSize: 200 }),
    sealer,
    clock,
  }
}

/**
 * Picks up what hallctl changed in the database while the server runs (enrolled devices, an
 * imported catalog). Staff in hall.json are watched by config-watch.ts; the rest of hall.json is
 * read at start.
 */
export function watchDatabase(hall: Hall): () => Promise<void> {
  let version: number | null = null
  return async () => {
    const now = await hall.db.dataVersion()
    if (version !== null && now !== version) {
      hall.service.setDevices(await listDevices(hall.db))
      await hall.catalog.reload()
    }
    version = now
  }
}

export async function closeHall(hall: Hall): Promise<void> {
  await hall.service.drained()
  await hall.service.writeSnapshot()
  await hall.db.close()
}
