import { type ApiClient, connectHall, errorCode, followHall, hallApi } from '@hall/client'
import { type ComponentChildren, render } from 'preact'
import { ConnectionBanner } from '../components/connection-banner'
import { SetupMessage } from '../components/setup-message'
import { markReceived, paintMarks } from '../lib/paint-marks'
import { deviceToken, type PageName } from '../net/device-token'
import { HallContext, useHall } from '../store/context'
import { callKey, createHallStore, type HallStore } from '../store/hall-store'
import { exposeForTests } from './test-hooks'
import '../styles/base.css'

/**
 * Starts a screen: its device token (or the setup message without one), the hall store fed by the
 * live link, who this device is, and the page itself behind a gate that shows only a setup or
 * connecting message until the hall's state is here.
 */

export interface ScreenEnv {
  page: PageName
  token: string
  api: ApiClient
  hall: HallStore
}

const IDENTIFY_RETRY_MS = 3000

export function boot(page: PageName, app: (env: ScreenEnv) => ComponentChildren): ScreenEnv | null {
  const root = document.getElementById('app') as HTMLElement
  const token = deviceToken(page)
  if (!token) {
    render(<SetupMessage page={page} problem="missing" />, root)
    return null
  }
  const hall = createHallStore()
  const api = hallApi({ token: () => token })
  let identifying = false

  const identify = async () => {
    if (identifying || hall.principal.peek() !== null) return
    identifying = true
    try {
      hall.principal.value = await api('whoAmI')
    } catch (error) {
      if (errorCode(error) !== 'UNAUTHORIZED') setTimeout(() => void identify(), IDENTIFY_RETRY_MS)
    } finally {
      identifying = false
    }
  }

  const link = connectHall({
    token,
    reconnect: { maxDelayMs: 3000 },
    onChange(change) {
      hall.setLink(change.status)
      if (change.status === 'online') void identify()
    },
  })
  const follower = followHall(link)
  follower.subscribe((update) => {
    if (update.kind !== 'delta') return
    for (const change of update.delta.changes) if (change.kind === 'call') markReceived(callKey(change.call))
  })
  hall.follow(follower)
  link.socket.on('printOutcome', hall.receivePrintOutcome)
  setInterval(hall.tick, 1000)
  const env: ScreenEnv = { page, token, api, hall }
  exposeForTests({ page, hall, paintMarks })
  render(
    <HallContext.Provider value={hall}>
      <Gate page={page}>{app(env)}</Gate>
    </HallContext.Provider>,
    root,
  )
  return env
}

function Gate({ page, children }: { page: PageName; children: ComponentChildren }) {
  const hall = useHall()
  if (hall.link.value === 'unauthorized') return <SetupMessage page={page} problem="refused" />
  if (hall.snapshot.value === null) return <SetupMessage page={page} problem="connecting" />
  return (
    <>
      <ConnectionBanner />
      {children}
    </>
  )
}
