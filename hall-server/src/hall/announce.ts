/**
 * The call sentence in pinyin with tone numbers, for espeak-ng's `cmn-latn-pinyin` voice (its plain
 * `cmn` voice reads the tone numbers of its own transcription in English; device-notes.md).
 *
 * 请 A012 号到 3 号窗口办理 → qing3 ei1 ling2 yao1 er4 hao4 dao4 san1 hao4 chuang1 kou3 ban4 li3
 *
 * The ticket number is read digit by digit, with 1 as yao1 as halls and telephones say it (it is
 * not confused with 7, qi1); the window number as a number (十二 shi2 er4).
 */

const DIGITS = ['ling2', 'yao1', 'er4', 'san1', 'si4', 'wu3', 'liu4', 'qi1', 'ba1', 'jiu3']
const NUMBER_DIGITS = ['ling2', 'yi1', 'er4', 'san1', 'si4', 'wu3', 'liu4', 'qi1', 'ba1', 'jiu3']

/** Letters as a Chinese speaker says them when reading a ticket code aloud. */
const LETTERS: Record<string, string> = {
  A: 'ei1',
  B: 'bi4',
  C: 'xi1',
  D: 'di4',
  E: 'yi4',
  F: 'ai2 fu1',
  G: 'ji4',
  H: 'ai1 qi1',
  I: 'ai4',
  J: 'jie4',
  K: 'kai4',
  L: 'ai2 le',
  M: 'ai2 mu',
  N: 'en1',
  O: 'ou1',
  P: 'pi4',
  Q: 'kiu1',
  R: 'a4 er',
  S: 'ai2 si1',
  T: 'ti4',
  U: 'you1',
  V: 'wei1',
  W: 'da2 bu liu',
  X: 'ai2 ke si1',
  Y: 'wai4',
  Z: 'zei4',
}

/** A whole number below 1000 the way it is said: 3 san1, 12 shi2 er4, 20 er4 shi2, 105 yi1 bai3 ling2 wu3. */
export function numberPinyin(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999)
    return String(n)
      .split('')
      .map((d) => DIGITS[Number(d)] ?? d)
      .join(' ')
  if (n < 10) return NUMBER_DIGITS[n] as string
  const hundreds = Math.floor(n / 100)
  const tens = Math.floor((n % 100) / 10)
  const ones = n % 10
  const parts: string[] = []
  if (hundreds > 0) parts.push(hundreds === 2 ? 'liang3' : (NUMBER_DIGITS[hundreds] as string), 'bai3')
  if (tens > 0) {
    if (!(hundreds === 0 && tens === 1)) parts.push(NUMBER_DIGITS[tens] as string)
    parts.push('shi2')
  } else if (hundreds > 0 && ones > 0) {
    parts.push('ling2')
  }
  if (ones > 0) parts.push(NUMBER_DIGITS[ones] as string)
  return parts.join(' ')
}

export function codePinyin(code: string): string {
  return [...code.toUpperCase()]
    .map((c) => (c >= '0' && c <= '9' ? DIGITS[Number(c)] : LETTERS[c]))
    .filter((x): x is string => x !== undefined)
    .join(' ')
}

export function callPinyin(code: string, windowNumber: number): string {
  return `qing3 ${codePinyin(code)} hao4, dao4 ${numberPinyin(windowNumber)} hao4 chuang1 kou3 ban4 li3.`
}
