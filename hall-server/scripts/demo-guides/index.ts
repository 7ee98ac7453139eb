import { CIVIL_AFFAIRS } from './civil-affairs.js'
import type { DemoGuide, Kind } from './common.js'
import { COMMUNITY } from './community.js'
import { CULTURE_DISABILITY_FORESTRY } from './culture-disability-forestry.js'
import { FAMILY_PLANNING } from './family-planning.js'
import { FARMING } from './farming.js'
import { HOUSING_AND_LAND } from './housing-and-land.js'
import { LABOUR } from './labour.js'

export { type DemoGuide, KINDS, type Kind, UNKNOWN_BASIS } from './common.js'

/** Every demo guide, in 序号 order. */
export const DEMO_GUIDES: readonly DemoGuide[] = [
  ...FAMILY_PLANNING,
  ...LABOUR,
  ...CIVIL_AFFAIRS,
  ...HOUSING_AND_LAND,
  ...FARMING,
  ...CULTURE_DISABILITY_FORESTRY,
  ...COMMUNITY,
].sort((a, b) => a.seq - b.seq)

/** The town department that usually handles a category (实施主体 unless the guide names one). */
export const CATEGORY_DEPARTMENTS: Readonly<Record<string, string>> = {
  计生服务: '镇卫生健康办公室',
  劳动保障服务: '镇人力资源和社会保障所',
  '民政服务(复退军人服务)': '镇民政办公室',
  司法协助: '镇司法所',
  房管建设服务: '镇村镇建设办公室',
  农牧服务: '镇农业综合服务中心',
  土地资源管理服务: '镇自然资源所',
  文化服务: '镇综合文化站',
  残障服务: '镇残疾人联合会',
  林业服务: '镇林业站',
  卫生服务: '镇卫生健康办公室',
  移民: '镇移民工作办公室',
  安全监管: '镇应急管理办公室',
  海事服务: '镇交通运输管理站',
  其他社会服务: '镇党政综合办公室',
  信访: '镇信访办公室',
}

export interface KindDefaults {
  /** [法定, 承诺] in working days; 0 = 即办. */
  days: readonly [number, number]
  process: (department: string) => string
}

export const KIND_DEFAULTS: Readonly<Record<Kind, KindDefaults>> = {
  consult: { days: [0, 0], process: () => '现场或电话咨询→工作人员解答→不能当场答复的登记后限时答复' },
  certificate: { days: [0, 0], process: () => '提交申请和材料→窗口核实→出具证明' },
  register: { days: [0, 0], process: () => '提交材料→窗口核实→登记办结' },
  apply: {
    days: [10, 5],
    process: (department) => `提交申请和材料→窗口受理→${department}审核→办结并告知结果`,
  },
  report: {
    days: [15, 10],
    process: () => '提交申请和材料→窗口受理→镇级初审（需公示的经村（居）公示）→上报区级主管部门审批→告知结果',
  },
  payout: {
    days: [20, 15],
    process: () => '提交申请和材料→窗口受理→审核→公示→上报审批→资金发放到本人账户',
  },
  mediation: {
    days: [30, 15],
    process: () => '申请→受理→调查了解→组织调解→达成协议；调解不成的告知其他解决途径',
  },
  service: { days: [5, 3], process: (department) => `提出需求→窗口登记→${department}办理→办结反馈` },
  payment: { days: [0, 0], process: () => '告知户号→核对应缴金额→缴费→出具票据' },
  levy: { days: [0, 0], process: () => '窗口告知现行政策→历史遗留问题登记→报区卫生健康局按规定处理' },
}

/** Clearly fake: the hall replaces them with its own numbers. */
export const EXAMPLE_PHONE = '0533-0000000（示例）'

export const appointmentText = (kind: Kind): string =>
  kind === 'consult'
    ? `现场咨询无需预约；也可电话咨询或预约：${EXAMPLE_PHONE}`
    : `可到镇便民服务中心现场办理，也可电话预约：${EXAMPLE_PHONE}`

export const consultationText = (department: string): string =>
  `到镇便民服务中心窗口或${department}现场咨询；咨询电话：${EXAMPLE_PHONE}`

export const COMPLAINT_TEXT = `镇便民服务中心监督投诉电话：${EXAMPLE_PHONE}；12345政务服务便民热线；也可通过“好差评”评价`

export const NO_FEE: readonly [string, string] = ['不收费', '不涉及收费']
