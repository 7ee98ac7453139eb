import type { DomainEvent } from '@hall/domain'

/**
 * How events live in the log. Each stored event carries the version of its type's shape (`v`); on
 * read it is upcast, one version at a time, to the shape today's code knows, so a data directory
 * written by an older build still opens. Events embed wire views (a CallView in ticket.called, the
 * AttachedDeviceHealth list in device.status), so a change to one of those views is a change to a
 * stored event's shape and needs an upcaster here.
 *
 * To change the shape of an event type: append one function to its list in UPCASTERS, taking the
 * JSON of the last version and returning the next. The type's current version is one more than the
 * number of its upcasters; new events are written with it. Never edit an upcaster that has shipped.
 *
 * Snapshots hold the whole state; when its shape changes, raise SNAPSHOT_VERSION and every
 * snapshot of another version is ignored (the log is replayed from the start instead).
 */

export type EventType = DomainEvent['type']
export type StoredJson = Record<string, unknown>
/** Turns the stored JSON of one version of an event into that of the next version. */
export type Upcaster = (data: StoredJson) => StoredJson
export type UpcasterRegistry = Partial<Record<EventType, readonly Upcaster[]>>

/** Every shape change of a stored event since the first release, per event type. None yet. */
export const UPCASTERS: UpcasterRegistry = {}

/** The shape of the HallState stored in snapshots. */
export const SNAPSHOT_VERSION = 1

export interface StoredEvent {
  seq: number
  type: string
  v: number
  data: string
}

/** The data directory was written by a newer build; opening it with this one could lose data. */
export class StoredDataTooNew extends Error {
  override readonly name = 'StoredDataTooNew'
  readonly code = 'DATA_TOO_NEW'
}

export interface EventCodec {
  version(type: EventType): number
  encode(event: DomainEvent): { type: EventType; v: number; data: string }
  decode(row: StoredEvent): DomainEvent
}

export function createEventCodec(upcasters: UpcasterRegistry = UPCASTERS): EventCodec {
  const version = (type: string) => 1 + (upcasters[type as EventType]?.length ?? 0)
  return {
    version,
    encode(event) {
      return { type: event.type, v: version(event.type), data: JSON.stringify(event) }
    },
    decode(row) {
      const current = version(row.type)
      if (!Number.isInteger(row.v) || row.v < 1 || row.v > current) {
        throw new StoredDataTooNew(
          `日志第 ${row.seq} 条事件（${row.type}）是第 ${row.v} 版，本程序只认到第 ${current} 版：` +
            '数据目录由更新的版本写入，请安装该版本或更新的版本后再启动。',
        )
      }
      let data = JSON.parse(row.data) as StoredJson
      for (const up of (upcasters[row.type as EventType] ?? []).slice(row.v - 1)) data = up(data)
      return data as unknown as DomainEvent
    },
  }
}

export const eventCodec = createEventCodec()
