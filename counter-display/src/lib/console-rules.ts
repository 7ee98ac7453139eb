import type { TicketView, WindowView } from '@hall/protocol'
import type { ShortcutAction } from './shortcuts'

/**
 * Which of the clerk's actions make sense now, and if not, why (in the words the server would
 * use). Buttons are disabled with the reason as their title; a shortcut pressed anyway shows it.
 * The server stays the judge: these only spare the clerk a pointless round trip.
 */
export function actionAvailability(
  window: WindowView,
  ticket: TicketView | null,
  caseReady: boolean,
  maxRecalls?: number,
): Record<ShortcutAction, string | null> {
  const closed = window.status === 'closed' ? '窗口未开放，请先签到' : null
  const paused = window.status === 'paused' ? '窗口暂停服务中，请先恢复服务' : null
  const calling = closed ?? paused
  const caseOpen = window.openCaseId !== null ? '请先办结当前办件' : null
  const noTicket = ticket === null ? '窗口当前没有呼叫的号码' : null
  const serving = ticket?.status === 'serving' ? '已开始办理的号码不能重呼或过号' : null
  const recalledOut =
    ticket !== null && maxRecalls !== undefined && ticket.recallCount >= maxRecalls
      ? `已重呼 ${ticket.recallCount} 次（上限），请过号或呼叫下一位`
      : null
  return {
    callNext: calling ?? caseOpen,
    recall: calling ?? noTicket ?? serving ?? recalledOut,
    skip: calling ?? noTicket ?? serving,
    startCase: calling ?? caseOpen,
    transfer: calling ?? noTicket ?? caseOpen,
    callTicket: calling ?? caseOpen,
    complete: noTicket ?? caseOpen,
    finishCase: window.openCaseId === null ? '没有正在办理的办件' : caseReady ? null : '办件信息不完整',
    pause: closed ?? (window.status === 'paused' ? '窗口已经是暂停服务状态' : null),
    resume: closed ?? (window.status !== 'paused' ? '窗口没有暂停' : null),
    cancel: null,
  }
}
