import type { HallSocket, SocketFactory } from '@hall/client'
import type { HallSnapshot, PrintResult } from '@hall/protocol'
import type { PaperWidth } from '../codecs/escpos/constants.js'
import type { Logger } from '../logger.js'
import type { AgentDevices, AttachedHealth } from './attached-health.js'
import type { OutgoingKind } from './outbox.js'

/** The agent's options, health and events (agent.ts has the agent itself). */

export type AgentSocket = HallSocket
export type { SocketFactory }

export interface AgentOptions {
  /** The hall server, e.g. `http://192.168.1.10:8080`. */
  serverUrl: string
  /** This agent's device token. */
  token: string
  /** Informational, for logs. */
  terminal?: string | null
  devices: AgentDevices
  /** Receipt paper; default 80mm. */
  paper?: PaperWidth
  /** Default 10 000 ms. */
  heartbeatIntervalMs?: number
  /** Card reads waiting longer than this while offline are dropped; default 120 000 ms. */
  cardMaxAgeMs?: number
  /** Wait for a server ack; default 5000 ms. */
  ackTimeoutMs?: number
  /** Backoff of reconnects to the server; default 1 s doubling to 15 s. */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number }
  logger?: Logger
  clock?: () => number
  /** socket.io-client's `io`, replaceable in tests. */
  connect?: SocketFactory
  fetch?: typeof fetch
}

export type AgentStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'stopped'

export interface AgentHealth {
  status: AgentStatus
  serverUrl: string
  terminal: string | null
  deviceId: string | null
  windowId: string | null
  connectedAt: number | null
  reconnects: number
  lastError: string | null
  /** Events waiting for the server, oldest first. */
  pending: OutgoingKind[]
  delivered: number
  dropped: number
  printed: number
  printFailed: number
  devices: AttachedHealth[]
}

export interface AgentEvents {
  connected: []
  disconnected: [reason: string]
  delivered: [event: OutgoingKind]
  dropped: [event: OutgoingKind, code: string]
  printResult: [result: PrintResult]
  /** The hall state, after every snapshot and applied delta (window-bound terminals only). */
  state: [state: HallSnapshot]
  heartbeat: [attached: AttachedHealth[]]
}
