import { randomUUID } from 'node:crypto'
import { businessDate } from '@hall/domain'
import { maskIdNumber, maskName } from '@hall/protocol'
import { AudioUnavailable } from '../hall/audio.js'
import { CommandRefused } from '../hall/service.js'
import {
  appointmentByCode,
  appointmentForPerson,
  appointmentsOn,
  checkInWrite,
  insertAppointment,
  newAppointmentCode,
} from '../store/appointments.js'
import { caseRowById, casesByApplicantHash } from '../store/reports.js'
import { actor, type Handlers } from './handler.js'
import { issueFor, queueFor } from './tickets.js'

/** What a citizen does at the kiosk besides taking a number: appointments, progress, guides. */

export const APPOINTMENT_QR_PREFIX = 'HALLAPPT:'
export const CASE_QR_PREFIX = 'HALLCASE:'

const checkingIn = new Set<string>()

async function audible(render: () => Promise<Buffer>): Promise<Buffer> {
  try {
    return await render()
  } catch (error) {
    if (error instanceof AudioUnavailable) throw new CommandRefused('AUDIO_UNAVAILABLE', error.message)
    throw error
  }
}

export const visitHandlers: Pick<
  Handlers,
  | 'createAppointment'
  | 'listAppointments'
  | 'checkInAppointment'
  | 'lookupCases'
  | 'printGuide'
  | 'callAudio'
  | 'kioskPrompt'
> = {
  async createAppointment(hall, { principal, body }) {
    const config = hall.service.env.config
    const queueId = await queueFor(hall, body.queueId, body.serviceItemId)
    const today = businessDate(hall.clock(), config.utcOffsetMinutes)
    if (body.date < today) throw new CommandRefused('VALIDATION', '预约日期不能早于今天')
    const idNumber = body.idNumber?.trim().toUpperCase() ?? null
    return insertAppointment(
      hall.db,
      {
        id: randomUUID(),
        code: newAppointmentCode(),
        date: body.date,
        slot: body.slot ?? null,
        queueId,
        serviceItemId: body.serviceItemId ?? null,
        nameMasked: maskName(body.name.trim()),
        idHash: idNumber ? hall.sealer.blindIndex(idNumber) : null,
        idMasked: idNumber ? maskIdNumber(idNumber) : null,
        createdBy: actor(principal).id,
      },
      hall.clock(),
    )
  },

  async listAppointments(hall, { query }) {
    const config = hall.service.env.config
    return appointmentsOn(hall.db, query.date ?? businessDate(hall.clock(), config.utcOffsetMinutes))
  },

  async checkInAppointment(hall, { principal, body }) {
    const today = hall.service.state.businessDate
    let appointment = null
    if (body.code !== undefined) {
      const code = body.code.trim().toUpperCase().replace(APPOINTMENT_QR_PREFIX, '')
      appointment = await appointmentByCode(hall.db, code)
    } else if (body.cardReadId !== undefined) {
      const idHash = hall.applicants.indexOf(body.cardReadId)
      if (idHash === null) throw new CommandRefused('CARD_READ_EXPIRED')
      appointment = await appointmentForPerson(hall.db, idHash, today)
    } else {
      throw new CommandRefused('VALIDATION', '请扫描预约码或刷身份证')
    }
    if (!appointment || appointment.date !== today || appointment.status === 'cancelled') {
      throw new CommandRefused('APPOINTMENT_NOT_FOUND')
    }
    if (appointment.status === 'checked_in' || checkingIn.has(appointment.id))
      throw new CommandRefused('APPOINTMENT_USED')
    checkingIn.add(appointment.id)
    try {
      const booked = appointment
      const issued = await issueFor(hall, principal, {
        queueId: booked.queueId,
        priority: 'appointment',
        cardReadId: body.cardReadId ?? null,
        serviceItemId: booked.serviceItemId,
        appointmentId: booked.id,
        print: body.print ?? principal.role === 'kiosk',
        extraWrites: (ticketId) => [checkInWrite(booked.id, ticketId, hall.clock())],
      })
      const checkedIn = (await appointmentByCode(hall.db, booked.code)) ?? booked
      return { ...issued, appointment: checkedIn }
    } finally {
      checkingIn.delete(appointment.id)
    }
  },

  async lookupCases(hall, { query }) {
    if (query.ref !== undefined) {
      const ref = query.ref.trim().toUpperCase().replace(CASE_QR_PREFIX, '')
      // The report table is written in the same transaction as the events: it is never behind.
      const found = await caseRowById(hall.db, ref)
      return found ? [found] : []
    }
    if (query.cardReadId !== undefined) {
      const idHash = hall.applicants.indexOf(query.cardReadId)
      if (idHash === null) throw new CommandRefused('CARD_READ_EXPIRED')
      return casesByApplicantHash(hall.db, idHash)
    }
    throw new CommandRefused('VALIDATION', '请扫描受理凭证上的二维码或刷身份证')
  },

  async printGuide(hall, { principal, params, body }) {
    const item = await hall.catalog.get(params.serviceId)
    if (!item) throw new CommandRefused('SERVICE_NOT_FOUND')
    return hall.printing.print(principal.terminal, {
      kind: 'guide',
      data: {
        hallName: hall.config.hall.name,
        name: item.name,
        itemType: item.itemType,
        department: item.department,
        promisedDays: item.promisedDays,
        promisedDayUnit: item.promisedDayUnit,
        legalDays: item.legalDays,
        legalDayUnit: item.legalDayUnit,
        fees: item.fees,
        materials: item.materials.map((m) => ({ ...m })),
        conditions: item.conditions,
        process: item.process,
        consultPhone: hall.config.hall.consultPhone,
        materialsOnly: body.materialsOnly,
      },
    })
  },

  async callAudio(hall, { query }) {
    return audible(() => hall.audio.render(query.code, query.window))
  },

  async kioskPrompt(hall, { query }) {
    return audible(() => hall.audio.prompt(query.key))
  },
}
