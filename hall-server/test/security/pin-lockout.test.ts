import t from 'tap'
import { type Json, MONDAY_9AM, testHall } from '../helper.js'

/**
 * Five wrong PINs in a row lock a staff number for fifteen minutes (hall clock, no real waiting);
 * the refusal says in Chinese when to try again, and every wrong try and the lock are in the audit
 * trail, read the way the rest of it is (GET /api/audit).
 */

const MINUTE = 60_000
const FIFTEEN_MINUTES = 15 * MINUTE

t.test(
  'a staff number locks after five wrong PINs, for fifteen minutes, and the audit shows it',
  async (t) => {
    const h = await testHall()
    t.teardown(() => h.close())
    const counter = h.tokens['counter-1']!
    const attempt = (pin: string) => h.call('signIn', counter, { body: { staffNo: '1001', pin } })

    for (let i = 1; i <= 4; i++) {
      const wrong = await attempt('0000')
      t.equal(wrong.status, 401, `wrong try ${i} is refused`)
      t.same(wrong.body, { code: 'SIGN_IN_FAILED', message: '工号或密码不正确' })
    }
    const afterFour = await attempt('1001')
    t.equal(afterFour.status, 200, 'after four wrong tries the right PIN still signs in')
    t.equal(
      (await h.call('signOut', afterFour.body.token, {})).status,
      200,
      'signed out again, so the next sign-in starts clean',
    )

    // The right PIN cleared the count: four more wrong tries do not lock, the fifth does.
    for (let i = 1; i <= 4; i++)
      t.equal((await attempt('1234')).status, 401, `wrong try ${i} after the reset`)
    h.clock.now += 20_000
    const fifth = await attempt('1234')
    t.equal(fifth.status, 429, 'the fifth wrong try in a row locks')
    t.same(fifth.body, {
      code: 'SIGN_IN_LOCKED',
      message: '连续输错5次，已锁定，请于 09:16 后再试',
    })

    h.clock.now += 5 * MINUTE
    const rightDuringLock = await attempt('1001')
    t.equal(rightDuringLock.status, 429, 'the right PIN is refused while locked')
    t.equal(rightDuringLock.body.message, '连续输错5次，已锁定，请于 09:16 后再试')
    t.equal((await attempt('0000')).status, 429, 'so is a wrong one, without extending the lock')

    const lockedAt = MONDAY_9AM + 20_000
    h.clock.now = lockedAt + FIFTEEN_MINUTES - 1
    t.equal((await attempt('1001')).status, 429, 'still locked a moment before fifteen minutes')
    h.clock.now = lockedAt + FIFTEEN_MINUTES
    t.equal((await attempt('0000')).status, 401, 'after fifteen minutes a wrong PIN is a plain refusal again')
    const after = await attempt('1001')
    t.equal(after.status, 200, 'and the right PIN signs in')

    const manager = await h.signIn('wall-1', '9001')
    const audit = await h.call('listAudit', manager, { query: { limit: '200' } })
    t.equal(audit.status, 200)
    const rows = (audit.body as Json[]).filter((a) => a.subject === '1001').reverse()
    const refused = rows.filter((a) => a.action === 'signIn' && a.outcome === 'refused').map((a) => a.detail)
    t.same(
      refused,
      [
        'SIGN_IN_FAILED 1/5',
        'SIGN_IN_FAILED 2/5',
        'SIGN_IN_FAILED 3/5',
        'SIGN_IN_FAILED 4/5',
        'SIGN_IN_FAILED 1/5',
        'SIGN_IN_FAILED 2/5',
        'SIGN_IN_FAILED 3/5',
        'SIGN_IN_FAILED 4/5',
        'SIGN_IN_LOCKED 5/5',
        'SIGN_IN_LOCKED',
        'SIGN_IN_LOCKED',
        'SIGN_IN_LOCKED',
        'SIGN_IN_FAILED 1/5',
      ],
      'every refused try is in the audit trail, the wrong ones counted',
    )
    const locks = rows.filter((a) => a.action === 'signInLocked')
    t.equal(locks.length, 1, 'one lockout')
    t.equal(locks[0].detail, '连续输错5次，锁定至 2026-11-23 09:15')
    t.equal(locks[0].actor, 'device:counter-1', 'with the device it happened at')
    t.equal(locks[0].at, lockedAt)
  },
)

t.test('an unknown staff number is refused like a wrong PIN and never locks', async (t) => {
  const h = await testHall()
  t.teardown(() => h.close())
  for (let i = 0; i < 6; i++) {
    const res = await h.call('signIn', h.tokens['counter-1']!, { body: { staffNo: '7777', pin: '0000' } })
    t.same([res.status, res.body.code], [401, 'SIGN_IN_FAILED'])
  }
})
