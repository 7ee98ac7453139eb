import { errorCode, errorText } from '@hall/client'
import type { PrintOutcome } from '@hall/protocol'
import { createLatest } from '../logic/search-input'
import type { ActionDeps } from './kiosk-actions'
import type { IssuedResult } from './session-store'

/**
 * The kiosk's calls to the hall server and where each answer leads. Only an answer from the
 * server puts a number on the screen: a failed or unanswered request shows its reason (in the
 * server's words) and never a guessed ticket.
 */

const SEARCH_LIMIT = 60

/** Citizens see the server's sentence, without the technical details of a refused form. */
const messageOf = (error: unknown) =>
  errorText(error, { details: false, fallback: '系统暂时出现问题，请稍后再试或请工作人员帮助。' })

export function createKioskCalls(deps: ActionDeps) {
  const { api, session, prompt } = deps
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

  /** Follows a print job; without the printer's report in time, the citizen is told to note the number. */
  function trackPrint(print: PrintOutcome) {
    session.print.start(print)
    if (print.status === 'queued' && print.jobId !== null) {
      const jobId = print.jobId
      schedule(() => session.print.expire(jobId), printWaitMs)
    }
  }

  function showTicket(result: IssuedResult) {
    session.issued.value = result
    const { print } = result.issued
    trackPrint(print)
    session.go('ticket')
    prompt(print.status === 'queued' ? 'printed' : 'printFailed')
  }

  return {
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
      if (outcome) trackPrint(outcome)
    },
  }
}

export type KioskCalls = ReturnType<typeof createKioskCalls>
