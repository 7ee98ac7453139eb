import type { ReadonlySignal } from '@preact/signals'
import { storeContext } from '../../store/context'
import type { FollowUpActions } from '../../store/follow-up-actions'
import type { LedgerExport } from '../../store/ledger-export'
import type { PendingCases } from '../../store/pending-cases'
import type { SessionStore } from '../../store/session-store'
import type { WaitingTrend } from '../../store/waiting-trend'

export interface WallStores {
  session: SessionStore
  followUps: FollowUpActions
  ledger: LedgerExport
  pending: PendingCases
  trend: ReadonlySignal<WaitingTrend>
}

export const [WallContext, useWall] = storeContext<WallStores>('WallStores')
