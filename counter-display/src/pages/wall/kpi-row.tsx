import type { HallSnapshot } from '@hall/protocol'
import { averageServiceSec, averageWaitSec, satisfaction } from '../../lib/figures'
import { durationLabel, percentLabel } from '../../lib/format'

/** Today's headline figures. */
export function KpiRow({ snapshot }: { snapshot: HallSnapshot }) {
  const stats = snapshot.stats
  const waiting = snapshot.queues.reduce((sum, q) => sum + q.waiting, 0)
  const figures: [string, string, string?][] = [
    ['今日取号', String(stats.issued)],
    ['当前等候', String(waiting)],
    ['已办结', String(stats.served), `过号 ${stats.noShow}`],
    ['平均等候', durationLabel(averageWaitSec(stats))],
    ['平均办理', durationLabel(averageServiceSec(stats))],
    ['今日办件', String(stats.cases)],
    ['满意率', percentLabel(satisfaction(stats.ratings).share)],
  ]
  return (
    <div class="kpis">
      {figures.map(([label, value, note]) => (
        <div key={label} class="kpi" data-kpi={label}>
          <div class="kpi__label">{label}</div>
          <div class="kpi__value num">{value}</div>
          {note && <div class="kpi__note">{note}</div>}
        </div>
      ))}
    </div>
  )
}
