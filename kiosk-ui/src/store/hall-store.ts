import type { HallFollower, LinkStatus } from '@hall/client'
import type { DeviceView, HallSnapshot, PrincipalView, QueueView } from '@hall/protocol'
import { computed, signal } from '@preact/signals'

/**
 * The kiosk's copy of the hall as signals: the state kept by @hall/client's follower (snapshot,
 * deltas, resyncs), the link's status, and who this kiosk is. Everything the screens show about the
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
    /** Shows every state the follower holds from now on. */
    follow(follower: HallFollower): () => void {
      if (follower.state) snapshot.value = follower.state
      return follower.subscribe((update) => {
        snapshot.value = update.state
      })
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
  // The agent's verdict, in its words (打印机缺纸, 打印机盖板打开, 打印机无应答): a warning (纸将尽) still prints.
  const condition = printer.condition
  if (condition) {
    const prints = condition.status === 'ok' || condition.status === 'warning'
    return prints ? { ok: true, problem: null } : { ok: false, problem: `打印机${condition.reason}` }
  }
  // An agent older than the verdict: its raw fields.
  if (!printer.connected || printer.printer?.online === false) return { ok: false, problem: '打印机未连接' }
  if (printer.printer?.paper === 'out') return { ok: false, problem: '打印机缺纸' }
  if (printer.printer?.coverOpen) return { ok: false, problem: '打印机纸仓盖未关' }
  return { ok: true, problem: null }
}
