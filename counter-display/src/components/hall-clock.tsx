import { hallDate, hallTime } from '@hall/domain'
import { useHall } from '../store/context'

/** The hall's date and time, from the server's clock as estimated here. */
export function HallClock({ seconds = true, date = true }: { seconds?: boolean; date?: boolean }) {
  const hall = useHall()
  const offset = hall.snapshot.value?.hall.utcOffsetMinutes ?? 480
  const now = hall.now.value
  return (
    <div class="hall-clock">
      {date && <span class="hall-clock__date">{hallDate(now, offset)}</span>}
      <span class="hall-clock__time">{hallTime(now, offset, seconds)}</span>
    </div>
  )
}
