import t from 'tap'
import {
  addDays,
  businessDate,
  clockText,
  dateLabel,
  formatLocal,
  hallDate,
  hallDateTime,
  hallTime,
  hourOfDay,
  minuteOfDay,
  parseClock,
  weekday,
} from '../src/index.js'

/** The one way the hall writes times: the kiosk's, the screens' and the server's labels. */

const MONDAY_9 = Date.parse('2026-11-23T09:05:03+08:00')
const SUNDAY_LATE = Date.parse('2026-11-22T23:30:00+08:00')

t.test('hall time is the hall’s zone, whatever the machine’s', async (t) => {
  t.equal(hallTime(MONDAY_9, 480), '09:05:03')
  t.equal(hallTime(MONDAY_9, 480, false), '09:05')
  t.equal(hallTime(MONDAY_9, 0), '01:05:03')
  t.equal(hallTime(MONDAY_9, 0, false), '01:05')
  t.equal(hallDate(MONDAY_9, 480), '2026年11月23日 星期一')
  t.equal(hallDate(SUNDAY_LATE, 480), '2026年11月22日 星期日')
  t.equal(hallDate(SUNDAY_LATE, 540), '2026年11月23日 星期一', 'an hour further east it is Monday')
  t.equal(hallDateTime(MONDAY_9 + 7 * 86_400_000, 480), '11月30日 09:05')
  t.equal(hallDateTime(MONDAY_9, 480, { year: true }), '2026年11月23日 09:05')
  t.equal(hourOfDay(MONDAY_9, 480), 9)
  t.equal(hourOfDay(SUNDAY_LATE, 480), 23)
  t.equal(minuteOfDay(MONDAY_9, 480), 9 * 60 + 5)
})

t.test('dates and clocks for files, paper and opening hours', async (t) => {
  t.equal(businessDate(SUNDAY_LATE, 480), '2026-11-22')
  t.equal(businessDate(SUNDAY_LATE, 540), '2026-11-23')
  t.equal(formatLocal(MONDAY_9, 480), '2026-11-23 09:05')
  t.equal(dateLabel('2026-11-30'), '2026年11月30日')
  t.equal(dateLabel('soon'), 'soon')
  t.equal(weekday('2026-11-22'), 0)
  t.equal(addDays('2026-11-30', 1), '2026-12-01')
  t.equal(parseClock('08:30'), 510)
  t.equal(parseClock('24:00'), 1440)
  t.ok(Number.isNaN(parseClock('24:01')))
  t.ok(Number.isNaN(parseClock('8:30')))
  t.equal(clockText(510), '08:30')
  t.equal(clockText(1440), '24:00')
})
