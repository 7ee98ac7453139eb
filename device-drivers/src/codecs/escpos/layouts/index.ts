export { guideLayout } from './guide.js'
export { LayoutWriter, PARAGRAPH_INDENT, spreadLabel, type TextLook } from './layout-writer.js'
export { noticeLayout } from './notice.js'
export { receiptLayout } from './receipt.js'
export { refusalLayout } from './refusal.js'
export { ticketLayout } from './ticket.js'
export type {
  GuideMaterial,
  GuidePrint,
  LayoutOptions,
  MissingMaterial,
  NoticePrint,
  ReceiptPrint,
  RefusalPrint,
  TicketPrint,
} from './types.js'
