import { ticketLayout } from '../../src/codecs/escpos/index.js'

/** A test ticket for the hardware test: fictional data only. */
export function selfTestTicket(): Uint8Array {
  return ticketLayout({
    hallName: '设备测试',
    code: 'T001',
    queueName: '打印机自检',
    peopleAhead: 0,
    estimatedWaitMinutes: null,
    issuedAt: new Date().toISOString().slice(0, 16).replace('T', ' '),
    priorityLabel: null,
    applicantName: null,
    qrContent: 'https://hall.example.cn/selftest',
    hint: '这是一张测试小票',
  })
}
