import { errorCode, errorText } from '@hall/client'
import { boot } from '../../app/boot'
import { createPadFlow } from '../../store/pad-flow'
import { PadContext } from './pad-context'
import { PadPage } from './pad-page'
import './pad.css'

boot('pad', (env) => {
  const flow = createPadFlow({
    api: env.api,
    snapshot: env.hall.snapshot,
    now: env.hall.now,
    windowId: () => env.hall.principal.value?.windowId ?? null,
    errorText,
    errorCode,
  })
  return (
    <PadContext.Provider value={flow}>
      <PadPage />
    </PadContext.Provider>
  )
})
