/** Window LED strip screen: protocol-neutral types, `hall-v1` codec, registry. */
export { crc16Modbus } from './crc16.js'
export {
  BROADCAST_ADDRESS,
  encodeCommand,
  encodeLedText,
  encodeReply,
  frame,
  HallV1LedCommand,
  hallV1LedProtocol,
  MAX_PAYLOAD,
} from './hall-v1.js'
export { getLedProtocol, ledProtocols } from './registry.js'
export * from './types.js'
