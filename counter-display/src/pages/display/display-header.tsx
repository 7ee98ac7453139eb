import { HallClock } from '../../components/hall-clock'
import { SoundBadge } from './sound-badge'

export function DisplayHeader({ name, soundOn }: { name: string; soundOn: boolean }) {
  return (
    <header class="display__header">
      <div class="display__emblem" aria-hidden="true">
        ★
      </div>
      <h1 class="display__name">{name}</h1>
      <SoundBadge soundOn={soundOn} />
      <HallClock />
    </header>
  )
}
