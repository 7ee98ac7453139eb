/** Devices: a codec plus a transport, with request/response, reconnects, health and typed events. */
export {
  type AnyDeviceHealth,
  conditionToken,
  type DeviceCondition,
  type DeviceStatus,
  deviceCondition,
} from './condition.js'
export {
  backoffDelay,
  DEFAULT_RECONNECT,
  Device,
  type DeviceBaseEvents,
  type DeviceHealth,
  type DeviceKind,
  type DeviceOptions,
  type ReconnectPolicy,
} from './device.js'
export { DeviceError, DeviceErrorCode, isDeviceError } from './errors.js'
export {
  EvaluatorBox,
  type EvaluatorBoxEvents,
  type EvaluatorBoxHealth,
  type EvaluatorBoxOptions,
  type Rating,
} from './evaluator-box.js'
export {
  type IdCardReadError,
  IdCardReader,
  type IdCardReaderEvents,
  type IdCardReaderHealth,
  type IdCardReaderOptions,
} from './idcard-reader.js'
export {
  type LedLine,
  LedScreen,
  type LedScreenEvents,
  type LedScreenHealth,
  type LedScreenOptions,
  type LedStatus,
} from './led-screen.js'
export { AsyncMutex } from './mutex.js'
export {
  type ScanInfo,
  Scanner,
  type ScannerEvents,
  type ScannerHealth,
  type ScannerMode,
  type ScannerOptions,
} from './scanner.js'
export {
  blockingProblem,
  type PaperState,
  type PrinterHealth,
  type PrinterStatus,
  type PrintReceipt,
  refusalFor,
  summarizeStatus,
  ThermalPrinter,
  type ThermalPrinterEvents,
  type ThermalPrinterOptions,
} from './thermal-printer.js'
export { type Waiter, Waitress } from './waitress.js'
