import { randomInt } from 'node:crypto'
import type { AppointmentView } from '@hall/protocol'
import type { Db } from './db.js'
import type { Write } from './journal.js'

/** Appointments (预约): booked through the API or hallctl, checked in at the kiosk. */

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** Eight characters without 0/O or 1/I: the code is read aloud over the phone and typed by clerks. */
export function newAppointmentCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
}

interface Row {
  id: string
  code: string
  date: string
  slot: string | null
  queue_id: string
  service_item_id: string | null
  name_masked: string
  id_masked: string | null
  status: AppointmentView['status']
  ticket_id: string | null
  created_at: number
  checked_in_at: number | null
}

const view = (r: Row): AppointmentView => ({
  id: r.id,
  code: r.code,
  date: r.date,
  slot: r.slot,
  queueId: r.queue_id,
  serviceItemId: r.service_item_id,
  nameMasked: r.name_masked,
  idMasked: r.id_masked,
  status: r.status,
  ticketId: r.ticket_id,
  createdAt: r.created_at,
  checkedInAt: r.checked_in_at,
})

export interface NewAppointment {
  id: string
  code: string
  date: string
  slot: string | null
  queueId: string
  serviceItemId: string | null
  nameMasked: string
  idHash: string | null
  idMasked: string | null
  createdBy: string
}

export async function insertAppointment(db: Db, a: NewAppointment, at: number): Promise<AppointmentView> {
  await db.run(
    `INSERT INTO appointments (id, code, date, slot, queue_id, service_item_id, name_masked, id_hash, id_masked, status,
     created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?)`,
    [
      a.id,
      a.code,
      a.date,
      a.slot,
      a.queueId,
      a.serviceItemId,
      a.nameMasked,
      a.idHash,
      a.idMasked,
      at,
      a.createdBy,
    ],
  )
  return (await appointmentByCode(db, a.code)) as AppointmentView
}

export async function appointmentByCode(db: Db, code: string): Promise<AppointmentView | null> {
  const row = await db.get<Row>('SELECT * FROM appointments WHERE code = ?', [code])
  return row ? view(row) : null
}

/** Today's booked appointment of the person with this blind index, earliest slot first. */
export async function appointmentForPerson(
  db: Db,
  idHash: string,
  date: string,
): Promise<AppointmentView | null> {
  const row = await db.get<Row>(
    "SELECT * FROM appointments WHERE id_hash = ? AND date = ? AND status = 'booked' ORDER BY slot LIMIT 1",
    [idHash, date],
  )
  return row ? view(row) : null
}

export async function appointmentsOn(db: Db, date: string): Promise<AppointmentView[]> {
  return (
    await db.all<Row>('SELECT * FROM appointments WHERE date = ? ORDER BY slot, created_at', [date])
  ).map(view)
}

/** The write that marks an appointment checked in, committed with the ticket it produced. */
export function checkInWrite(id: string, ticketId: string, at: number): Write {
  return {
    sql: "UPDATE appointments SET status = 'checked_in', ticket_id = ?, checked_in_at = ? WHERE id = ?",
    params: [ticketId, at, id],
  }
}
