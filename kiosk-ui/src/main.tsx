import { connectHall, followHall, hallApi } from '@hall/client'
import { effect, signal } from '@preact/signals'
import { render } from 'preact'
import { App } from './app'
import { SetupScreen } from './components/setup-screen'
import { lockDown } from './lockdown'
import { parseBootParams, settleCredentials, TOKEN_KEY } from './logic/boot-params'
import { DEFAULT_IDLE_MS } from './logic/idle'
import { createPrompter } from './net/audio'
import { type Stores, StoresContext } from './store/context'
import { createHallStore } from './store/hall-store'
import { createIdleView } from './store/idle-view'
import { createKioskActions } from './store/kiosk-actions'
import { createPrefsStore } from './store/prefs-store'
import { createSessionStore } from './store/session-store'
import './styles/index.css'

/** Wires the stores, the hall server link and the page's lock-down, then renders the kiosk. */

const root = document.getElementById('app') as HTMLElement
const params = parseBootParams(location.href)
if (params.cleanUrl !== null) history.replaceState(null, '', params.cleanUrl)
const { token, pin } = settleCredentials(params, localStorage)
const techOpen = signal(false)
lockDown(window, () => {
  techOpen.value = true
})

if (token === null) {
  render(<SetupScreen reason="missing" />, root)
} else {
  const hall = createHallStore()
  const session = createSessionStore()
  const prefs = createPrefsStore(localStorage)
  const api = hallApi({ token: () => token })
  const prompter = createPrompter(api, () => prefs.voice.value)
  const actions = createKioskActions({ api, hall, session, prompt: (key) => prompter.play(key) })
  const idle = createIdleView(params.idleMs ?? DEFAULT_IDLE_MS, () => {
    if (session.screen.value !== 'home' || session.card.value !== null) {
      prompter.stop()
      session.reset()
    }
  })
  const stores: Stores = {
    hall,
    session,
    prefs,
    actions,
    prompter,
    idle,
    tech: {
      pin,
      open: techOpen,
      forgetToken() {
        localStorage.removeItem(TOKEN_KEY)
        location.replace(location.pathname)
      },
      reload() {
        location.reload()
      },
    },
  }
  for (const type of ['pointerdown', 'keydown', 'touchstart']) {
    document.addEventListener(type, () => idle.touch(), { capture: true, passive: true })
  }
  effect(() => {
    document.documentElement.classList.toggle('care', prefs.care.value)
  })
  const link = connectHall({
    token,
    transports: ['websocket', 'polling'],
    reconnect: { maxDelayMs: 4000, unauthorizedDelayMs: 8000 },
    timeoutMs: 5000,
    onChange(change) {
      hall.link.value = change.status
      if (change.status === 'online') {
        api('whoAmI')
          .then((me) => {
            hall.me.value = me
          })
          .catch(() => undefined)
      }
    },
  })
  hall.follow(followHall(link))
  link.socket.on('cardRead', (card) => {
    idle.touch()
    actions.cardRead(card)
  })
  link.socket.on('scan', (scan) => {
    idle.touch()
    actions.scan(scan.code)
  })
  link.socket.on('printOutcome', (outcome) => session.print.report(outcome))
  render(
    <StoresContext.Provider value={stores}>
      <App />
    </StoresContext.Provider>,
    root,
  )
}
