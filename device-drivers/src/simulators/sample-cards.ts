/**
 * Synthetic ID cards for simulated readers: obviously fictional names (测试…), numbers with a
 * correct check digit but a made-up sequence. Never put a real person's card data here.
 */

import { idNumberCheckDigit, type ResidentIdRecord } from '../codecs/idcard/index.js'

/** An 18-character number with a valid check character: region + birth date + 3-digit sequence. */
export function syntheticIdNumber(region: string, birthDate: string, sequence: number): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`
  const check = idNumberCheckDigit(first17)
  if (!check) throw new Error(`cannot build an ID number from ${region}/${birthDate}/${sequence}`)
  return first17 + check
}

/** A resident ID card; `n` picks one of a few variants (name, gender, age). */
export function sampleResidentCard(n = 0, overrides: Partial<ResidentIdRecord> = {}): ResidentIdRecord {
  const variants = [
    { name: '测试甲', genderCode: '1', birthDate: '1950-03-15', sequence: 11 },
    { name: '测试乙', genderCode: '2', birthDate: '1988-07-01', sequence: 22 },
    { name: '测试丙丁', genderCode: '1', birthDate: '2001-12-31', sequence: 33 },
  ] as const
  const v = variants[((n % variants.length) + variants.length) % variants.length]!
  return {
    cardType: 'resident',
    name: v.name,
    gender: v.genderCode === '1' ? '男' : '女',
    genderCode: v.genderCode,
    nation: '汉',
    nationCode: '01',
    birthDate: v.birthDate,
    address: '某省某市某区测试路1号',
    idNumber: syntheticIdNumber('110101', v.birthDate, v.sequence),
    issuer: '某市公安局测试分局',
    validFrom: '2020-01-01',
    validUntil: v.birthDate < '1970' ? '长期' : '2040-01-01',
    ...overrides,
  }
}
