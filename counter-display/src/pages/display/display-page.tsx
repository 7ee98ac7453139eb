import { useEffect } from 'preact/hooks'
import { useHall } from '../../store/context'
import { useAnnouncer } from './announcer-context'
import { CallHero } from './call-hero'
import { DisplayHeader } from './display-header'
import { NoticeTicker } from './notice-ticker'
import { PausedWindows } from './paused-windows'
import { QueueBoard } from './queue-board'
import { RecentCalls } from './recent-calls'
import { StripLayout } from './strip-layout'

/** The hall's call display: a 16:9 TV layout, or a narrow LED-style strip (`?layout=strip`). */
export function DisplayPage({ layout, soundOn }: { layout: 'tv' | 'strip'; soundOn: boolean }) {
  const hall = useHall()
  const announcer = useAnnouncer()
  const snapshot = hall.snapshot.value
  // A click or tap anywhere lets the browser play sound if it refused to autoplay.
  useEffect(() => {
    const unblock = () => announcer.unblock()
    document.addEventListener('pointerdown', unblock)
    return () => document.removeEventListener('pointerdown', unblock)
  }, [announcer])
  if (!snapshot) return null
  if (layout === 'strip') {
    return (
      <div class="display display--strip">
        <StripLayout snapshot={snapshot} now={hall.now.value} />
      </div>
    )
  }
  return (
    <div class="display display--tv">
      <DisplayHeader name={snapshot.hall.name} soundOn={soundOn} />
      <main class="display__main">
        <section class="display__calls">
          <CallHero calls={snapshot.recentCalls} now={hall.now.value} />
          <RecentCalls calls={snapshot.recentCalls} now={hall.now.value} />
        </section>
        <aside class="display__side">
          <QueueBoard queues={snapshot.queues} />
          <PausedWindows snapshot={snapshot} />
        </aside>
      </main>
      <NoticeTicker
        notice={snapshot.hall.notice}
        phone={snapshot.hall.consultPhone}
        mode={snapshot.hall.mode}
      />
    </div>
  )
}
