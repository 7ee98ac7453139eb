import type {
  AppointmentView,
  CardReadView,
  CaseView,
  IssuedTicket,
  ServiceGuide,
  ServiceSummary,
  TicketStatusView,
} from '@hall/protocol'
import { computed, signal } from '@preact/signals'
import { createPrintTracker } from './print-tracker'

/**
 * One citizen's visit to the kiosk: which screen is shown, the card they swiped, what they chose,
 * and what the server answered. `reset()` forgets all of it — after a finished flow, on the home
 * button, and after the idle timeout — so the next person never sees the last one's data.
 */

export const SCREENS = [
  'home',
  'card',
  'categories',
  'search',
  'confirm',
  'ticket',
  'checkIn',
  'guides',
  'guide',
  'progress',
  'ticketStatus',
] as const
export type Screen = (typeof SCREENS)[number]

export type SearchPurpose = 'ticket' | 'guide'

export interface Choice {
  queueId: string
  queueName: string
  service: ServiceSummary | null
}

export interface IssuedResult {
  issued: IssuedTicket
  appointment: AppointmentView | null
}

export function createSessionStore(clock: () => number = Date.now) {
  const screen = signal<Screen>('home')
  const history = signal<Screen[]>([])
  const card = signal<CardReadView | null>(null)
  const choice = signal<Choice | null>(null)
  const purpose = signal<SearchPurpose>('ticket')
  const query = signal('')
  const results = signal<ServiceSummary[] | null>(null)
  const guide = signal<ServiceGuide | null>(null)
  const issued = signal<IssuedResult | null>(null)
  const cases = signal<CaseView[] | null>(null)
  const ticketStatus = signal<TicketStatusView | null>(null)
  const busy = signal(false)
  const error = signal<string | null>(null)
  const notice = signal<string | null>(null)
  const print = createPrintTracker()

  /** A card read is good until the server's expiry; an expired one is dropped when looked at. */
  const liveCard = computed(() => {
    const held = card.value
    return held && held.expiresAt > clock() ? held : null
  })

  return {
    screen,
    history,
    card,
    liveCard,
    choice,
    purpose,
    query,
    results,
    guide,
    issued,
    cases,
    ticketStatus,
    busy,
    error,
    notice,
    print,
    go(next: Screen) {
      if (next === screen.value) return
      error.value = null
      notice.value = null
      history.value = next === 'home' ? [] : [...history.value, screen.value]
      screen.value = next
    },
    back() {
      const stack = history.value
      error.value = null
      notice.value = null
      screen.value = stack[stack.length - 1] ?? 'home'
      history.value = stack.slice(0, -1)
    },
    reset() {
      screen.value = 'home'
      history.value = []
      card.value = null
      choice.value = null
      purpose.value = 'ticket'
      query.value = ''
      results.value = null
      guide.value = null
      issued.value = null
      cases.value = null
      ticketStatus.value = null
      busy.value = false
      error.value = null
      notice.value = null
      print.clear()
    },
  }
}

export type SessionStore = ReturnType<typeof createSessionStore>
