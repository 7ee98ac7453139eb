import { errorCode, errorText, hallApi } from '@hall/client'
import { computed } from '@preact/signals'
import { boot } from '../../app/boot'
import { pageValue } from '../../net/device-token'
import { createCaseForm } from '../../store/case-form'
import { createConsoleStore } from '../../store/console-store'
import { createPendingCases } from '../../store/pending-cases'
import { createSessionStore } from '../../store/session-store'
import { CaseFormContext, ConsoleContext, PendingContext, SessionContext } from './counter-context'
import { CounterPage } from './counter-page'
import './counter.css'
import './work-area.css'

boot('counter', (env) => {
  const session = createSessionStore({
    deviceApi: env.api,
    staffApi: hallApi({ token: () => session.token() }),
    kept: pageValue('counter', 'session'),
    errorText,
    errorCode,
  })
  const staffApi = hallApi({ token: () => session.token() })
  const desk = createConsoleStore({
    api: staffApi,
    windowId: () => session.session.peek()?.windowId ?? env.hall.principal.peek()?.windowId ?? null,
    printOutcomes: env.hall.printOutcomes,
    onUnauthorized: (message) => session.expire(message),
    errorText,
    errorCode,
  })
  const caseForm = createCaseForm({ api: staffApi, errorText })
  const pending = createPendingCases({
    deviceApi: staffApi,
    staffApi,
    errorText,
    errorCode,
    onUnauthorized: (message) => session.expire(message),
    canRead: () => session.token() !== null,
    // Read again on sign-in and whenever a case is finished in the hall.
    finished: computed(() => `${session.session.value?.token}:${env.hall.snapshot.value?.stats.cases}`),
  })
  pending.start()
  void session.restore()
  return (
    <SessionContext.Provider value={session}>
      <ConsoleContext.Provider value={desk}>
        <CaseFormContext.Provider value={caseForm}>
          <PendingContext.Provider value={pending}>
            <CounterPage />
          </PendingContext.Provider>
        </CaseFormContext.Provider>
      </ConsoleContext.Provider>
    </SessionContext.Provider>
  )
})
