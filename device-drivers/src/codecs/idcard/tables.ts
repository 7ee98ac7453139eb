/**
 * Code tables used in the GA 467 text record.
 *
 * - Gender: GB/T 2261.1 (0 未知的性别, 1 男性, 2 女性, 9 未说明的性别), one character in the record.
 *   The short forms are the ones printed on the card.
 * - Nation: GB 3304 (中国各民族名称的罗马字母拼写法和代码), two digits in the record. Names are
 *   written without 族, as printed on the card ("民族 汉"). 46 is 德昂 (some public reader code
 *   has the misspelling 德昴).
 */

export const GENDERS = {
  '0': '未知',
  '1': '男',
  '2': '女',
  '9': '未说明',
} as const
export type GenderCode = keyof typeof GENDERS
export type GenderName = (typeof GENDERS)[GenderCode]

export const NATIONS = {
  '01': '汉',
  '02': '蒙古',
  '03': '回',
  '04': '藏',
  '05': '维吾尔',
  '06': '苗',
  '07': '彝',
  '08': '壮',
  '09': '布依',
  '10': '朝鲜',
  '11': '满',
  '12': '侗',
  '13': '瑶',
  '14': '白',
  '15': '土家',
  '16': '哈尼',
  '17': '哈萨克',
  '18': '傣',
  '19': '黎',
  '20': '傈僳',
  '21': '佤',
  '22': '畲',
  '23': '高山',
  '24': '拉祜',
  '25': '水',
  '26': '东乡',
  '27': '纳西',
  '28': '景颇',
  '29': '柯尔克孜',
  '30': '土',
  '31': '达斡尔',
  '32': '仫佬',
  '33': '羌',
  '34': '布朗',
  '35': '撒拉',
  '36': '毛南',
  '37': '仡佬',
  '38': '锡伯',
  '39': '阿昌',
  '40': '普米',
  '41': '塔吉克',
  '42': '怒',
  '43': '乌孜别克',
  '44': '俄罗斯',
  '45': '鄂温克',
  '46': '德昂',
  '47': '保安',
  '48': '裕固',
  '49': '京',
  '50': '塔塔尔',
  '51': '独龙',
  '52': '鄂伦春',
  '53': '赫哲',
  '54': '门巴',
  '55': '珞巴',
  '56': '基诺',
  '97': '其他',
  '98': '外国血统',
} as const
export type NationCode = keyof typeof NATIONS

/** Display form of a gender code; codes outside GB/T 2261.1 read as 未知 (the raw code is kept separately). */
export function genderName(code: string): GenderName {
  return Object.hasOwn(GENDERS, code) ? GENDERS[code as GenderCode] : GENDERS['0']
}

/** Nation name for a GB 3304 code, or undefined for codes outside the table. */
export function nationName(code: string): string | undefined {
  return Object.hasOwn(NATIONS, code) ? NATIONS[code as NationCode] : undefined
}
