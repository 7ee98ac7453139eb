import type { CardReadView } from '@hall/protocol'
import { classifyScan } from '../logic/scan-codes'
import type { ActionDeps } from './kiosk-actions'
import type { KioskCalls } from './kiosk-calls'
import type { Screen } from './session-store'

/** What the terminal's card reader and scanner do, depending on the screen the citizen is on. */
export function createKioskDevices({ session, prompt }: ActionDeps, calls: KioskCalls) {
  return {
    /** A card on the reader: what it does depends on the screen. */
    cardRead(card: CardReadView) {
      session.card.value = card
      prompt('card')
      const screen: Screen = session.screen.value
      if (screen === 'checkIn') void calls.checkIn({ cardReadId: card.readId })
      else if (screen === 'progress') void calls.lookupCases({ cardReadId: card.readId })
      else if (screen === 'home' || screen === 'ticket' || screen === 'ticketStatus') {
        if (screen !== 'home') session.reset()
        session.card.value = card
        session.go('card')
      }
      // On the choosing screens the card simply joins the ticket about to be taken.
    },

    /** A code from the scanner: appointments check in, receipts show progress, tickets their place. */
    scan(raw: string) {
      const code = classifyScan(raw)
      // A scan on a finished visit's screen starts a new visit.
      if (session.screen.value === 'ticket' || session.screen.value === 'ticketStatus') session.reset()
      switch (code.kind) {
        case 'appointment':
          if (session.screen.value !== 'checkIn') session.go('checkIn')
          void calls.checkIn({ code: code.code })
          break
        case 'case':
          if (session.screen.value !== 'progress') session.go('progress')
          void calls.lookupCases({ ref: code.ref })
          break
        case 'ticket':
          void calls.showTicketStatus(code.ticketId)
          break
        case 'unknown':
          session.error.value = '无法识别这个二维码。请扫描预约码、受理凭证或排队号票上的二维码。'
          break
      }
    },
  }
}
