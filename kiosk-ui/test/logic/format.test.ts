import t from 'tap'
import {
  countdownLabel,
  formatClock,
  formatDate,
  formatDateTime,
  formatDay,
  formatDays,
  formatPeopleAhead,
  formatWait,
} from '../../src/logic/format.js'

const MONDAY_9_05 = Date.parse('2026-11-23T09:05:00+08:00')

t.test('times are written in the hall’s zone, whatever the PC’s zone', async (t) => {
  t.equal(formatClock(MONDAY_9_05, 480), '09:05')
  t.equal(formatClock(MONDAY_9_05, 0), '01:05')
  t.equal(formatDay(MONDAY_9_05, 480), '2026年11月23日 星期一')
  t.equal(formatDateTime(MONDAY_9_05, 480), '2026年11月23日 09:05')
  t.equal(formatDay(Date.parse('2026-11-22T23:30:00+08:00'), 480), '2026年11月22日 星期日')
})

t.test('dates, waits, people ahead and time limits in plain words', async (t) => {
  t.equal(formatDate('2026-11-30'), '2026年11月30日')
  t.equal(formatDate('soon'), 'soon')
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
