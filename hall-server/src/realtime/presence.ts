import type { AttachedDeviceHealth } from '@hall/protocol'
import type { Hall } from '../hall/boot.js'
import type { Principal } from '../hall/identity.js'

/**
 * Which devices are online, from their sockets: a screen is online while at least one of its
 * sockets is connected; an agent says so with its heartbeats (which carry its attached devices),
 * and goes offline with its last socket.
 */

export interface Presence {
  connected(principal: Principal): void
  disconnected(principal: Principal): void
  /** Records a device's status (and its attached devices' health) as a command. */
  setOnline(deviceId: string, online: boolean, attached?: AttachedDeviceHealth[]): Promise<void>
}

/**
 * An agent that left can no longer say how its devices are: their last verdict (made by the agent,
 * device-drivers `devices/condition.ts`) becomes "offline, 终端离线" until its next heartbeat.
 */
export function unreachable(device: AttachedDeviceHealth): AttachedDeviceHealth {
  if (!device.condition) return device
  return { ...device, condition: { status: 'offline', reason: '终端离线', flags: ['agent_offline'] } }
}

export function createPresence(hall: Hall): Presence {
  const connections = new Map<string, number>()
  const system = { id: 'system' }

  const setOnline: Presence['setOnline'] = async (deviceId, online, attached) => {
    if (!hall.service.device(deviceId)) return
    const known = hall.service.state.devices[deviceId]?.attached ?? []
    const list = attached ?? (online ? known : known.map(unreachable))
    await hall.service.execute({ type: 'deviceStatus', deviceId, online, attached: list }, system, null)
  }

  return {
    setOnline,
    connected(principal) {
      hall.service.markSeen(principal.deviceId)
      if (principal.kind !== 'device') return
      const { deviceId } = principal
      connections.set(deviceId, (connections.get(deviceId) ?? 0) + 1)
      // Screens are online while connected; agents say so with their first heartbeat.
      if (principal.role !== 'agent') void setOnline(deviceId, true).catch(() => undefined)
    },
    disconnected(principal) {
      if (principal.kind !== 'device') return
      const { deviceId } = principal
      const left = (connections.get(deviceId) ?? 1) - 1
      if (left > 0) {
        connections.set(deviceId, left)
        return
      }
      connections.delete(deviceId)
      void setOnline(deviceId, false).catch(() => undefined)
    },
  }
}
