import type {
  Ack,
  AttachedDeviceHealth,
  ClientToServerEvents,
  IdCardPayload,
  PrintJob,
  PrintResult,
  ServerToClientEvents,
} from '@hall/protocol'
import { io, type Socket } from 'socket.io-client'

/**
 * The kiosk terminal's device agent as the hall server sees it: a socket.io client with the
 * agent's token that sends heartbeats (with the printer's health), card reads and scans, and
 * answers print jobs with `agent:printResult` — what device-drivers' agent does with real devices.
 */

export type PrinterCondition = 'ok' | 'paper_out' | 'offline'
export type PrintBehaviour = 'print' | 'fail' | 'ignore'

const OK = { status: 'ok', reason: '正常', flags: [] } as const

/** What the real agent's `deviceCondition` says of the printer in each condition. */
const PRINTER_CONDITION = {
  ok: OK,
  paper_out: { status: 'fault', reason: '缺纸', flags: ['offline', 'paper_out'] },
  offline: { status: 'offline', reason: '未连接', flags: ['disconnected'] },
} as const

export function attachedDevices(printer: PrinterCondition): AttachedDeviceHealth[] {
  return [
    {
      name: '身份证阅读器',
      kind: 'idcard',
      connected: true,
      lastError: null,
      condition: { ...OK, flags: [] },
    },
    { name: '扫码器', kind: 'scanner', connected: true, lastError: null, condition: { ...OK, flags: [] } },
    {
      name: '热敏打印机',
      kind: 'printer',
      condition: { ...PRINTER_CONDITION[printer], flags: [...PRINTER_CONDITION[printer].flags] },
      connected: printer !== 'offline',
      lastError: printer === 'paper_out' ? '缺纸' : null,
      printer: {
        online: printer !== 'offline',
        paper: printer === 'paper_out' ? 'out' : 'ok',
        coverOpen: false,
        error: null,
      },
    },
  ]
}

export class FakeAgent {
  readonly jobs: PrintJob[] = []
  behaviour: PrintBehaviour = 'print'
  printer: PrinterCondition = 'ok'
  private constructor(private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>) {
    // Like the real agent: come back after a server restart, and say how the devices are.
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 300)
    })
    socket.on('connect_error', () => {
      if (!socket.active) setTimeout(() => socket.connect(), 300)
    })
    socket.on('connect', () => void this.heartbeat(this.printer).catch(() => undefined))
    socket.on('print', (job) => {
      this.jobs.push(job)
      if (this.behaviour === 'ignore') return
      const ok = this.behaviour === 'print'
      const result: PrintResult = {
        jobId: job.jobId,
        ok,
        code: ok ? null : 'PAPER_OUT',
        message: ok ? null : '打印机缺纸',
      }
      socket.emit('agent:printResult', result, () => undefined)
    })
  }

  static async connect(url: string, token: string, printer: PrinterCondition = 'ok'): Promise<FakeAgent> {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
      auth: { token },
      transports: ['websocket'],
      reconnectionDelay: 200,
    })
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve())
      socket.once('connect_error', reject)
    })
    const agent = new FakeAgent(socket)
    await agent.heartbeat(printer)
    return agent
  }

  private send<E extends 'agent:heartbeat' | 'agent:cardRead' | 'agent:scan'>(
    event: E,
    payload: Parameters<ClientToServerEvents[E]>[0],
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const emit = this.socket.emit.bind(this.socket) as (
        e: string,
        p: unknown,
        ack: (result: Ack<null>) => void,
      ) => void
      emit(event, payload, (result) =>
        result.ok ? resolve() : reject(new Error(`${event}: ${result.code}`)),
      )
    })
  }

  heartbeat(printer: PrinterCondition): Promise<void> {
    this.printer = printer
    return this.send('agent:heartbeat', { agentVersion: 'test', attached: attachedDevices(printer) })
  }

  cardRead(card: IdCardPayload): Promise<void> {
    return this.send('agent:cardRead', card)
  }

  scan(code: string): Promise<void> {
    return this.send('agent:scan', { code })
  }

  close(): void {
    this.socket.close()
  }
}

/** Cards for the tests (made-up people; ID numbers with valid check digits are not needed). */
export const CARDS = {
  elderly: {
    cardType: 'resident',
    name: '王淑兰',
    idNumber: '370302194803150026',
    gender: '女',
    birthDate: '1948-03-15',
  },
  younger: {
    cardType: 'resident',
    name: '刘建国',
    idNumber: '370302198506200031',
    gender: '男',
    birthDate: '1985-06-20',
  },
} as const satisfies Record<string, IdCardPayload>
