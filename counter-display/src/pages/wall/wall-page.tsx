import type { HallSnapshot } from '@hall/protocol'
import { useHall } from '../../store/context'
import { AlarmList } from './alarm-list'
import { HourlyChart, TrendChart } from './charts'
import { DeviceList } from './device-list'
import { FollowUpList } from './follow-up-list'
import { KpiRow } from './kpi-row'
import { ManagerBar } from './manager-bar'
import { PendingList } from './pending-list'
import { QueueTable } from './queue-table'
import { SatisfactionCard } from './satisfaction-card'
import { WindowTable } from './window-table'

/** The managers' wall: the hall today at a glance, and the bad ratings to follow up. */
export function WallPage() {
  const hall = useHall()
  const snapshot = hall.snapshot.value as HallSnapshot
  const now = hall.now.value
  return (
    <div class="wall">
      <ManagerBar name={snapshot.hall.name} />
      <KpiRow snapshot={snapshot} />
      <main class="wall__grid">
        <section class="wall__col">
          <QueueTable queues={snapshot.queues} now={now} />
          <WindowTable snapshot={snapshot} />
        </section>
        <section class="wall__col">
          <SatisfactionCard ratings={snapshot.stats.ratings} />
          <FollowUpList snapshot={snapshot} now={now} />
          <PendingList snapshot={snapshot} />
        </section>
        <section class="wall__col">
          <HourlyChart snapshot={snapshot} now={now} />
          <TrendChart offsetMinutes={snapshot.hall.utcOffsetMinutes} />
          <AlarmList snapshot={snapshot} />
          <DeviceList snapshot={snapshot} />
        </section>
      </main>
    </div>
  )
}
