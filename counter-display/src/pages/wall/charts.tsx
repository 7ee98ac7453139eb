import { hallTime, hourOfDay } from '@hall/domain'
import type { HallSnapshot } from '@hall/protocol'
import { useMemo } from 'preact/hooks'
import uPlot from 'uplot'
import { hourlySeries } from '../../lib/figures'
import { Card } from './card'
import { UplotChart } from './uplot-chart'
import { useWall } from './wall-context'

const AXIS = {
  stroke: '#6f6866',
  grid: { stroke: '#efe6e2', width: 1 },
  ticks: { stroke: '#e5d9d4', width: 1 },
}
const QUEUE_COLORS = ['#b3261e', '#e08a00', '#1f7a3a', '#1d5fa8', '#7b3fa0', '#00838f', '#6d4c41']

/** Tickets issued per hour today (the server's issuedByHour). */
export function HourlyChart({ snapshot, now }: { snapshot: HallSnapshot; now: number }) {
  const { hours, counts } = hourlySeries(
    snapshot.stats.issuedByHour,
    hourOfDay(now, snapshot.hall.utcOffsetMinutes),
  )
  const data = useMemo<uPlot.AlignedData>(() => [hours, counts], [hours.join(), counts.join()])
  return (
    <Card title="今日分时段取号">
      <UplotChart
        label="今日每小时取号数"
        configKey="hourly"
        data={data}
        options={() => ({
          legend: { show: false },
          cursor: { show: false },
          scales: {
            x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] },
            y: { range: (_u, _min, max) => [0, Math.max(5, Math.ceil(max * 1.15))] },
          },
          axes: [
            {
              ...AXIS,
              values: (_u, splits) => splits.map((h) => (Number.isInteger(h) ? `${h}时` : '')),
              space: 34,
            },
            {
              ...AXIS,
              size: 40,
              values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')),
            },
          ],
          series: [
            {},
            {
              label: '取号',
              stroke: '#9e1b1e',
              fill: 'rgba(179, 38, 30, 0.75)',
              width: 1,
              paths: uPlot.paths.bars?.({ size: [0.7, 48] }),
              points: { show: false },
            },
          ],
        })}
      />
    </Card>
  )
}

/** Waiting per queue today: the server's history, then the wall's live samples. */
export function TrendChart({ offsetMinutes }: { offsetMinutes: number }) {
  const trend = useWall().trend.value
  const data = useMemo<uPlot.AlignedData>(() => [trend.times, ...trend.counts], [trend])
  return (
    <Card title="等候人数走势" extra={<span class="muted">今日每5分钟，最近一小时每15秒</span>}>
      <UplotChart
        label="各业务等候人数走势"
        configKey={`trend:${trend.names.join()}:${offsetMinutes}`}
        data={data}
        options={() => ({
          legend: { show: true, live: false },
          cursor: { show: false },
          scales: {
            // At least the last half hour, so the first samples do not stretch over the axis.
            x: { time: true, range: (_u, min, max) => [Math.min(min, max - 1800), max + 30] },
            y: { range: (_u, _min, max) => [0, Math.max(5, Math.ceil(max * 1.2))] },
          },
          axes: [
            // The hall's clock, whatever the browser's zone; ticks on whole minutes.
            {
              ...AXIS,
              space: 70,
              incrs: [60, 300, 600, 900, 1800, 3600],
              values: (_u, splits) => splits.map((s) => hallTime(s * 1000, offsetMinutes, false)),
            },
            {
              ...AXIS,
              size: 40,
              values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')),
            },
          ],
          series: [
            { label: '时间' },
            ...trend.names.map((name, i) => ({
              label: name,
              stroke: QUEUE_COLORS[i % QUEUE_COLORS.length] as string,
              width: 2,
              // A line needs two samples: until then, show the one there is as a dot.
              points: { show: (u: uPlot) => (u.data[0]?.length ?? 0) < 2 },
            })),
          ],
        })}
      />
    </Card>
  )
}
