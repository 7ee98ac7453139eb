import { type ApiClient, errorCode, errorText } from '@hall/client'
import type { CardReadView, KioskPromptKey, ServiceSummary } from '@hall/protocol'
import { classifyScan } from '../logic/scan-codes'
import { createLatest } from '../logic/search-input'
import type { HallStore } from './hall-store'
import type { IssuedResult, Screen, SessionStore } from './session-store'

/**
 * What the kiosk does when a citizen acts: every call to the hall server, and where each answer
 * leads. Only an answer from the server puts a number on the screen — a failed or unanswered
 * request shows its reason and never a guessed ticket.
 */

export interface ActionDeps {
  api: ApiClient
  hall: HallStore
  session: SessionStore
  prompt: (key: KioskPromptKey) => void
  /** How long to wait for the printer's report before telling the citizen to note the number. */
  printWaitMs?: number
  schedule?: (fn: () => void, ms: number) => void
}

const SEARCH_LIMIT = 60

/** Citizens see the server's sentence, without the technical details of a refused form. */
const messageOf = (error: unknown) =>
  errorText(error, { details: false, fallback: '系统暂时出现问题，请稍后再试或请工作人员帮助。' })

export function createKioskActions(deps: ActionDeps) {
  const { api, hall, session, prompt } = deps
  const schedule = deps.schedule ?? ((fn, ms) => void setTimeout(fn, ms))
  const printWaitMs = deps.printWaitMs ?? 12_000
  const searches = createLatest()

  /** Runs one request with the busy flag and a plain-words error; returns null on failure. */
  async function request<T>(work: () => Promise<T>): Promise<T | null> {
    if (session.busy.value) return null
    session.busy.value = true
    session.error.value = null
    try {
      return await work()
    } catch (error) {
      const code = errorCode(error)
      if (code === 'CARD_READ_EXPIRED') session.card.value = null
      if (code === 'OFFLINE') prompt('offline')
      session.error.value = messageOf(error)
      return null
    } finally {
      session.busy.value = false
    }
  }

  function showTicket(result: IssuedResult) {
    session.issued.value = result
    session.print.start(result.issued.print)
    const { print } = result.issued
    if (print.status === 'queued' && print.jobId !== null) {
      const jobId = print.jobId
      schedule(() => session.print.expire(jobId), printWaitMs)
    }
    session.go('ticket')
    prompt(print.status === 'queued' ? 'printed' : 'printFailed')
  }

  const actions = {
    startTakeNumber() {
      session.purpose.value = 'ticket'
      session.go('categories')
      prompt('choose')
    },
    startGuides() {
      session.purpose.value = 'guide'
      session.query.value = ''
      session.results.value = null
      session.go('guides')
      void actions.search('')
    },
    startSearch() {
      session.purpose.value = 'ticket'
      session.query.value = ''
      session.results.value = null
      session.go('search')
    },
    startCheckIn() {
      session.query.value = ''
      session.go('checkIn')
      prompt('scan')
      const card = session.liveCard.value
      if (card) void actions.checkIn({ cardReadId: card.readId })
    },
    startProgress() {
      session.query.value = ''
      session.cases.value = null
      session.go('progress')
      prompt('scan')
      const card = session.liveCard.value
      if (card) void actions.lookupCases({ cardReadId: card.readId })
    },

    chooseQueue(queueId: string) {
      const queue = hall.queue(queueId)
      if (!queue) return
      session.choice.value = { queueId, queueName: queue.name, service: null }
      session.go('confirm')
      prompt('confirm')
    },
    chooseService(service: ServiceSummary) {
      if (session.purpose.value === 'guide') {
        void actions.openGuide(service.id)
        return
      }
      const queue = service.queueId ? hall.queue(service.queueId) : null
      if (!queue) {
        session.error.value = '这个事项没有对应的取号业务，请到咨询台或综合窗口咨询。'
        return
      }
      session.choice.value = { queueId: queue.id, queueName: queue.name, service }
      session.go('confirm')
      prompt('confirm')
    },

    async issue() {
      const choice = session.choice.value
      if (!choice) return
      const card = session.liveCard.value
      const issued = await request(() =>
        api('issueTicket', {
          body: {
            queueId: choice.queueId,
            ...(choice.service ? { serviceItemId: choice.service.id } : {}),
            ...(card ? { cardReadId: card.readId } : {}),
          },
        }),
      )
      if (issued) showTicket({ issued, appointment: null })
    },

    async checkIn(input: { code: string } | { cardReadId: string }) {
      const checked = await request(() => api('checkInAppointment', { body: input }))
      if (!checked) return
      const { appointment, ...issued } = checked
      showTicket({ issued, appointment })
    },

    async lookupCases(input: { ref: string } | { cardReadId: string }) {
      session.cases.value = null
      const found = await request(() => api('lookupCases', { query: input }))
      if (found) session.cases.value = found
    },

    async showTicketStatus(ticketId: string) {
      const found = await request(() => api('getTicket', { params: { ticketId } }))
      if (!found) return
      session.ticketStatus.value = found
      session.go('ticketStatus')
    },

    async search(text: string) {
      session.query.value = text
      const token = searches.next()
      try {
        const found = await api('searchServices', { query: { q: text, limit: SEARCH_LIMIT } })
        if (!searches.isLatest(token)) return
        session.results.value = found
        session.error.value = null
      } catch (error) {
        if (searches.isLatest(token)) session.error.value = messageOf(error)
      }
    },

    async openGuide(serviceId: string) {
      const guide = await request(() => api('getService', { params: { serviceId } }))
      if (!guide) return
      session.guide.value = guide
      session.print.clear()
      session.go('guide')
    },

    async printGuide(materialsOnly: boolean) {
      const guide = session.guide.value
      if (!guide) return
      const outcome = await request(() =>
        api('printGuide', { params: { serviceId: guide.id }, body: { materialsOnly } }),
      )
      if (!outcome) return
      session.print.start(outcome)
      if (outcome.status === 'queued' && outcome.jobId !== null) {
        const jobId = outcome.jobId
        schedule(() => session.print.expire(jobId), printWaitMs)
      }
    },

    /** Take a number for the service whose guide is open. */
    takeNumberForGuide() {
      const guide = session.guide.value
      if (!guide) return
      session.purpose.value = 'ticket'
      actions.chooseService(guide)
    },

    /** A card on the reader: what it does depends on the screen. */
    cardRead(card: CardReadView) {
      session.card.value = card
      prompt('card')
      const screen: Screen = session.screen.value
      if (screen === 'checkIn') void actions.checkIn({ cardReadId: card.readId })
      else if (screen === 'progress') void actions.lookupCases({ cardReadId: card.readId })
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
          void actions.checkIn({ code: code.code })
          break
        case 'case':
          if (session.screen.value !== 'progress') session.go('progress')
          void actions.lookupCases({ ref: code.ref })
          break
        case 'ticket':
          void actions.showTicketStatus(code.ticketId)
          break
        case 'unknown':
          session.error.value = '无法识别这个二维码。请扫描预约码、受理凭证或排队号票上的二维码。'
          break
      }
    },
  }
  return actions
}

export type KioskActions = ReturnType<typeof createKioskActions>
