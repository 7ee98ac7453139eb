import {
  applyDelta,
  type Delta,
  type DeviceView,
  type HallSnapshot,
  type PrincipalView,
  type QueueView,
} from '@hall/protocol'
import { computed, signal } from '@preact/signals'
import type { LinkStatus } from '../net/socket'

/**
 * The kiosk's copy of the hall: the snapshot and deltas from the socket (folded with the contract's
 * own `applyDelta`), the link's status, and who this kiosk is. Everything the screens show about the
 * hall is derived from here.
 */

export interface PrinterState {
  ok: boolean
  /** Why a ticket would not print, in plain words; null when it should print. */
  problem: string | null
}

export function createHallStore() {
  const snapshot = signal<HallSnapshot | null>(null)
  const link = signal<LinkStatus>('connecting')
  const me = signal<PrincipalView | null>(null)

  const hall = computed(() => snapshot.value?.hall ?? null)
  const online = computed(() => link.value === 'online')
  /** The 4+X comprehensive windows first, then local ones, in the hall's order. */
  const queues = computed<QueueView[]>(() => {
    const list = snapshot.value?.queues ?? []
    return [...list.filter((q) => q.kind === 'comprehensive'), ...list.filter((q) => q.kind === 'local')]
  })
  /** The device agent on this kiosk's terminal, which drives the card reader, scanner and printer. */
  const agent = computed<DeviceView | null>(() => {
    const terminal = me.value?.terminal
    if (!terminal) return null
    return snapshot.value?.devices.find((d) => d.terminal === terminal && d.role === 'agent') ?? null
  })
  const printer = computed<PrinterState>(() => printerState(agent.value))

  return {
    snapshot,
    link,
    me,
    hall,
    online,
    queues,
    agent,
    printer,
    setSnapshot(next: HallSnapshot) {
      snapshot.value = next
    },
    /** Folds a delta in; true when it does not follow the state held and a resync is needed. */
    receiveDelta(delta: Delta): boolean {
      const current = snapshot.value
      if (!current) return true
      const result = applyDelta(current, delta)
      if (result.kind === 'applied') snapshot.value = result.state
      return result.kind === 'gap'
    },
    queue(id: string): QueueView | null {
      return snapshot.value?.queues.find((q) => q.id === id) ?? null
    },
  }
}

export type HallStore = ReturnType<typeof createHallStore>

export function printerState(agent: DeviceView | null): PrinterState {
  if (!agent?.online) return { ok: false, problem: '打印设备未连接' }
  const printer = agent.attached.find((a) => a.kind === 'printer')
  if (!printer) return { ok: false, problem: '此终端没有打印机' }
  if (!printer.connected || printer.printer?.online === false) return { ok: false, problem: '打印机未连接' }
  if (printer.printer?.paper === 'out') return { ok: false, problem: '打印机缺纸' }
  if (printer.printer?.coverOpen) return { ok: false, problem: '打印机纸仓盖未关' }
  return { ok: true, problem: null }
}
