import { errorCode, errorText, hallApi } from '@hall/client'
import { computed } from '@preact/signals'
import { boot } from '../../app/boot'
import { exposeForTests } from '../../app/test-hooks'
import { pageValue } from '../../net/device-token'
import { createFollowUpActions } from '../../store/follow-up-actions'
import { createLedgerExport, saveInBrowser } from '../../store/ledger-export'
import { createPendingCases } from '../../store/pending-cases'
import { createSessionStore } from '../../store/session-store'
import { createWaitingTrend } from '../../store/waiting-trend'
import { WallContext } from './wall-context'
import { WallPage } from './wall-page'
import 'uplot/dist/uPlot.min.css'
import './wall.css'

boot('wall', (env) => {
  const staffApi = hallApi({ token: () => session.token() })
  const session = createSessionStore({
    deviceApi: env.api,
    staffApi,
    kept: pageValue('wall', 'session'),
    errorText,
    errorCode,
  })
  const followUps = createFollowUpActions({
    api: staffApi,
    errorText,
    errorCode,
    onUnauthorized: (message) => session.expire(message),
  })
  const ledger = createLedgerExport({
    api: staffApi,
    errorText,
    errorCode,
    onUnauthorized: (message) => session.expire(message),
    save: saveInBrowser,
  })
  const pending = createPendingCases({
    deviceApi: env.api,
    staffApi,
    errorText,
    errorCode,
    onUnauthorized: (message) => session.expire(message),
    finished: computed(() => env.hall.snapshot.value?.stats.cases),
  })
  pending.start()
  const trend = createWaitingTrend(env.hall.snapshot, env.hall.now, () => env.api('getWaitingTrend'))
  trend.start()
  exposeForTests({ trend: () => trend.trend.peek() })
  void session.restore()
  return (
    <WallContext.Provider value={{ session, followUps, ledger, pending, trend: trend.trend }}>
      <WallPage />
    </WallContext.Provider>
  )
})
