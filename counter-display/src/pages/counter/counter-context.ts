import type { CaseForm } from '../../store/case-form'
import type { ConsoleStore } from '../../store/console-store'
import { storeContext } from '../../store/context'
import type { PendingCases } from '../../store/pending-cases'
import type { SessionStore } from '../../store/session-store'

export const [SessionContext, useSession] = storeContext<SessionStore>('SessionStore')
export const [ConsoleContext, useConsole] = storeContext<ConsoleStore>('ConsoleStore')
export const [CaseFormContext, useCaseForm] = storeContext<CaseForm>('CaseForm')
export const [PendingContext, usePending] = storeContext<PendingCases>('PendingCases')
