import t from 'tap'
import { deadlineLabel, durationLabel, initials, percentLabel, secondsLeft } from '../src/lib/format.js'

// Hall times and dates are @hall/domain's (hall-server/domain/test/time.test.ts).
const MONDAY_9 = Date.parse('2026-11-23T09:05:03+08:00')

t.test('durations for people', async (t) => {
  t.equal(durationLabel(null), '—')
  t.equal(durationLabel(-5), '—')
  t.equal(durationLabel(30), '不足1分钟')
  t.equal(durationLabel(12 * 60 + 20), '12分钟')
  t.equal(durationLabel(3600), '1小时')
  t.equal(durationLabel(3900), '1小时5分钟')
})

t.test('deadlines, left and overdue', async (t) => {
  const now = MONDAY_9
  t.equal(deadlineLabel(now + 6 * 86_400_000 + 3 * 3_600_000, now), '还剩6天3小时')
  t.equal(deadlineLabel(now + 45 * 60_000, now), '还剩45分钟')
  t.equal(deadlineLabel(now + 2 * 3_600_000 + 5 * 60_000, now), '还剩2小时5分钟')
  t.equal(deadlineLabel(now - 2 * 3_600_000, now), '已超期2小时0分钟')
  t.equal(deadlineLabel(now - 86_400_000, now), '已超期1天')
  t.equal(secondsLeft(now + 1500, now), 2)
  t.equal(secondsLeft(now - 1500, now), 0)
})

t.test('percent and initials', async (t) => {
  t.equal(percentLabel(null), '—')
  t.equal(percentLabel(0.5), '50%')
  t.equal(percentLabel(2 / 3), '66.7%')
  t.equal(percentLabel(1), '100%')
  t.equal(initials('张晓梅'), '晓梅')
  t.equal(initials('王芳'), '王芳')
  t.equal(initials('欧阳志远'), '志远')
  t.equal(initials('Anna Smith'), 'AS')
  t.equal(initials('  '), '？')
})
