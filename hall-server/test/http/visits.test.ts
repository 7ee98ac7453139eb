import { spawnSync } from 'node:child_process'
import t from 'tap'
import { pcmOfWav } from '../../src/hall/audio.js'
import { testHall } from '../helper.js'

const hasEspeak = spawnSync('sh', ['-c', 'command -v espeak-ng'], { stdio: 'ignore' }).status === 0

t.test('an appointment is booked, checked in once by its code, and gets appointment priority', async (t) => {
  const h = await testHall()
  t.teardown(() => h.close())
  const clerk = await h.signIn('counter-1', '1001')
  const kiosk = h.tokens['kiosk-1']!

  t.equal(
    (
      await h.call('createAppointment', kiosk, {
        body: { date: '2026-11-23', queueId: 'public', name: '李四' },
      })
    ).status,
    403,
  )
  const past = await h.call('createAppointment', clerk, {
    body: { date: '2026-11-20', queueId: 'public', name: '李四' },
  })
  t.equal(past.body.code, 'VALIDATION')
  const booked = await h.call('createAppointment', clerk, {
    body: {
      date: '2026-11-23',
      slot: '09:00-09:30',
      queueId: 'public',
      name: '李小四',
      idNumber: '370302199001011235',
    },
  })
  t.equal(booked.status, 201)
  t.match(booked.body.code, /^[A-HJ-NP-Z2-9]{8}$/)
  t.equal(booked.body.nameMasked, '李*四')
  t.equal(booked.body.idMasked, '370***********1235')

  await h.call('issueTicket', kiosk, { body: { queueId: 'public', print: false } })
  const checkedIn = await h.call('checkInAppointment', kiosk, {
    body: { code: `HALLAPPT:${booked.body.code}`, print: false },
  })
  t.equal(checkedIn.status, 201, JSON.stringify(checkedIn.body))
  t.equal(checkedIn.body.ticket.priority, 'appointment')
  t.equal(checkedIn.body.ticket.source, 'appointment')
  t.equal(checkedIn.body.peopleAhead, 0, 'appointment priority goes ahead of the normal ticket')
  t.equal(checkedIn.body.appointment.status, 'checked_in')
  t.equal(checkedIn.body.appointment.ticketId, checkedIn.body.ticket.id)
  const again = await h.call('checkInAppointment', kiosk, { body: { code: booked.body.code } })
  t.equal(again.body.code, 'APPOINTMENT_USED')
  t.equal(
    (await h.call('checkInAppointment', kiosk, { body: { code: 'NOSUCHCODE' } })).body.code,
    'APPOINTMENT_NOT_FOUND',
  )

  const tomorrow = await h.call('createAppointment', clerk, {
    body: { date: '2026-11-24', queueId: 'market', name: '王五' },
  })
  t.equal(
    (await h.call('checkInAppointment', kiosk, { body: { code: tomorrow.body.code } })).body.code,
    'APPOINTMENT_NOT_FOUND',
    'only today’s appointments check in',
  )
  const list = await h.call('listAppointments', clerk, { query: { date: '2026-11-23' } })
  t.equal(list.body.length, 1)
})

t.test('case progress by receipt QR and by ID card; guides print on the kiosk printer', async (t) => {
  const h = await testHall()
  t.teardown(() => h.close())
  const clerk = await h.signIn('counter-1', '1001')
  const kiosk = h.tokens['kiosk-1']!
  const card = h.hall.applicants.hold(
    {
      cardType: 'resident',
      name: '赵六',
      idNumber: '370302198001011237',
      gender: '男',
      birthDate: '1980-01-01',
    },
    'counter-1',
    '2026-11-23',
    70,
  )
  await h.call('issueTicket', kiosk, { body: { queueId: 'market', print: false } })
  await h.call('callNext', clerk, { params: { windowId: '1' } })
  const item =
    (await h.call('searchServices', clerk, { query: { q: '个体' } })).body[0] ??
    (await h.call('searchServices', clerk, { query: { q: '' } })).body[0]
  const opened = await h.call('startCase', clerk, {
    params: { windowId: '1' },
    body: { cardReadId: card.readId },
  })
  const finished = await h.call('finishCase', clerk, {
    params: { caseId: opened.body.id },
    body: { serviceItemId: item.id, caseType: 'promised', outcome: 'accepted', promiseDays: 5, print: false },
  })
  t.equal(finished.status, 200, JSON.stringify(finished.body))
  const receipt = finished.body.case.receiptNo
  const byQr = await h.call('lookupCases', kiosk, { query: { ref: `HALLCASE:${opened.body.id}` } })
  t.equal(byQr.body.length, 1)
  t.equal(byQr.body[0].promiseDeadline, '2026-11-30', 'five working days after Monday 23rd')
  const byReceipt = await h.call('lookupCases', kiosk, { query: { ref: receipt } })
  t.equal(byReceipt.body[0].id, opened.body.id)

  // The same person swipes their card at the kiosk later: a new read, the same person.
  const again = h.hall.applicants.hold(
    {
      cardType: 'resident',
      name: '赵六',
      idNumber: '370302198001011237',
      gender: '男',
      birthDate: '1980-01-01',
    },
    'kiosk-1',
    '2026-11-23',
    70,
  )
  const byCard = await h.call('lookupCases', kiosk, { query: { cardReadId: again.readId } })
  t.equal(byCard.body.length, 1)
  t.equal(byCard.body[0].applicantName, '赵*')
  t.equal(
    (await h.call('lookupCases', kiosk, { query: { cardReadId: 'expired' } })).body.code,
    'CARD_READ_EXPIRED',
  )

  const printed = await h.call('printGuide', kiosk, {
    params: { serviceId: item.id },
    body: { materialsOnly: true },
  })
  t.equal(printed.body.status, 'no_printer', 'no agent is connected in this test')
})

t.test(
  'call audio: a chime, then the sentence, as WAV',
  { skip: hasEspeak ? false : 'espeak-ng is not installed' },
  async (t) => {
    const h = await testHall()
    t.teardown(() => h.close())
    const display = h.tokens['display-1']!
    const res = await h.app.inject({
      url: '/api/audio/call?code=A012&window=3',
      headers: { authorization: `Bearer ${display}` },
    })
    t.equal(res.statusCode, 200)
    t.equal(res.headers['content-type'], 'audio/wav')
    const { pcm, rate } = pcmOfWav(res.rawPayload)
    const seconds = pcm.length / 2 / rate
    t.ok(seconds > 2.5 && seconds < 12, `${seconds.toFixed(1)} s of audio`)
    const bad = await h.app.inject({
      url: '/api/audio/call?code=<x>&window=3',
      headers: { authorization: `Bearer ${display}` },
    })
    t.equal(bad.statusCode, 400)
    const kiosk = await h.app.inject({
      url: '/api/audio/call?code=A012&window=3',
      headers: { authorization: `Bearer ${h.tokens['kiosk-1']}` },
    })
    t.equal(kiosk.statusCode, 403)
  },
)
