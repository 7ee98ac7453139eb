import { hallTime } from '@hall/domain'
import {
  type HallSnapshot,
  PRIORITY_LABELS,
  TICKET_STATUS_LABELS,
  type TicketView,
  type WindowView,
} from '@hall/protocol'
import { durationLabel } from '../../lib/format'
import { useHall } from '../../store/context'
import { useSession } from './counter-context'

/** The ticket at this window: its number, state, queue and times; or why there is none. */
export function CurrentTicket({ window }: { window: WindowView }) {
  const hall = useHall()
  const session = useSession()
  const snapshot = hall.snapshot.value as HallSnapshot
  const now = hall.now.value
  const offset = snapshot.hall.utcOffsetMinutes
  if (window.status === 'closed') {
    return (
      <div class="ticket-card ticket-card--closed">
        <div class="ticket-card__empty">窗口未开放</div>
        <p>本窗口已签退，或您已在其他窗口签到。</p>
        <button type="button" class="btn btn--primary" onClick={() => session.expire('请重新签到')}>
          重新签到
        </button>
      </div>
    )
  }
  const ticket: TicketView | undefined = snapshot.tickets.find((t) => t.id === window.currentTicketId)
  if (!ticket) {
    return (
      <div class="ticket-card ticket-card--idle">
        <div class="ticket-card__label">当前号码</div>
        <div class="ticket-card__empty">—</div>
        <div class="ticket-card__meta">按 F1 呼叫下一位</div>
      </div>
    )
  }
  const queue = snapshot.queues.find((q) => q.id === (ticket.transferQueueId ?? ticket.queueId))
  return (
    <div class={`ticket-card ticket-card--${ticket.status}`}>
      <div class="ticket-card__label">
        当前号码
        <span class="chip chip--open">{TICKET_STATUS_LABELS[ticket.status]}</span>
        {ticket.priority !== 'normal' && (
          <span class="chip chip--priority">{PRIORITY_LABELS[ticket.priority]}</span>
        )}
      </div>
      <div class="ticket-card__code num" data-ticket={ticket.code}>
        {ticket.code}
      </div>
      <dl class="ticket-card__facts">
        <dt>业务</dt>
        <dd>{queue?.name ?? ticket.queueId}</dd>
        <dt>取号</dt>
        <dd>
          {hallTime(ticket.issuedAt, offset, false)}（等候
          {durationLabel(((ticket.calledAt ?? now) - ticket.issuedAt) / 1000)}）
        </dd>
        {ticket.calledAt !== null && (
          <>
            <dt>呼叫</dt>
            <dd>
              {hallTime(ticket.calledAt, offset, false)}
              {ticket.recallCount > 0 && ` · 已重呼${ticket.recallCount}次`}
            </dd>
          </>
        )}
        {ticket.applicantName && (
          <>
            <dt>办事人</dt>
            <dd>{ticket.applicantName}</dd>
          </>
        )}
      </dl>
    </div>
  )
}
