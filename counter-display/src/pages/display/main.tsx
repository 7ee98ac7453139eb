import { boot } from '../../app/boot'
import { exposeForTests } from '../../app/test-hooks'
import { createAudioPlayer } from '../../lib/audio-element'
import { createCallAudioSource } from '../../net/call-audio'
import { createAnnouncer } from '../../store/announcer'
import { AnnouncerContext } from './announcer-context'
import { DisplayPage } from './display-page'
import './display.css'
import './strip.css'

const params = new URLSearchParams(location.search)
const layout = params.get('layout') === 'strip' ? 'strip' : 'tv'
const soundOn = params.get('sound') !== 'off'

boot('display', (env) => {
  const player = createAudioPlayer()
  const announcer = createAnnouncer(
    {
      load: createCallAudioSource(env.api),
      play: player.play,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      clock: Date.now,
    },
    {
      repeat: () => env.hall.snapshot.peek()?.hall.announceRepeat ?? 1,
      callClock: () => env.hall.now.peek(),
    },
  )
  if (soundOn) env.hall.onCall(announcer.enqueue)
  exposeForTests({ announcements: announcer.history, audio: player.stats, sound: announcer.state })
  return (
    <AnnouncerContext.Provider value={announcer}>
      <DisplayPage layout={layout} soundOn={soundOn} />
    </AnnouncerContext.Provider>
  )
})
