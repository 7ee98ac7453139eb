// Opt-in: the agent with the real devices of an agent config file, against an in-process hall
// server (the file's serverUrl and token are not used).
//   HALL_TEST_AGENT_CONFIG=/etc/hall-agent.json npx tap test/agent/hardware.test.ts
// With HALL_TEST_AGENT_PRINT=1 it also prints one ticket.
import type { DeviceView } from '@hall/protocol'
import t from 'tap'
import { Agent } from '../../src/agent/agent.js'
import { loadAgentConfig } from '../../src/agent/config.js'
import { createAgentDevices } from '../../src/agent/devices-from-config.js'
import { consoleLogger } from '../../src/logger.js'
import { startTestHall, until } from './hall-fixture.js'

const file = process.env['HALL_TEST_AGENT_CONFIG']

t.test(
  'the configured devices come up and are reported to the hall',
  { skip: file ? false : 'set HALL_TEST_AGENT_CONFIG=/path/to/hall-agent.json to run with hardware' },
  async (t) => {
    const config = await loadAgentConfig(file!)
    const hall = await startTestHall()
    t.teardown(() => hall.close())
    const devices = createAgentDevices(config.devices, { logger: consoleLogger('hw-test') })
    const agent = new Agent({
      serverUrl: hall.url,
      token: hall.tokens['agent-kiosk-1']!,
      devices,
      paper: config.devices.printer?.paper ?? '80mm',
      logger: consoleLogger('hw-test'),
    })
    t.teardown(() => agent.stop())
    const screen = await hall.screen('kiosk-1')
    await agent.start()
    await until(
      () => agent.connected && agent.health().devices.every((d) => d.connected),
      'devices up',
      20_000,
    )
    await until(
      () =>
        (screen.state().devices.find((d) => d.id === 'agent-kiosk-1') as DeviceView | undefined)?.attached
          .length === Object.keys(config.devices).length,
      'the hall sees them',
    )
    t.pass(
      `reported: ${agent
        .health()
        .devices.map((d) => d.kind)
        .join(', ')}`,
    )
    if (process.env['HALL_TEST_AGENT_PRINT'] && config.devices.printer) {
      const issued = await hall.api('kiosk-1')('issueTicket', { body: { queueId: 'market' } })
      t.equal(issued.print.status, 'queued')
      const outcome = await screen.next('printOutcome', 15_000)
      t.equal(outcome.ok, true, 'printed: check the paper')
    }
  },
)
