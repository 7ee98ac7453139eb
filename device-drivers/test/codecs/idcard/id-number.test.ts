import fc from 'fast-check'
import t from 'tap'
import {
  idNumberCheckDigit,
  isValidIdNumber,
  maskIdNumber,
  maskName,
} from '../../../src/codecs/idcard/index.js'

t.test('check digit (ISO 7064 MOD 11-2)', async (t) => {
  // The worked example in GB 11643-1999: 11010519491231002X.
  t.equal(idNumberCheckDigit('11010519491231002'), 'X')
  t.ok(isValidIdNumber('11010519491231002X'))
  t.ok(isValidIdNumber('11010519491231002x'), 'lowercase x as people type it')
  t.notOk(isValidIdNumber('110105194912310021'))
  t.ok(isValidIdNumber('110101199003070011'))
  t.notOk(isValidIdNumber('110101199003070012'))
  t.notOk(isValidIdNumber('11010119900307001'), '17 characters')
  t.notOk(isValidIdNumber('1101011990030700111'), '19 characters')
  t.notOk(isValidIdNumber('11010119900307001A'))
  t.notOk(isValidIdNumber('X10101199003070011'))
  t.equal(idNumberCheckDigit('1234'), undefined)
  t.equal(
    idNumberCheckDigit('１１０１０５１９４９１２３１００２'),
    undefined,
    'full-width digits are not digits',
  )
})

t.test('property: exactly one check character is valid', async (t) => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 }), (ds) => {
      const first17 = ds.join('')
      const valid = [...'0123456789X'].filter((c) => isValidIdNumber(first17 + c))
      return valid.length === 1 && valid[0] === idNumberCheckDigit(first17)
    }),
  )
  t.pass('one valid check character')
})

t.test('maskIdNumber keeps the first 3 and last 4', async (t) => {
  t.equal(maskIdNumber('370102199001011234'), '370***********1234')
  t.equal(maskIdNumber('11010519491231002X'), '110***********002X')
  t.equal(maskIdNumber('USA110075061512'), 'USA********1512', '15-character foreigner number')
  t.equal(maskIdNumber('12345678'), '123*5678')
  t.equal(maskIdNumber('1234567'), '*******', 'too short to show any of it')
  t.equal(maskIdNumber(''), '')
})

t.test('maskName', async (t) => {
  t.equal(maskName('张三'), '张*')
  t.equal(maskName('张三丰'), '张*丰')
  t.equal(maskName('欧阳锋锋'), '欧**锋')
  t.equal(maskName('欧阳锋'), '欧*锋')
  t.equal(maskName('王'), '*')
  t.equal(maskName(''), '')
  t.equal(maskName('𠀀明'), '𠀀*', 'a character outside the BMP counts once')
  t.equal(maskName('SMITH JOHN'), 'S********N')
})

t.test('property: masks never show more than they should', async (t) => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme-ascii', minLength: 8, maxLength: 30 }), (id) => {
      const m = maskIdNumber(id)
      return m.length === id.length && m.slice(3, -4) === '*'.repeat(id.length - 7)
    }),
  )
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (name) => {
      const chars = Array.from(name)
      const m = Array.from(maskName(name))
      const shown = m.filter((c) => c !== '*').length
      return m.length === chars.length && shown <= Math.min(2, Math.max(0, chars.length - 1))
    }),
  )
  t.pass('masks hold')
})
