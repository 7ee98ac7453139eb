// One device-health verdict everywhere: the pure `deviceCondition` per case, then a simulated kiosk
// whose printer runs out of paper, checked in the printer's own log line, the agent's periodic
// health line, the heartbeat it sends, the hall snapshot and the wall's device list.
import type { DeviceView } from '@hall/protocol'
import t from 'tap'
import { agentHealthLine } from '../../src/agent/attached-health.js'
import { deviceCondition } from '../../src/devices/condition.js'
import type { EvaluatorBoxHealth } from '../../src/devices/evaluator-box.js'
import { type PrinterHealth, summarizeStatus } from '../../src/devices/thermal-printer.js'
import { memoryLogger } from '../../src/logger.js'
import { type PrinterSimulatorState, simulatedStatus, stopAllPtyPairs } from '../../src/simulators/index.js'
import { kiosk, startTestHall, until } from './hall-fixture.js'

t.teardown(stopAllPtyPairs)

const base = {
  name: 'printer',
  url: 'tcp://127.0.0.1:9100',
  connected: true,
  lastError: null,
  lastErrorCode: null,
  lastErrorAt: null,
  connectedAt: 0,
  reconnects: 0,
}

/** A printer's health as the driver reports it for a simulated printer state (real status bytes). */
function printer(state: Partial<PrinterSimulatorState>, extra: Partial<PrinterHealth> = {}): PrinterHealth {
  const full: PrinterSimulatorState = {
    paper: 'ok',
    coverOpen: false,
    online: true,
    error: 'none',
    answersStatus: true,
    ...state,
  }
  const s = summarizeStatus(
    (['printer', 'offline', 'error', 'paper'] as const).map((k) => simulatedStatus(full, k)),
  )
  return {
    ...base,
    kind: 'printer',
    online: s.online,
    noAnswer: false,
    paper: s.paper,
    coverOpen: s.coverOpen,
    error: null,
    problems: s.problems,
    statusCheckedAt: 0,
    jobsPrinted: 0,
    jobsRefused: 0,
    ...extra,
  }
}

t.test('the verdict for each printer state', async (t) => {
  t.same(deviceCondition(printer({})), { status: 'ok', reason: '正常', flags: [] })
  const out = deviceCondition(printer({ paper: 'out' }))
  t.match(out, { status: 'fault', reason: '缺纸' }, 'out of paper is a fault named 缺纸, not 脱机')
  t.ok(out.flags.includes('paper_out') && out.flags.includes('offline'), 'the raw offline bit stays in flags')
  t.match(deviceCondition(printer({ paper: 'near_end' })), { status: 'warning', reason: '纸将尽' })
  t.match(deviceCondition(printer({ coverOpen: true })), { status: 'fault', reason: '盖板打开' })
  t.match(deviceCondition(printer({ coverOpen: true, paper: 'out' })), {
    status: 'fault',
    reason: '盖板打开、缺纸',
  })
  t.match(deviceCondition(printer({ error: 'cutter' })), { status: 'fault', reason: '切刀故障' })
  t.match(deviceCondition(printer({ online: false })), { status: 'fault', reason: '脱机' })
  t.same(deviceCondition(printer({}, { connected: false, online: false })), {
    status: 'offline',
    reason: '未连接',
    flags: ['disconnected'],
  })
  t.same(deviceCondition(printer({}, { noAnswer: true, online: false })), {
    status: 'offline',
    reason: '无应答',
    flags: ['no_answer'],
  })
  t.same(
    deviceCondition(printer({}, { paper: 'unknown', problems: [] })),
    { status: 'ok', reason: '正常', flags: ['paper_unknown'] },
    'a write-only printer prints blind: ok, but the flags say its paper is not known',
  )
})

t.test('the verdict for the other devices', async (t) => {
  const box = (online: boolean): EvaluatorBoxHealth => ({
    ...base,
    name: 'evaluator',
    kind: 'evaluator',
    protocol: 'hall-v1',
    online,
    state: null,
    firmware: null,
    lastHeartbeatAt: null,
    promptId: null,
    ratings: 0,
  })
  t.match(deviceCondition(box(false)), { status: 'offline', flags: ['no_heartbeat'] })
  t.match(deviceCondition(box(true)), { status: 'ok' })
  t.same(
    deviceCondition({
      ...base,
      kind: 'scanner',
      lastError: '扫码内容无法识别 / bad frame',
      lastErrorCode: 'PROTOCOL',
    }),
    { status: 'warning', reason: '扫码内容无法识别', flags: ['protocol'] },
  )
  t.match(deviceCondition({ ...base, kind: 'idcard', connected: false }), {
    status: 'offline',
    reason: '未连接',
  })
})

t.test('a printer out of paper: log line, heartbeat, snapshot and wall say the same fault', async (t) => {
  const hall = await startTestHall()
  t.teardown(() => hall.close())
  const logger = memoryLogger()
  const terminal = await kiosk(t, hall, logger)
  const screen = await hall.screen('kiosk-1')
  t.teardown(() => screen.close())
  const beats: unknown[] = []
  terminal.agent.on('heartbeat', (attached) => beats.push(attached))

  const printerIn = (devices: DeviceView[]) =>
    devices.find((d) => d.id === 'agent-kiosk-1')?.attached.find((a) => a.kind === 'printer')
  terminal.printer!.setState({ paper: 'out' })
  await screen.waitDelta((_, state) => printerIn(state.devices)?.condition?.status === 'fault', 15_000)

  const expected = { status: 'fault', reason: '缺纸' }
  // The printer's own log line: the verdict, not `online: false`.
  const own = logger.entries.filter((e) => e.msg === 'printer status').at(-1)
  t.match(own?.fields, expected, "the printer's log line")
  t.notOk(own?.fields && 'online' in own.fields, 'no bare online flag in it')
  t.ok(((own?.fields?.['flags'] ?? []) as string[]).includes('paper_out'), 'its flags name the cause')
  // The agent's periodic health line.
  const line = agentHealthLine(terminal.agent.health())
  t.ok(
    (line['devices'] as string[]).includes('printer:fault(缺纸)'),
    `the agent health line: ${line['devices']}`,
  )
  // The heartbeat payload the server got.
  await until(() => beats.length > 0, 'heartbeat')
  const sent = (beats.at(-1) as DeviceView['attached']).find((a) => a.kind === 'printer')
  t.match(sent?.condition, expected, 'the heartbeat')
  // The hall snapshot every screen gets.
  const inSnapshot = printerIn(screen.state().devices)
  t.same(inSnapshot?.condition, sent?.condition, 'the snapshot carries the verdict unchanged')
  // The wall's device list (its pure view function).
  const wall = (await import(
    new URL('../../../counter-display/src/pages/wall/device-health.ts', import.meta.url).href
  )) as {
    deviceHealthRows(devices: DeviceView[]): { subject: string; statusLabel: string; reason: string }[]
  }
  const row = wall.deviceHealthRows(screen.state().devices).find((r) => r.subject === 'agent-kiosk-1/printer')
  t.match(row, { statusLabel: '故障', reason: '缺纸' }, 'the wall')

  // The agent goes away: the hall no longer trusts its last word on the printer.
  const gone = screen.waitDelta(
    (_, state) => printerIn(state.devices)?.condition?.status === 'offline',
    15_000,
  )
  await terminal.agent.stop()
  await gone
  t.match(printerIn(screen.state().devices)?.condition, { status: 'offline', reason: '终端离线' })
})
