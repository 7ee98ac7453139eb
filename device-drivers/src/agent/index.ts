/** The device agent: config, the Agent itself, and a simulated terminal for tests and the demo. */
export {
  AGENT_VERSION,
  Agent,
  type AgentEvents,
  type AgentHealth,
  type AgentOptions,
  type AgentSocket,
  type AgentStatus,
  type SocketFactory,
} from './agent.js'
export { type AgentDevices, attachedHealth } from './attached-health.js'
export { cardLogFields, cardPayload } from './card-payload.js'
export {
  type AgentConfig,
  AgentConfigError,
  AgentConfigSchema,
  type AgentDevicesConfig,
  loadAgentConfig,
  parseAgentConfig,
  resolveToken,
} from './config.js'
export { createAgentDevices, type DevicesFromConfigOptions } from './devices-from-config.js'
export {
  Outbox,
  type OutboxEntry,
  type OutboxOptions,
  type OutgoingEvent,
  type OutgoingKind,
} from './outbox.js'
export { AgentPrintCode, chineseMessage, isPrintJob, printJob, renderPrintJob } from './print-jobs.js'
export {
  type AgentDeviceEntry,
  describeKinds,
  type SimulatedHall,
  type SimulatedHallOptions,
  startSimulatedHall,
} from './simulated-hall.js'
export {
  type SimulatedDeviceKind,
  SimulatedTerminal,
  type SimulatedTerminalOptions,
} from './simulated-terminal.js'
export {
  type DemoCard,
  demoCards,
  type SimulatorControl,
  type SimulatorControlOptions,
  startSimulatorControl,
} from './simulator-control.js'
export { WindowBinding, type WindowBindingOptions } from './window-binding.js'
export { WindowDriver, type WindowDriverOptions } from './window-driver.js'
export {
  caseAwaitingRating,
  caseRefFor,
  type EvaluatorTarget,
  evaluatorTarget,
  fitLines,
  ratingPayload,
  windowScreenLines,
} from './window-outputs.js'
