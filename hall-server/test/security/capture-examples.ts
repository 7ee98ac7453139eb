import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type OperationId, routes } from '@hall/protocol'
import { ticketJob } from '../../src/hall/printing.js'
import type { Json } from '../helper.js'
import { testHall } from '../helper.js'
import { callOp } from './inject.js'

/**
 * Records real examples for the protocol's tests: one short hall morning on a test hall, every
 * request it makes and the answer it got, and the socket messages it caused (snapshot, deltas, a
 * print job, a card read). Written to hall-server/protocol/test/examples.json, which
 * protocol/test/examples.test.ts checks against the schemas. Run it again when a schema changes:
 *   node --import tsx hall-server/test/security/capture-examples.ts
 *   npx biome check --write hall-server/protocol/test/examples.json
 */

type Input = { params?: Record<string, string>; query?: Record<string, string>; body?: unknown }
const requests: Record<string, { input: Input; status: number; answer: Json }> = {}
const events: Record<string, Json> = {}

const h = await testHall()
const deltas: Json[] = []
h.hall.service.onDelta((delta) => deltas.push(delta))

async function call(op: OperationId, token: string | null, input: Input = {}) {
  const answer = await callOp(h.app, op, token, input)
  if (answer.status >= 300) throw new Error(`${op}: ${answer.status} ${JSON.stringify(answer.body)}`)
  const body = Buffer.isBuffer(answer.body)
    ? `<${answer.contentType}, ${answer.body.length} bytes>`
    : answer.body
  if (!requests[op]) requests[op] = { input, status: answer.status, answer: body }
  return answer.body
}

