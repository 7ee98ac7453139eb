import t from 'tap'
import { type KeyValueStore, takeToken } from '../src/net/device-token.js'

const memory = (): KeyValueStore & { data: Map<string, string> } => {
  const data = new Map<string, string>()
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  }
}

t.test('the token comes once in the URL, is kept per page, and leaves the address', async (t) => {
  const tab = memory()
  const device = memory()
  const first = takeToken('display', 'http://hall/screens/display.html?layout=strip&token=abc#x', tab, device)
  t.same(first, { token: 'abc', cleanUrl: '/screens/display.html?layout=strip#x' })
  t.equal(device.data.get('hall.screens.display.token'), 'abc')
  const again = takeToken('display', 'http://hall/screens/display.html?layout=strip', memory(), device)
  t.same(again, { token: 'abc', cleanUrl: null }, 'a reload (even in a new tab) finds it on the device')
  t.same(takeToken('pad', 'http://hall/screens/pad.html', memory(), device), { token: null, cleanUrl: null })
  t.same(takeToken('pad', 'http://hall/screens/pad.html', null, null), { token: null, cleanUrl: null })
})

t.test('this tab’s token wins over the device’s (two counters in one browser)', async (t) => {
  const tab = memory()
  const device = memory()
  takeToken('counter', 'http://hall/screens/counter.html?token=one', tab, device)
  takeToken('counter', 'http://hall/screens/counter.html?token=two', memory(), device)
  t.equal(takeToken('counter', 'http://hall/screens/counter.html', tab, device).token, 'one')
})
