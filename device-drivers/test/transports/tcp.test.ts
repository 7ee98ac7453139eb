import net from 'node:net'
import t from 'tap'
import { parseTcpUrl, TcpTransport } from '../../src/transports/index.js'
import { nextEvent, rejectsWithCode } from '../devices/helpers.js'

async function echoServer(): Promise<{ port: number; sockets: Set<net.Socket>; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
    s.on('data', (d) => s.write(d))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as net.AddressInfo).port
  return {
    port,
    sockets,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy()
        server.close(() => r())
      }),
  }
}

t.test('parses tcp URLs, port 9100 by default', async (t) => {
  t.same(parseTcpUrl('tcp://192.168.1.50:9101'), { host: '192.168.1.50', port: 9101 })
  t.same(parseTcpUrl('tcp://printer.local'), { host: 'printer.local', port: 9100 })
  t.throws(() => parseTcpUrl('http://x'), { code: 'TRANSPORT_BAD_URL' })
})

t.test('connects, echoes, and reports the peer going away as disconnected', async (t) => {
  const server = await echoServer()
  t.teardown(server.close)
  const tr = new TcpTransport({ host: '127.0.0.1', port: server.port })
  await tr.open()
  t.equal(tr.url, `tcp://127.0.0.1:${server.port}`)
  const data = nextEvent<[Uint8Array]>(tr, 'data')
  await tr.write(Uint8Array.of(0x10, 0x04, 0x01))
  t.same([...(await data)[0]], [0x10, 0x04, 0x01])
  const closed = nextEvent<[{ kind: string }]>(tr, 'close')
  for (const s of server.sockets) s.destroy()
  t.equal((await closed)[0].kind, 'disconnected')
  t.notOk(tr.isOpen)
  t.equal(await rejectsWithCode(tr.write(Uint8Array.of(1))), 'TRANSPORT_NOT_OPEN')
  // and it can be opened again
  await tr.open()
  await tr.close()
})

t.test('close() is a requested close', async (t) => {
  const server = await echoServer()
  t.teardown(server.close)
  const tr = new TcpTransport({ host: '127.0.0.1', port: server.port })
  await tr.open()
  const closed = nextEvent<[{ kind: string }]>(tr, 'close')
  await tr.close()
  t.equal((await closed)[0].kind, 'requested')
})

t.test('a closed port is TRANSPORT_REFUSED', async (t) => {
  const server = await echoServer()
  const port = server.port
  await server.close()
  const tr = new TcpTransport({ host: '127.0.0.1', port, connectTimeoutMs: 1000 })
  t.equal(await rejectsWithCode(tr.open()), 'TRANSPORT_REFUSED')
})
