import { boot } from '../../app/boot'
import { errorCode, errorText, hallApi } from '../../net/api'
import { pageValue } from '../../net/device-token'
import { createCaseForm } from '../../store/case-form'
import { createConsoleStore } from '../../store/console-store'
import { createSessionStore } from '../../store/session-store'
import { CaseFormContext, ConsoleContext, SessionContext } from './counter-context'
import { CounterPage } from './counter-page'
import './counter.css'
import './work-area.css'

boot('counter', (env) => {
  const session = createSessionStore({
    deviceApi: env.api,
    staffApi: hallApi(() => session.token()),
    kept: pageValue('counter', 'session'),
    errorText,
    errorCode,
  })
  const staffApi = hallApi(() => session.token())
  const desk = createConsoleStore({
    api: staffApi,
    windowId: () => session.session.peek()?.windowId ?? env.hall.principal.peek()?.windowId ?? null,
    printOutcomes: env.hall.printOutcomes,
    onUnauthorized: (message) => session.expire(message),
    errorText,
    errorCode,
  })
  const caseForm = createCaseForm({ api: staffApi, errorText })
  void session.restore()
  return (
    <SessionContext.Provider value={session}>
      <ConsoleContext.Provider value={desk}>
        <CaseFormContext.Provider value={caseForm}>
          <CounterPage />
        </CaseFormContext.Provider>
      </ConsoleContext.Provider>
    </SessionContext.Provider>
  )
})
