import t from 'tap'
import { MemoryTransport, memoryPair, memoryPeer, resetMemoryPairs } from '../../src/transports/index.js'
import { nextEvent, rejectsWithCode } from '../devices/helpers.js'

t.test('a pair delivers each write as one data event, in order', async (t) => {
  const [a, b] = MemoryTransport.pair('x')
  await a.open()
  await b.open()
  const got: number[][] = []
  b.on('data', (c) => got.push([...c]))
  await a.write(Uint8Array.of(1, 2))
  await a.write(Uint8Array.of(3))
  await new Promise((r) => setImmediate(r))
  t.same(got, [[1, 2], [3]])
  t.same(
    a.written.map((c) => [...c]),
    [[1, 2], [3]],
  )
})

t.test('writes to a closed peer are dropped; writing closed rejects', async (t) => {
  const [a, b] = MemoryTransport.pair()
  await a.open()
  let got = 0
  b.on('data', () => got++)
  await a.write(Uint8Array.of(1))
  await new Promise((r) => setImmediate(r))
  t.equal(got, 0)
  t.equal(await rejectsWithCode(b.write(Uint8Array.of(1))), 'TRANSPORT_NOT_OPEN')
  t.equal(await rejectsWithCode(a.open()), 'TRANSPORT_ALREADY_OPEN')
})

t.test('close emits once with the reason; unplug blocks reopening until replug', async (t) => {
  const [a] = MemoryTransport.pair()
  await a.open()
  const closed = nextEvent<[{ kind: string }]>(a, 'close')
  await a.close()
  t.equal((await closed)[0].kind, 'requested')
  await a.close()
  await a.open()
  const unplugged = nextEvent<[{ kind: string }]>(a, 'close')
  a.unplug()
  t.equal((await unplugged)[0].kind, 'disconnected')
  t.equal(await rejectsWithCode(a.open()), 'TRANSPORT_NOT_FOUND')
  a.replug()
  await a.open()
  t.ok(a.isOpen)
})

t.test('named pairs for memory: URLs', async (t) => {
  resetMemoryPairs()
  const [a, b] = memoryPair('scanner')
  t.equal(memoryPeer('scanner'), b)
  t.equal(memoryPair('scanner')[0], a)
  t.equal(a.url, 'memory:scanner')
  resetMemoryPairs()
  t.not(memoryPair('scanner')[0], a)
})
