// Sample print data shared by the ESC/POS tests. Names are masked as the callers would.
import type {
  GuidePrint,
  NoticePrint,
  ReceiptPrint,
  RefusalPrint,
  TicketPrint,
} from '../../../src/codecs/escpos/index.js'

export const sampleTicket: TicketPrint = {
  hallName: '杭州市西湖区政务服务中心',
  code: 'A012',
  queueName: '综合受理',
  peopleAhead: 5,
  estimatedWaitMinutes: 15,
  issuedAt: '2026-11-22 09:31',
  priorityLabel: '老年人优先',
  applicantName: '王*䶮',
  qrContent: 'https://hall.example.cn/q/A012?d=20261122',
  hint: '请留意叫号屏和语音提示，过号请到服务台重新取号。',
}

export const sampleReceipt: ReceiptPrint = {
  hallName: '杭州市西湖区政务服务中心',
  receiptNo: 'SL202611220031',
  caseNo: 'XH20261122000123',
  serviceName: '个体工商户设立登记（含名称自主申报、营业执照发放）',
  applicantName: '张*三',
  caseTypeLabel: '承诺件',
  acceptedAt: '2026-11-22 09:45',
  promiseDeadline: '2026-11-27',
  windowName: '3号窗口',
  staffName: '李四',
  staffNo: '0317',
  qrContent: 'https://hall.example.cn/c/XH20261122000123',
  consultPhone: '0571-12345',
}

export const sampleNotice: NoticePrint = {
  hallName: '杭州市西湖区政务服务中心',
  caseNo: 'XH20261122000124',
  serviceName: '个体工商户设立登记',
  applicantName: '张*三',
  missingMaterials: [
    {
      name: '经营场所使用证明（房屋租赁合同或产权证明复印件）',
      note: '租赁合同须在有效期内，并由出租方签字确认',
    },
    { name: '经营者身份证复印件', note: null },
    { name: '委托代理人证明及代理人身份证复印件', note: '由他人代办时提交' },
  ],
  supplementDeadline: '2026-12-06',
  issuedAt: '2026-11-22',
  windowName: '3号窗口',
  staffName: '李四',
  staffNo: '0317',
  consultPhone: '0571-12345',
}

export const sampleRefusal: RefusalPrint = {
  hallName: '杭州市西湖区政务服务中心',
  caseNo: 'XH20261122000125',
  serviceName: '食品经营许可（新办）',
  applicantName: '赵*𠀀',
  reason: '申请事项依法不属于本机关职权范围，请向杭州市西湖区市场监督管理局提出申请。',
  issuedAt: '2026-11-22',
  windowName: '5号窗口',
  staffName: '王五',
  staffNo: '0521',
}

export const sampleGuide: GuidePrint = {
  hallName: '杭州市西湖区政务服务中心',
  name: '居民身份证换领',
  itemType: '公共服务',
  department: '杭州市公安局西湖区分局',
  promisedDays: 15,
  promisedDayUnit: 'working',
  legalDays: 60,
  legalDayUnit: 'day',
  fees: '20 元（工本费）',
  materials: [
    { name: '居民户口簿', required: true, copies: '原件1份', note: null },
    { name: '原居民身份证', required: true, copies: '原件1份', note: '遗失的无需提供' },
    { name: '符合标准的数码照片回执', required: false, copies: null, note: '可在窗口现场拍摄' },
  ],
  conditions: '居民身份证有效期满、证件严重损坏或者登记项目变更的。',
  process: '1. 取号\n2. 窗口受理、采集人像和指纹\n3. 缴费\n4. 领取回执，按约定时间领证',
  consultPhone: '0571-110',
  materialsOnly: false,
}
