import { RATING_LABELS, RATING_LEVELS } from '@hall/protocol'
import { satisfaction } from '../../lib/figures'
import { percentLabel } from '../../lib/format'
import { Card } from './card'

/** Today's 好差评: share of 非常满意 + 满意 among the rated, counts per level, and 未评价. */
export function SatisfactionCard({ ratings }: { ratings: Record<string, number> }) {
  const s = satisfaction(ratings)
  const most = Math.max(1, ...RATING_LEVELS.map((l) => s.counts[l]))
  return (
    <Card title="今日满意度">
      <div class="satisfaction">
        <div class="satisfaction__share">
          <div class="satisfaction__big num" data-share>
            {percentLabel(s.share)}
          </div>
          <div class="muted">
            满意率（非常满意+满意）
            <br />
            已评价 <b class="num">{s.rated}</b> 件 · 未评价{' '}
            <b class="num" data-unrated>
              {s.unrated}
            </b>{' '}
            件
          </div>
        </div>
        <ul class="satisfaction__bars">
          {RATING_LEVELS.map((level) => (
            <li key={level} data-level={level}>
              <span class="satisfaction__label">{RATING_LABELS[level]}</span>
              <span class="satisfaction__track">
                <span
                  class={`satisfaction__bar satisfaction__bar--${level}`}
                  style={{ width: `${(s.counts[level] / most) * 100}%` }}
                />
              </span>
              <span class="satisfaction__count num">{s.counts[level]}</span>
            </li>
          ))}
        </ul>
      </div>
    </Card>
  )
}
