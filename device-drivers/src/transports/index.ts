/** Byte pipes to devices: one `Transport` interface, its implementations, URLs and discovery. */
export {
  checkDevicePath,
  type DiscoveryProblem,
  discoverHidDevices,
  discoverSerialPorts,
  type HidDiscovery,
  type HidDiscoveryOptions,
  type SerialCandidate,
  type SerialDiscovery,
  type SerialDiscoveryOptions,
  udevRunning,
} from './discovery.js'
export {
  type HidDeviceInfo,
  type HidHandle,
  type HidLoader,
  type HidTarget,
  HidTransport,
  type HidTransportOptions,
  hidUnavailable,
  LIBUSB_HINT,
  loadNodeHid,
  type NodeHidModule,
} from './hid.js'
export {
  MemoryTransport,
  type MemoryTransportOptions,
  memoryPair,
  memoryPeer,
  resetMemoryPairs,
} from './memory.js'
export {
  DEFAULT_BAUD_RATE,
  type SerialBinding,
  SerialTransport,
  type SerialTransportOptions,
} from './serial.js'
export { parseTcpUrl, TcpTransport, type TcpTransportOptions } from './tcp.js'
export {
  type ThermalPrinterLib,
  type ThermalPrinterLibLoader,
  ThermalPrinterLibTransport,
  type ThermalPrinterLibTransportOptions,
  type ThermalPrinterLike,
} from './thermal-printer-lib.js'
export {
  BaseTransport,
  type CloseReason,
  openError,
  type Transport,
  TransportError,
  TransportErrorCode,
  type TransportEvents,
  type TransportOptions,
  toError,
} from './transport.js'
export {
  type CreateTransportOptions,
  createTransport,
  openTransport,
  parseTransportUrl,
  type TransportSpec,
} from './url.js'
