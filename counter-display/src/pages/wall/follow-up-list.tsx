import { hallDateTime } from '@hall/domain'
import {
  FOLLOW_UP_STATUS_LABELS,
  type FollowUpView,
  type HallSnapshot,
  RATING_LABELS,
  RATING_REASONS,
} from '@hall/protocol'
import { followUpsToShow, isOverdue, staffOfWindow } from '../../lib/figures'
import { deadlineLabel } from '../../lib/format'
import { Card } from './card'
import { FollowUpActionsForm } from './follow-up-form'
import { useWall } from './wall-context'

const reasonLabel = (reason: string) => RATING_REASONS[reason as keyof typeof RATING_REASONS] ?? reason

/** Bad ratings awaiting verification and rectification, due 7 days after the rating; overdue in red. */
export function FollowUpList({ snapshot, now }: { snapshot: HallSnapshot; now: number }) {
  const { session } = useWall()
  const list = followUpsToShow(snapshot.followUps, now)
  const signedIn = session.session.value !== null
  return (
    <Card
      title="差评核实整改"
      extra={<span class="muted">{signedIn ? '已登录，可办理' : '主任登录后可核实整改'}</span>}
    >
      {list.length === 0 ? (
        <div class="empty">暂无待整改的差评</div>
      ) : (
        <ul class="follow-ups">
          {list.map((f) => (
            <FollowUpItem key={f.id} followUp={f} snapshot={snapshot} now={now} signedIn={signedIn} />
          ))}
        </ul>
      )}
    </Card>
  )
}

function FollowUpItem(props: {
  followUp: FollowUpView
  snapshot: HallSnapshot
  now: number
  signedIn: boolean
}) {
  const { followUp: f, snapshot, now } = props
  const overdue = isOverdue(f, now)
  const window = snapshot.windows.find((w) => w.id === f.windowId)
  const staff = staffOfWindow(window, f.staffNo)
  return (
    <li class={`follow-up${overdue ? ' is-overdue' : ''}`} data-follow-up={f.id}>
      <div class="follow-up__head">
        <span class="chip chip--bad">{RATING_LABELS[f.level]}</span>
        <span class="strong">{window?.name ?? f.windowId}</span>
        <span>
          {staff?.name ?? ''} 工号 {f.staffNo}
        </span>
        <span class="chip chip--paused">{FOLLOW_UP_STATUS_LABELS[f.status]}</span>
        <span class={`follow-up__due${overdue ? ' is-overdue' : ''}`}>
          {deadlineLabel(f.deadline, now)}（{hallDateTime(f.deadline, snapshot.hall.utcOffsetMinutes)}前）
        </span>
      </div>
      <div class="follow-up__body">
        原因：{f.reasons.map(reasonLabel).join('、') || '—'}
        {f.comment && <span>；留言：{f.comment}</span>}
        <span class="muted"> · 办件 {f.caseId}</span>
      </div>
      {f.finding && (
        <div class="follow-up__body">
          核实：{f.finding}（{f.reasonable ? '诉求属实' : '诉求不合理'}）
        </div>
      )}
      {props.signedIn && <FollowUpActionsForm followUp={f} />}
    </li>
  )
}
