import { createFollower } from '@hall/client'
import t from 'tap'
import { createHallStore, printerState } from '../../src/store/hall-store.js'
import { createPrintTracker, needsScreenCopy } from '../../src/store/print-tracker.js'
import { queue, snapshot } from './fixtures.js'

t.test('the hall copy shows what the shared follower holds, resync answers included', async (t) => {
  const hall = createHallStore()
  let resyncs = 0
  const follower = createFollower({
    resync: async () => {
      resyncs++
      return { ...snapshot(9), queues: [{ ...queue('public', '公共服务', 'B'), waiting: 7 }] }
    },
  })
  follower.receiveSnapshot(snapshot(0))
  hall.follow(follower)
  t.equal(hall.snapshot.value?.seq, 0, 'the state already held shows at once')
  follower.receiveSnapshot(snapshot(1))
  t.same(
    hall.queues.value.map((q) => q.id),
    ['market', 'public', 'agri'],
    'comprehensive windows first, local ones after',
  )
  const busier = { ...queue('public', '公共服务', 'B'), waiting: 4 }
  follower.receiveDelta({ seq: 2, prevSeq: 1, at: 5, changes: [{ kind: 'queue', queue: busier }] })
  t.equal(hall.queue('public')?.waiting, 4)
  follower.receiveDelta({ seq: 9, prevSeq: 7, at: 5, changes: [] })
  t.equal(resyncs, 1, 'a gap: the follower asks for the full state')
  await Promise.resolve()
  t.equal(hall.snapshot.value?.seq, 9)
  t.equal(hall.queue('public')?.waiting, 7, 'and the kiosk shows its answer')
})

t.test('the terminal’s printer, as its agent reports it', async (t) => {
  t.same(printerState(null), { ok: false, problem: '打印设备未连接' })
  const agent = {
    id: 'agent-kiosk-1',
    name: '',
    role: 'agent' as const,
    windowId: null,
    terminal: 'kiosk-1',
    online: true,
    lastSeen: 0,
    attached: [
      {
        name: 'p',
        kind: 'printer' as const,
        connected: true,
        lastError: null,
        printer: { online: true, paper: 'out' as const, coverOpen: false, error: null },
      },
    ],
  }
  t.same(printerState(agent), { ok: false, problem: '打印机缺纸' })
  const fine = {
    ...agent,
    attached: [{ ...agent.attached[0]!, printer: { ...agent.attached[0]!.printer, paper: 'ok' as const } }],
  }
  t.same(printerState(fine), { ok: true, problem: null })
  // With the agent's verdict the kiosk says what it says, whatever the raw fields: out of paper the
  // printer also reports itself offline, and that must read 缺纸, not 未连接.
  const judged = (status: 'ok' | 'warning' | 'fault' | 'offline', reason: string) => ({
    ...agent,
    attached: [
      {
        ...agent.attached[0]!,
        printer: { ...agent.attached[0]!.printer, online: false },
        condition: { status, reason, flags: [] },
      },
    ],
  })
  t.same(printerState(judged('fault', '缺纸')), { ok: false, problem: '打印机缺纸' })
  t.same(printerState(judged('offline', '无应答')), { ok: false, problem: '打印机无应答' })
  t.same(
    printerState(judged('warning', '纸将尽')),
    { ok: true, problem: null },
    'paper near its end still prints',
  )
  t.same(printerState(judged('ok', '正常')), { ok: true, problem: null })
  const hall = createHallStore()
  hall.setSnapshot({ ...snapshot(1), devices: [agent] })
  t.equal(hall.agent.value, null, 'unknown until the kiosk knows its terminal')
  hall.me.value = {
    kind: 'device',
    deviceId: 'kiosk-1',
    role: 'kiosk',
    windowId: null,
    terminal: 'kiosk-1',
    staff: null,
  }
  t.equal(hall.printer.value.problem, '打印机缺纸')
})

t.test('print tracking: reports before or after the answer that names the job', async (t) => {
  const print = createPrintTracker()
  print.start({ jobId: 'j1', status: 'queued', message: null })
  t.equal(print.state.value.status, 'queued')
  print.report({ jobId: 'other', ok: true, message: null })
  t.equal(print.state.value.status, 'queued', 'another job’s report does not count')
  print.report({ jobId: 'j1', ok: false, message: '打印机缺纸' })
  t.same(print.state.value, { jobId: 'j1', status: 'failed', message: '打印机缺纸' })
  t.ok(needsScreenCopy(print.state.value.status))

  print.report({ jobId: 'j2', ok: true, message: null })
  print.start({ jobId: 'j2', status: 'queued', message: null })
  t.equal(print.state.value.status, 'printed', 'the early report is matched')

  print.start({ jobId: 'j3', status: 'queued', message: null })
  print.expire('j3')
  t.equal(print.state.value.status, 'late')
  t.ok(needsScreenCopy('late'))
  print.start({ jobId: 'j4', status: 'failed', message: '打印机缺纸' })
  t.same(print.state.value, { jobId: 'j4', status: 'failed', message: '打印机缺纸' })
  t.notOk(needsScreenCopy('printed'))
})
