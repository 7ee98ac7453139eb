import t from 'tap'
import { createIdleTimer } from '../../src/logic/idle.js'
import { createComboDetector } from '../../src/logic/tech-combo.js'

/** A hand-driven clock and timer queue. */
function fakeTime() {
  let now = 0
  let timers: { at: number; fn: () => void; id: number }[] = []
  let nextId = 0
  return {
    now: () => now,
    schedule(fn: () => void, ms: number) {
      const id = nextId++
      timers.push({ at: now + ms, fn, id })
      return () => {
        timers = timers.filter((x) => x.id !== id)
      }
    },
    advance(ms: number) {
      const end = now + ms
      for (;;) {
        const due = timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0]
        if (!due) break
        timers = timers.filter((x) => x !== due)
        now = due.at
        due.fn()
      }
      now = end
    },
  }
}

t.test('idle: back to the start after the timeout without a touch', async (t) => {
  const time = fakeTime()
  let idled = 0
  const idle = createIdleTimer({
    timeoutMs: 60_000,
    now: time.now,
    schedule: time.schedule,
    onIdle: () => idled++,
  })
  time.advance(59_000)
  t.equal(idled, 0)
  idle.touch()
  time.advance(59_000)
  t.equal(idled, 0, 'a touch restarts the wait')
  t.equal(idle.left(), 1000)
  time.advance(1000)
  t.equal(idled, 1)
  time.advance(60_000)
  t.equal(idled, 2, 'keeps watching after firing')
  idle.stop()
  time.advance(600_000)
  t.equal(idled, 2)
})

t.test('technician combination: Ctrl+Alt+Shift+T held for two seconds', async (t) => {
  const time = fakeTime()
  let opened = 0
  const combo = createComboDetector({ holdMs: 2000, schedule: time.schedule, onTrigger: () => opened++ })
  const key = { key: 'T', ctrlKey: true, altKey: true, shiftKey: true }
  combo.keydown(key)
  time.advance(1500)
  combo.keyup(key)
  time.advance(2000)
  t.equal(opened, 0, 'released too early')
  combo.keydown(key)
  time.advance(500)
  combo.keydown(key)
  time.advance(1600)
  t.equal(opened, 1, 'auto-repeat does not restart the wait')
  combo.keydown({ key: 't', ctrlKey: true, altKey: false, shiftKey: true })
  time.advance(3000)
  t.equal(opened, 1, 'without Alt nothing happens')
})
