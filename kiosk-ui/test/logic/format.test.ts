import t from 'tap'
import { countdownLabel, formatDays, formatPeopleAhead, formatWait } from '../../src/logic/format.js'

// Hall times and dates are @hall/domain's (hall-server/domain/test/time.test.ts).

t.test('waits, people ahead and time limits in plain words', async (t) => {
  t.equal(formatWait(null), '暂时无法估计')
  t.equal(formatWait(0), '很快就到')
  t.equal(formatWait(25), '约 25 分钟')
  t.equal(formatWait(60), '约 1 小时')
  t.equal(formatWait(95), '约 1 小时 35 分钟')
  t.equal(formatPeopleAhead(0), '前面没有人等候')
  t.equal(formatPeopleAhead(4), '前面还有 4 人')
  t.equal(formatDays(0, 'working'), '即办（当场办结）')
  t.equal(formatDays(15, 'working'), '15个工作日')
  t.equal(formatDays(60, 'day'), '60日')
  t.equal(formatDays(30, 'natural'), '30个自然日')
  t.equal(formatDays(null, 'working'), '—')
})

t.test('the countdown is said only in the last seconds', async (t) => {
  t.equal(countdownLabel(40_000), null)
  t.equal(countdownLabel(14_200), '15 秒后返回首页')
  t.equal(countdownLabel(0), '0 秒后返回首页')
})
