import type { Hall } from '../hall/boot.js'
import type { HallIo, HallSocket } from './io-types.js'

/**
 * Print jobs go to the device agent of the job's terminal, only when its last heartbeat showed a
 * printer able to print; how each job went is told to that terminal's screens.
 */
export function attachPrinting(io: HallIo, hall: Hall): void {
  hall.printing.onResult((terminal, result) =>
    io.to(`terminal:${terminal}`).emit('printOutcome', {
      jobId: result.jobId,
      ok: result.ok,
      code: result.code,
      message: result.message,
    }),
  )
  hall.printing.attach({
    dispatch(terminal, job) {
      const agents = [...(io.sockets.adapter.rooms.get(`terminal:${terminal}`) ?? [])]
        .map((id) => io.sockets.sockets.get(id))
        .filter((s): s is HallSocket => s?.data.principal.role === 'agent')
      const agent = agents[0]
      if (!agent) return { ok: false, reason: 'no_printer', message: '打印设备未连接' }
      const printer = hall.service.state.devices[agent.data.principal.deviceId]?.attached.find(
        (a) => a.kind === 'printer',
      )
      if (!printer) return { ok: false, reason: 'no_printer', message: '此终端没有打印机' }
      if (!printer.connected || printer.printer?.online === false)
        return { ok: false, reason: 'failed', message: '打印机未连接' }
      if (printer.printer?.paper === 'out') return { ok: false, reason: 'failed', message: '打印机缺纸' }
      if (printer.printer?.coverOpen) return { ok: false, reason: 'failed', message: '打印机纸仓盖未关' }
      agent.emit('print', job)
      return { ok: true }
    },
  })
}
