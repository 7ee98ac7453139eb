/**
 * Masking of personal information (个人信息去标识化), used wherever a name or an ID number is shown
 * or logged. ID numbers keep their first 3 and last 4 characters; names keep their first character
 * and, from three characters on, their last (`张*`, `张*丰`, `欧**锋`); a one-character name is `*`.
 * Code points are counted, so a rare character outside the BMP is one character.
 */

export function maskIdNumber(id: string): string {
  const chars = [...id]
  if (chars.length <= 7) return '*'.repeat(chars.length)
  return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 7) + chars.slice(-4).join('')
}

export function maskName(name: string): string {
  const chars = [...name]
  if (chars.length === 0) return ''
  if (chars.length === 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

/** Age in whole years on `onDate` (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}
