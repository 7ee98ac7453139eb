/**
 * LED screen protocols by id. A vendor's screen gets its own codec implementing `LedProtocol`
 * and an entry here; the device layer picks one by the id in its config.
 */
import { hallV1LedProtocol } from './hall-v1.js'
import type { LedProtocol } from './types.js'

export const ledProtocols: Readonly<Record<string, LedProtocol>> = {
  'hall-v1': hallV1LedProtocol,
}

/** The protocol with this id, or undefined. */
export function getLedProtocol(id: string): LedProtocol | undefined {
  return Object.hasOwn(ledProtocols, id) ? ledProtocols[id] : undefined
}
