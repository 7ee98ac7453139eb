import { hallDateTime } from '@hall/domain'
import { PRIORITY_LABELS } from '@hall/protocol'
import { PrintStatus } from '../components/print-status'
import { QrCode } from '../components/qr-code'
import { formatPeopleAhead, formatWait } from '../logic/format'
import { useStores } from '../store/context'
import { needsScreenCopy } from '../store/print-tracker'

/**
 * The number the server issued (only ever from its answer). When the paper ticket cannot be
 * relied on — printer out of paper, offline, or silent — the number stays large with its QR code
 * and the citizen is told plainly to note it.
 */
export function TicketPage() {
  const { session, hall } = useStores()
  const result = session.issued.value
  if (!result) return null
  const { issued, appointment } = result
  const { ticket } = issued
  const print = session.print.state.value
  const screenCopy = needsScreenCopy(print.status)
  const offset = hall.hall.value?.utcOffsetMinutes ?? 480
  return (
    <section class={`ticket${screenCopy ? ' ticket-screen-copy' : ''}`} data-testid="ticket">
      <div class="ticket-head">{appointment ? '预约签到成功' : '取号成功'}</div>
      <div class="ticket-main">
        <div class="ticket-info">
          <div class="ticket-label">您的号码</div>
          <div class="ticket-code" data-testid="ticket-code">
            {ticket.code}
          </div>
          <div class="ticket-queue" data-testid="ticket-queue">
            {issued.queueName}
            {ticket.priority !== 'normal' ? (
              <span class="badge badge-priority" data-testid="ticket-priority">
                {PRIORITY_LABELS[ticket.priority]}
              </span>
            ) : null}
          </div>
          <dl class="facts">
            <div>
              <dt>等候情况</dt>
              <dd data-testid="people-ahead">{formatPeopleAhead(issued.peopleAhead)}</dd>
            </div>
            <div>
              <dt>预计等候</dt>
              <dd data-testid="wait">{formatWait(issued.estimatedWaitMinutes)}</dd>
            </div>
            <div>
              <dt>取号时间</dt>
              <dd>{hallDateTime(ticket.issuedAt, offset, { year: true })}</dd>
            </div>
            {ticket.applicantName ? (
              <div>
                <dt>办事人</dt>
                <dd>{ticket.applicantName}</dd>
              </div>
            ) : null}
          </dl>
        </div>
        {screenCopy ? (
          <div class="ticket-qr" data-testid="ticket-qr">
            <QrCode text={issued.qrContent} size={260} label={`号码 ${ticket.code} 的二维码`} />
            <div class="qr-caption">可用手机拍下此二维码</div>
          </div>
        ) : null}
      </div>
      <PrintStatus state={print} what="号票" />
      {screenCopy ? (
        <p class="note-strong" data-testid="note-number">
          请记下您的号码 <strong>{ticket.code}</strong>
          ，或用手机拍下本页。号码已经登记，请留意叫号屏幕和语音提示。
        </p>
      ) : (
        <p class="note">请留意叫号屏幕和语音提示，过号请到窗口说明。</p>
      )}
    </section>
  )
}
