import type { Announcer } from '../../store/announcer'
import { storeContext } from '../../store/context'

export const [AnnouncerContext, useAnnouncer] = storeContext<Announcer>('Announcer')
