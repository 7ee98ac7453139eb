import type { DeviceView } from '@hall/protocol'
import t from 'tap'
import { deviceHealthRows } from '../src/pages/wall/device-health.js'

const agent = (id: string, attached: DeviceView['attached'], online = true): DeviceView => ({
  id,
  name: id,
  role: 'agent',
  windowId: null,
  terminal: null,
  online,
  lastSeen: null,
  attached,
})

t.test("the wall lists each attached device with its agent's verdict, worst first", async (t) => {
  const rows = deviceHealthRows([
    agent('agent-kiosk-1', [
      {
        name: 'printer',
        kind: 'printer',
        connected: true,
        lastError: null,
        printer: { online: true, paper: 'out', coverOpen: false, error: null },
        condition: { status: 'fault', reason: '缺纸', flags: ['offline', 'paper_out'] },
      },
      {
        name: 'scanner',
        kind: 'scanner',
        connected: true,
        lastError: null,
        condition: { status: 'ok', reason: '正常', flags: [] },
      },
    ]),
    agent('agent-counter-1', [
      // An agent older than `condition`: only `connected` is known.
      { name: 'evaluator', kind: 'evaluator', connected: true, lastError: null },
      { name: 'led', kind: 'led', connected: false, lastError: '未连接' },
    ]),
  ])
  t.same(
    rows.map((r) => [r.subject, r.kindLabel, r.statusLabel, r.reason]),
    [
      ['agent-counter-1/led', 'LED屏', '离线', '未连接'],
      ['agent-kiosk-1/printer', '打印机', '故障', '缺纸'],
      ['agent-counter-1/evaluator', '评价器', '未知', '设备代理版本较旧，未上报状态'],
      ['agent-kiosk-1/scanner', '扫码器', '正常', '正常'],
    ],
  )
  t.same(deviceHealthRows([agent('display-1', [])]), [], 'screens have no attached devices')
})
