import { TICKET_STATUS_LABELS } from '@hall/protocol'
import { formatPeopleAhead, formatWait } from '../logic/format'
import { useStores } from '../store/context'

/** A scanned ticket: where it stands now. */
export function TicketStatusPage() {
  const { session } = useStores()
  const found = session.ticketStatus.value
  if (!found) return null
  const waiting = found.ticket.status === 'waiting' || found.ticket.status === 'transferred'
  return (
    <section class="ticket" data-testid="ticket-status">
      <div class="ticket-head">号码查询</div>
      <div class="ticket-label">号码</div>
      <div class="ticket-code">{found.ticket.code}</div>
      <div class="ticket-queue">
        {found.queueName} · {TICKET_STATUS_LABELS[found.ticket.status]}
      </div>
      {waiting ? (
        <dl class="facts">
          <div>
            <dt>等候情况</dt>
            <dd>{formatPeopleAhead(found.peopleAhead)}</dd>
          </div>
          <div>
            <dt>预计等候</dt>
            <dd>{formatWait(found.estimatedWaitMinutes)}</dd>
          </div>
        </dl>
      ) : null}
    </section>
  )
}
