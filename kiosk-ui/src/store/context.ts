import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { Prompter } from '../net/audio'
import type { HallStore } from './hall-store'
import type { IdleView } from './idle-view'
import type { KioskActions } from './kiosk-actions'
import type { PrefsStore } from './prefs-store'
import type { SessionStore } from './session-store'

/** Everything the screens read and call, provided once at the root (house style: stores in context). */
export interface Stores {
  hall: HallStore
  session: SessionStore
  prefs: PrefsStore
  actions: KioskActions
  prompter: Prompter
  idle: IdleView
  tech: TechStore
}

export interface TechStore {
  pin: string
  open: { value: boolean }
  /** Forgets the device token and shows the setup screen. */
  forgetToken(): void
  reload(): void
}

export const StoresContext = createContext<Stores | null>(null)

export function useStores(): Stores {
  const stores = useContext(StoresContext)
  if (!stores) throw new Error('StoresContext is not provided')
  return stores
}
