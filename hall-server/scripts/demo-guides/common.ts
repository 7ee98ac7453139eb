/**
 * Shared vocabulary of the demo guides: what kind of item it is (which decides the default time
 * limits, process and appointment text), the laws cited, and the standard materials.
 *
 * 设定依据 names a law or regulation only where we are sure it exists and concerns the item;
 * everywhere else the guide says UNKNOWN_BASIS and the hall fills in its official guide.
 */

export const KINDS = [
  'consult',
  'certificate',
  'register',
  'apply',
  'report',
  'payout',
  'mediation',
  'service',
  'payment',
  'levy',
] as const
export type Kind = (typeof KINDS)[number]

export interface DemoGuide {
  seq: number
  /** The name in the source catalog; the build stops if they differ. */
  name: string
  kind: Kind
  /** Defaults to UNKNOWN_BASIS. */
  basis?: string
  /** Defaults to the category's department. */
  department?: string
  conditions: string
  /** [法定, 承诺] in working days, 0 = 即办; defaults to the kind's. */
  days?: readonly [number, number]
  /** Where the law counts its limit in plain 日 (calendar days): 信访 60日, 法律援助 7日. */
  legalInDays?: true
  result: string
  /** [收费标准, 收费依据]; defaults to 不收费. */
  fees?: readonly [string, string]
  /** In the file's syntax: 名称（份数）（说明）（可选）. */
  materials: readonly string[]
  /** Defaults to the kind's process. */
  process?: string
  review: string
}

export const UNKNOWN_BASIS = '以上级部门公布的办事指南为准'

export const LAW = {
  population: '《中华人民共和国人口与计划生育法》',
  familyPlanningTech: '《计划生育技术服务管理条例》',
  employment: '《中华人民共和国就业促进法》',
  socialInsurance: '《中华人民共和国社会保险法》',
  unemployment: '《失业保险条例》',
  residentPension: '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）',
  residentMedical: '《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）',
  laborDispute: '《中华人民共和国劳动争议调解仲裁法》',
  laborContract: '《中华人民共和国劳动合同法》',
  laborInspection: '《劳动保障监察条例》',
  socialAssistance: '《社会救助暂行办法》',
  disasterRelief: '《自然灾害救助条例》',
  leftBehindChildren: '《国务院关于加强农村留守儿童关爱保护工作的意见》（国发〔2016〕13号）',
  orphans: '《国务院办公厅关于加强孤儿保障工作的意见》（国办发〔2010〕54号）',
  unattendedChildren: '《关于进一步加强事实无人抚养儿童保障工作的意见》',
  elderly: '《中华人民共和国老年人权益保障法》',
  charity: '《中华人民共和国慈善法》',
  vagrants: '《城市生活无着的流浪乞讨人员救助管理办法》',
  villagers: '《中华人民共和国村民委员会组织法》',
  residents: '《中华人民共和国城市居民委员会组织法》',
  veterans: '《中华人民共和国退役军人保障法》',
  soldierResettlement: '《退役士兵安置条例》',
  militaryPension: '《军人抚恤优待条例》',
  militaryService: '《中华人民共和国兵役法》',
  mediation: '《中华人民共和国人民调解法》',
  legalAid: '《中华人民共和国法律援助法》',
  prison: '《中华人民共和国监狱法》',
  minors: '《中华人民共和国未成年人保护法》',
  planning: '《中华人民共和国城乡规划法》',
  land: '《中华人民共和国土地管理法》',
  lowRentHousing: '《廉租住房保障办法》',
  publicRentalHousing: '《公共租赁住房管理办法》',
  expropriation: '《国有土地上房屋征收与补偿条例》',
  agriTech: '《中华人民共和国农业技术推广法》',
  agriInsurance: '《农业保险条例》',
  agriMechanization: '《中华人民共和国农业机械化促进法》',
  roadTraffic: '《中华人民共和国道路交通安全法》',
  landContract: '《中华人民共和国农村土地承包法》',
  landTransfer: '《农村土地经营权流转管理办法》',
  cropPests: '《农作物病虫害防治条例》',
  farmland: '《基本农田保护条例》',
  publicCulture: '《中华人民共和国公共文化服务保障法》',
  broadcasting: '《广播电视管理条例》',
  disability: '《中华人民共和国残疾人保障法》',
  disabilityAllowance:
    '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
  accessibility: '《中华人民共和国无障碍环境建设法》',
  mentalHealth: '《中华人民共和国精神卫生法》',
  forest: '《中华人民共和国森林法》',
  forestRules: '《中华人民共和国森林法实施条例》',
  realEstateRegistration: '《不动产登记暂行条例》',
  forestFire: '《森林防火条例》',
  grainForGreen: '《退耕还林条例》',
  epidemics: '《中华人民共和国传染病防治法》',
  foodSafety: '《中华人民共和国食品安全法》',
  reservoirMigrants: '《国务院关于完善大中型水库移民后期扶持政策的意见》（国发〔2006〕17号）',
  migrantResettlement: '《大中型水利水电工程建设征地补偿和移民安置条例》',
  workSafety: '《中华人民共和国安全生产法》',
  constructionSafety: '《建设工程安全生产管理条例》',
  shipRegistration: '《中华人民共和国船舶登记条例》',
  geologicalHazards: '《地质灾害防治条例》',
  statistics: '《中华人民共和国统计法》',
  partyConstitution: '《中国共产党章程》',
  partyMembers: '《中国共产党党员教育管理工作条例》',
  personalInformation: '《中华人民共和国个人信息保护法》',
  petitions: '《信访工作条例》',
} as const

/** Several bases in one cell. */
export const both = (...laws: string[]): string => laws.join('；')

export const ID = '居民身份证（原件）'
export const ID_OPTIONAL = '居民身份证（原件）（可选）'
export const HOUSEHOLD = '户口簿（原件）'
export const MARRIAGE = '结婚证（原件）'
export const BANK = '本人银行卡或社会保障卡（复印件）'
export const ONE_CARD = '“一卡通”或银行卡（复印件）'
export const DISABILITY_CARD = '《中华人民共和国残疾人证》（原件）'
export const SOCIAL_CARD = '居民身份证或社会保障卡（原件）'
