import type { FunctionComponent } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import type { Screen } from '../store/session-store'
import { HomePage } from './home-page'

/**
 * Screens other than the start are separate chunks, so the first screen renders with less script.
 * All of them are fetched right after the first render (`preloadAll`), so a kiosk that loses the
 * server afterwards still has every screen in memory.
 */

type Loader = () => Promise<FunctionComponent>

const LOADERS: Record<Exclude<Screen, 'home'>, Loader> = {
  card: () => import('./card-page').then((m) => m.CardPage),
  categories: () => import('./categories-page').then((m) => m.CategoriesPage),
  search: () => import('./search-page').then((m) => m.SearchPage),
  guides: () => import('./search-page').then((m) => m.SearchPage),
  confirm: () => import('./confirm-page').then((m) => m.ConfirmPage),
  ticket: () => import('./ticket-page').then((m) => m.TicketPage),
  checkIn: () => import('./check-in-page').then((m) => m.CheckInPage),
  guide: () => import('./guide-page').then((m) => m.GuidePage),
  progress: () => import('./progress-page').then((m) => m.ProgressPage),
  ticketStatus: () => import('./ticket-status-page').then((m) => m.TicketStatusPage),
}

const loaded = new Map<Screen, FunctionComponent>([['home', HomePage]])

async function load(screen: Screen): Promise<FunctionComponent> {
  const found = loaded.get(screen)
  if (found) return found
  const page = await LOADERS[screen as Exclude<Screen, 'home'>]()
  loaded.set(screen, page)
  return page
}

export function preloadAll(): void {
  for (const screen of Object.keys(LOADERS) as Screen[]) void load(screen).catch(() => undefined)
}

export function ScreenView(props: { screen: Screen }) {
  const [, setVersion] = useState(0)
  const [failed, setFailed] = useState(false)
  const Page = loaded.get(props.screen)
  useEffect(() => {
    if (Page) return
    setFailed(false)
    load(props.screen)
      .then(() => setVersion((v) => v + 1))
      .catch(() => setFailed(true))
  }, [props.screen, Page])
  if (Page)
    return (
      <div class="page" data-page={props.screen}>
        <Page />
      </div>
    )
  return <p class="empty">{failed ? '页面暂时无法打开，请返回首页后重试。' : '正在打开……'}</p>
}
