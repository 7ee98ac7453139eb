/**
 * Simulated barcode/QR scanners.
 *
 * - `ScannerSimulator`: virtual COM mode (CDC-ACM), the mode to prefer: `scan(code)` writes the
 *   code in the configured encoding followed by the suffix (CR by default), on any Transport —
 *   usually the far end of a socat pty.
 * - `HidScannerSimulator`: keyboard mode, one boot report per `write()` (use it with a
 *   MemoryTransport, which keeps write boundaries like HID does). `hidReportsFor` gives the bare
 *   reports for decoder tests.
 */

import iconv from 'iconv-lite'
import { encodeHidReports, type HidEncodeOptions, type LineEncoding } from '../codecs/scanner/index.js'
import type { Transport } from '../transports/transport.js'

export interface ScannerSimulatorOptions {
  transport: Transport
  /** As configured on the scanner; default utf8. */
  encoding?: LineEncoding
  /** Default `\r` (CR), the usual factory setting. */
  suffix?: string
}

export class ScannerSimulator {
  readonly transport: Transport
  private readonly encoding: LineEncoding
  private readonly suffix: string

  constructor(options: ScannerSimulatorOptions) {
    this.transport = options.transport
    this.encoding = options.encoding ?? 'utf8'
    this.suffix = options.suffix ?? '\r'
  }

  async start(): Promise<void> {
    if (!this.transport.isOpen) await this.transport.open()
  }

  async stop(): Promise<void> {
    await this.transport.close()
  }

  /** The bytes a scanner sends for `code`. */
  bytesFor(code: string): Uint8Array {
    return new Uint8Array(iconv.encode(code + this.suffix, this.encoding))
  }

  async scan(code: string): Promise<void> {
    await this.transport.write(this.bytesFor(code))
  }
}

/** Boot keyboard reports for `code`: press + release per character, then Enter. */
export function hidReportsFor(code: string, options: HidEncodeOptions = {}): Uint8Array[] {
  return encodeHidReports(code, options)
}

export interface HidScannerSimulatorOptions {
  transport: Transport
  hid?: HidEncodeOptions
}

export class HidScannerSimulator {
  readonly transport: Transport
  private readonly options: HidEncodeOptions

  constructor(options: HidScannerSimulatorOptions) {
    this.transport = options.transport
    this.options = options.hid ?? {}
  }

  async start(): Promise<void> {
    if (!this.transport.isOpen) await this.transport.open()
  }

  async stop(): Promise<void> {
    await this.transport.close()
  }

  /** Types `code` as keyboard reports, one write per report. Throws for characters a US keyboard lacks. */
  async scan(code: string): Promise<void> {
    for (const report of hidReportsFor(code, this.options)) await this.transport.write(report)
  }
}
