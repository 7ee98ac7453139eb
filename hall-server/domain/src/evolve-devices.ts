import type { Handlers } from './evolve-handlers.js'

/** Devices reporting their health, and the alarms raised and cleared on it. */
export const deviceHandlers: Handlers<'device.status' | 'alarm.raised' | 'alarm.cleared'> = {
  'device.status': (hall, event, effects) => {
    hall.state.devices[event.deviceId] = {
      online: event.online,
      attached: event.attached.map((a) => ({ ...a })),
    }
    effects.push({ kind: 'device', deviceId: event.deviceId })
  },
  'alarm.raised': (hall, event, effects) => {
    const alarm = { ...event.alarm }
    hall.state.alarms[alarm.id] = alarm
    effects.push({ kind: 'alarm', alarm })
  },
  'alarm.cleared': (hall, event, effects) => {
    const alarm = hall.state.alarms[event.alarmId]
    if (!alarm) return
    delete hall.state.alarms[event.alarmId]
    effects.push({ kind: 'alarm', alarm: { ...alarm, active: false } })
  },
}
