import type { ServiceSummary } from '@hall/protocol'
import type { ActionDeps } from './kiosk-actions'
import type { KioskCalls } from './kiosk-calls'

/** Where a citizen's visit goes on the screen: the home buttons, and choosing what to take a number for. */
export function createKioskVisits({ hall, session, prompt }: ActionDeps, calls: KioskCalls) {
  const visits = {
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
      void calls.search('')
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
      if (card) void calls.checkIn({ cardReadId: card.readId })
    },
    startProgress() {
      session.query.value = ''
      session.cases.value = null
      session.go('progress')
      prompt('scan')
      const card = session.liveCard.value
      if (card) void calls.lookupCases({ cardReadId: card.readId })
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
        void calls.openGuide(service.id)
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
    /** Take a number for the service whose guide is open. */
    takeNumberForGuide() {
      const guide = session.guide.value
      if (!guide) return
      session.purpose.value = 'ticket'
      visits.chooseService(guide)
    },
  }
  return visits
}
