import type { PrintJob } from '@hall/protocol'
import { io, type Socket } from 'socket.io-client'

/**
 * A stand-in for a counter terminal's device agent: it reports a healthy printer and answers every
 * print job, as the real agent does after printing.
 */

const HEALTHY_PRINTER = {
  name: '受理凭证打印机',
  kind: 'printer' as const,
  connected: true,
  lastError: null,
  printer: { online: true, paper: 'ok' as const, coverOpen: false, error: null },
  condition: { status: 'ok' as const, reason: '正常', flags: [] },
}

export interface FakeAgent {
  jobs: PrintJob[]
  socket: Socket
  ready(): Promise<void>
  close(): void
}

export function fakeAgent(url: string, token: string): FakeAgent {
  const jobs: PrintJob[] = []
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnectionDelay: 200 })
  let beat: Promise<void> = new Promise(() => undefined)
  const heartbeat = () => {
    beat = socket
      .timeout(5000)
      .emitWithAck('agent:heartbeat', { agentVersion: 'test', attached: [HEALTHY_PRINTER] })
      .then(() => undefined)
  }
  socket.on('connect', heartbeat)
  // The server disconnects everyone when it stops; come back like the real agent does.
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 300)
  })
  socket.on('connect_error', () => {
    if (!socket.active) setTimeout(() => socket.connect(), 300)
  })
  socket.on('print', (job: PrintJob) => {
    jobs.push(job)
    socket.emit(
      'agent:printResult',
      { jobId: job.jobId, ok: true, code: null, message: null },
      () => undefined,
    )
  })
  return {
    jobs,
    socket,
    async ready() {
      while (!socket.connected) await new Promise((r) => setTimeout(r, 50))
      await beat
    },
    close: () => socket.close(),
  }
}