try {
  const kiosk = h.tokens['kiosk-1']!
  const wall = h.tokens['wall-1']!
  await call('health', null)
  events.snapshot = await call('getHallSnapshot', kiosk)
  await call('listQueues', kiosk)
  const issued = await call('issueTicket', kiosk, { body: { queueId: 'market', print: false } })
  await call('issueTicket', kiosk, { body: { queueId: 'market', print: false } })
  await call('getTicket', kiosk, { params: { ticketId: issued.ticket.id } })
  const clerk = (await call('signIn', h.tokens['counter-1']!, { body: { staffNo: '1001', pin: '1001' } }))
    .token as string
  const manager = (await call('signIn', wall, { body: { staffNo: '9001', pin: '9001' } })).token as string
  await call('whoAmI', clerk)
  const services = await call('searchServices', clerk, { query: { q: '低保', limit: '5' } })
  await call('getService', kiosk, { params: { serviceId: services[0].id } })
  await call('callNext', clerk, { params: { windowId: '1' } })
  await call('recall', clerk, { params: { windowId: '1' } })
  const started = await call('startCase', clerk, {
    params: { windowId: '1' },
    body: { serviceItemId: services[0].id },
  })
  await call('getCase', clerk, { params: { caseId: started.id } })
  await call('finishCase', clerk, {
    params: { caseId: started.id },
    body: { serviceItemId: services[0].id, caseType: 'immediate', outcome: 'accepted', print: false },
  })
  await call('submitRating', h.tokens['pad-1']!, {
    params: { caseId: started.id },
    body: { level: 'very_dissatisfied', reasons: ['slow'] },
  })
  const second = await call('callNext', clerk, { params: { windowId: '1' } })
  await call('skipTicket', clerk, { params: { windowId: '1' } })
  await call('callTicket', clerk, { params: { windowId: '1' }, body: { ticketId: second.ticket.id } })
  await call('completeTicket', clerk, { params: { windowId: '1' } })
  await call('issueTicket', kiosk, { body: { queueId: 'market', print: false } })
  await call('callNext', clerk, { params: { windowId: '1' } })
  await call('transferTicket', clerk, { params: { windowId: '1' }, body: { toQueueId: 'general' } })
  await call('issueTicket', kiosk, { body: { queueId: 'market', print: false } })
  await call('callNext', clerk, { params: { windowId: '1' } })
  const promised = await call('startCase', clerk, {
    params: { windowId: '1' },
    body: { serviceItemId: services[0].id },
  })
  await call('finishCase', clerk, {
    params: { caseId: promised.id },
    body: {
      serviceItemId: services[0].id,
      caseType: 'promised',
      outcome: 'accepted',
      promiseDays: 5,
      print: false,
    },
  })
  await call('completeCase', clerk, {
    params: { caseId: promised.id },
    body: { note: '已办结，电话通知领取' },
  })
  await call('pauseWindow', clerk, { params: { windowId: '1' }, body: { reason: '临时离开' } })
  await call('resumeWindow', clerk, { params: { windowId: '1' } })
  const third = await call('issueTicket', kiosk, { body: { queueId: 'market', print: false } })
  await call('cancelTicket', manager, { params: { ticketId: third.ticket.id } })
  await call('listPendingCases', wall)
  const followUps = await call('listFollowUps', manager)
  await call('verifyFollowUp', manager, {
    params: { followUpId: followUps[0].id },
    body: { finding: '当天人多，窗口办理慢', reasonable: true },
  })
  await call('closeFollowUp', manager, {
    params: { followUpId: followUps[0].id },
    body: { resolution: '增加高峰时段窗口，已电话回访' },
  })
  const appointment = await call('createAppointment', clerk, {
    body: { date: '2026-11-23', slot: '09:30-10:30', queueId: 'public', name: '王小明' },
  })
  await call('checkInAppointment', kiosk, { body: { code: appointment.code, print: false } }).catch(
    (error: Error) => process.stderr.write(`${error.message}\n`),
  )
  await call('listAppointments', clerk, { query: { date: '2026-11-23' } })
  await call('lookupCases', kiosk, { query: { ref: started.id } }).catch((error: Error) =>
    process.stderr.write(`${error.message}\n`),
  )
  await call('callAudio', h.tokens['display-1']!, { query: { code: 'A001', window: '1' } })
  await call('kioskPrompt', kiosk, { query: { key: 'welcome' } }).catch((error: Error) =>
    process.stderr.write(`${error.message}\n`),
  )
  await call('exportCases', manager, { query: { from: '2026-11-23', to: '2026-11-23' } })
  await call('getWaitingTrend', wall)
  await call('listAudit', manager, { query: { limit: '5' } })
  await call('printGuide', kiosk, {
    params: { serviceId: services[0].id },
    body: { materialsOnly: true },
  }).catch((error: Error) => process.stderr.write(`${error.message}\n`))
  await call('signOut', clerk)
  await h.hall.service.drained()
  events.delta = deltas.find((d) => d.changes.length > 1) ?? deltas[0]
  events.cardRead = h.hall.applicants.hold(
    {
      cardType: 'resident',
      name: '张晓梅',
      idNumber: '110101195001011234',
      gender: '女',
      birthDate: '1950-01-01',
    },
    'kiosk-1',
    h.hall.service.state.businessDate,
    60,
  )
  events.print = {
    jobId: 'job-1',
    ...ticketJob(
      h.hall.service.env.config,
      issued.ticket,
      issued.queueName,
      issued.peopleAhead,
      issued.estimatedWaitMinutes,
      issued.qrContent,
    ),
  }
  events.scan = { code: 'YY20261123-0001', at: h.clock.now }
  events.printOutcome = { jobId: 'job-1', ok: false, code: 'PAPER_OUT', message: '打印机缺纸' }
} finally {
  await h.close()
}

const missing = Object.keys(routes).filter((op) => !requests[op])
const file = join(import.meta.dirname, '../../protocol/test/examples.json')
await writeFile(file, `${JSON.stringify({ requests, events }, null, 2)}\n`)
process.stdout.write(
  `wrote ${Object.keys(requests).length} operations, ${Object.keys(events).length} events; not captured: ${missing}\n`,
)
