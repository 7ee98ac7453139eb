import { existsSync, readlinkSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { PtyPair, stopAllPtyPairs } from '../../src/simulators/index.js'
import { SerialTransport } from '../../src/transports/index.js'
import { nextEvent, tempDir } from '../devices/helpers.js'

t.teardown(stopAllPtyPairs)

t.test('two linked ptys: bytes written on one end arrive at the other', async (t) => {
  const dir = tempDir()
  t.teardown(dir.cleanup)
  const link = join(dir.path, 'reader')
  const pair = await PtyPair.start({ links: [link, undefined] })
  t.teardown(() => pair.stop())
  t.match(pair.ptys[0], /^\/dev\/pts\/\d+$/)
  t.match(pair.ptys[1], /^\/dev\/pts\/\d+$/)
  t.equal(pair.a, link)
  t.equal(readlinkSync(link), pair.ptys[0])
  t.equal(pair.b, pair.ptys[1])
  const a = new SerialTransport({ path: pair.a, baudRate: 115200 })
  const b = new SerialTransport({ path: pair.b, baudRate: 115200 })
  await a.open()
  await b.open()
  const got = nextEvent<[Uint8Array]>(b, 'data')
  await a.write(Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69))
  t.same([...(await got)[0]], [0xaa, 0xaa, 0xaa, 0x96, 0x69])

  // The hangup is seen when the next read fails, which a loaded machine can delay.
  const hangup = nextEvent<[{ kind: string }]>(a, 'close', 10_000)
  await pair.stop()
  t.equal((await hangup)[0].kind, 'disconnected', 'stopping socat is an unplug')
  t.notOk(pair.running)
  t.notOk(existsSync(link), 'socat removed its link')
  await b.close()
})

t.test('a missing socat is reported with the package to install', async (t) => {
  await t.rejects(PtyPair.start({ socatPath: '/nonexistent/socat' }), {
    code: 'PTY_PAIR_FAILED',
    message: /apt-get install socat/,
  })
})
