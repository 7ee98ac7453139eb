import { boot } from '../../app/boot'
import { errorCode, errorText, hallApi } from '../../net/api'
import { pageValue } from '../../net/device-token'
import { createFollowUpActions } from '../../store/follow-up-actions'
import { createSessionStore } from '../../store/session-store'
import { createWaitingTrend } from '../../store/waiting-trend'
import { WallContext } from './wall-context'
import { WallPage } from './wall-page'
import 'uplot/dist/uPlot.min.css'
import './wall.css'

boot('wall', (env) => {
  const staffApi = hallApi(() => session.token())
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
  const trend = createWaitingTrend(env.hall.snapshot, env.hall.now, () => env.api('getWaitingTrend'))
  trend.start()
  void session.restore()
  return (
    <WallContext.Provider value={{ session, followUps, trend: trend.trend }}>
      <WallPage />
    </WallContext.Provider>
  )
})
