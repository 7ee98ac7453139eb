/** Simulated devices speaking the same bytes as the real ones, for tests and the demo hall. */
export {
  EvaluatorBoxSimulator,
  type EvaluatorBoxSimulatorEvents,
  type EvaluatorBoxSimulatorOptions,
} from './evaluator-box-simulator.js'
export {
  IdCardReaderSimulator,
  type IdCardReaderSimulatorEvents,
  type IdCardReaderSimulatorOptions,
  type PlaceCardOptions,
} from './idcard-reader-simulator.js'
export {
  LedScreenSimulator,
  type LedScreenSimulatorEvents,
  type LedScreenSimulatorOptions,
  type SimulatedLedLine,
} from './led-screen-simulator.js'
export { type PtySimulator, type PtySimulatorOptions, startOnPty } from './on-pty.js'
export {
  PrinterSimulator,
  type PrinterSimulatorEvents,
  type PrinterSimulatorOptions,
  type PrinterSimulatorState,
  type SimulatedJob,
  simulatedStatus,
} from './printer-simulator.js'
export { PtyPair, PtyPairError, type PtyPairOptions, stopAllPtyPairs } from './pty-pair.js'
export { sampleResidentCard, syntheticIdNumber } from './sample-cards.js'
export {
  HidScannerSimulator,
  type HidScannerSimulatorOptions,
  hidReportsFor,
  ScannerSimulator,
  type ScannerSimulatorOptions,
} from './scanner-simulator.js'
