import { useEffect } from 'preact/hooks'
import { Footer } from './components/footer'
import { Header } from './components/header'
import { SetupScreen } from './components/setup-screen'
import { StatusBanner } from './components/status-banner'
import { TechnicianPanel } from './components/technician-panel'
import { preloadAll, ScreenView } from './pages/registry'
import { useStores } from './store/context'

export function App() {
  const { hall, session, tech } = useStores()
  useEffect(() => {
    const id = setTimeout(preloadAll, 300)
    return () => clearTimeout(id)
  }, [])
  if (hall.link.value === 'unauthorized') return <SetupScreen reason="rejected" />
  const screen = session.screen.value
  return (
    <div class="kiosk" data-screen={screen} data-link={hall.link.value}>
      <Header />
      <StatusBanner />
      <main class="content">
        <ScreenView screen={screen} />
      </main>
      {screen === 'home' ? null : <Footer />}
      {tech.open.value ? <TechnicianPanel /> : null}
    </div>
  )
}
