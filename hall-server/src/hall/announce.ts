/**
 * The call sentence in pinyin with tone numbers, for espeak-ng's `cmn-latn-pinyin` voice (its plain
 * `cmn` voice reads the tone numbers of its own transcription in English; device-drivers/docs/protocols.md).
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

/** Fixed kiosk prompts, for the optional spoken guidance of the kiosk (关怀模式 turns it on). */
export const KIOSK_PROMPTS = {
  welcome:
    'huan1 ying2 guang1 lin2. qing3 xuan3 ze2 nin2 yao4 ban4 li3 de ye4 wu4, huo4 shua1 shen1 fen4 zheng4.',
  choose: 'qing3 dian3 ji1 ping2 mu4 shang4 de ye4 wu4 lei4 bie2.',
  confirm: 'qing3 que4 ren4, ran2 hou4 dian3 ji1 que4 ding4 qu3 hao4.',
  card: 'yi3 du2 qu3 nin2 de shen1 fen4 zheng4.',
  printed:
    'qu3 hao4 cheng2 gong1, qing3 na2 hao3 nin2 de pai2 hao4 dan1, zai4 deng3 hou4 qu1 deng3 hou4 jiao4 hao4.',
  printFailed:
    'da3 yin4 ji1 zan4 shi2 bu4 neng2 da3 yin4. qing3 ji4 xia4 ping2 mu4 shang4 de hao4 ma3, huo4 zhao3 gong1 zuo4 ren2 yuan2 bang1 mang2.',
  offline:
    'xi4 tong3 zan4 shi2 lian2 bu4 shang4, qing3 shao1 deng3, huo4 zhao3 gong1 zuo4 ren2 yuan2 bang1 mang2.',
  scan: 'qing3 ba3 er4 wei2 ma3 dui4 zhun3 sao3 ma3 kou3.',
} as const
export type KioskPrompt = keyof typeof KIOSK_PROMPTS
