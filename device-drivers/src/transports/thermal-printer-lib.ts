/**
 * node-thermal-printer 4 as a write-only transport, for the two printer interfaces our own
 * transports do not cover:
 *
 * - `printer:NAME` — a printer queue of the operating system (CUPS, Windows spooler), reached
 *   through the driver module the library takes (`driver`, e.g. `@thiagoelg/node-printer`;
 *   not a dependency of ours, the agent passes it in when a hall uses a spooler).
 * - `lp:/dev/usb/lp0` — the kernel's usblp device file, written through the library's retrying
 *   write queue (printers answer EBUSY while their buffer is full).
 *
 * Only `raw()` (our ESC/POS bytes, already composed with Chinese mode and GB18030 by the layouts)
 * and `isPrinterConnected()` are used: the library's own text helpers count JS characters, not
 * printed columns, and encode GB2312 (shared device notes). It reads no status on these
 * interfaces, so this transport is `readable: false` and the printer's health stays `unknown`
 * apart from whether the queue or device file exists.
 */

import {
  BaseTransport,
  TransportError,
  TransportErrorCode,
  type TransportOptions,
  toError,
} from './transport.js'

/** The part of node-thermal-printer's `ThermalPrinter` we use. */
export interface ThermalPrinterLike {
  raw(bytes: Buffer): Promise<unknown>
  isPrinterConnected(): Promise<boolean>
}

export interface ThermalPrinterLib {
  ThermalPrinter: new (config: {
    type?: string
    interface: string
    driver?: object
    options?: { timeout?: number }
  }) => ThermalPrinterLike
  PrinterTypes: { EPSON: string }
}

export type ThermalPrinterLibLoader = () => Promise<ThermalPrinterLib>

const loadLib: ThermalPrinterLibLoader = async () => {
  const mod = (await import('node-thermal-printer')) as unknown as ThermalPrinterLib & {
    default?: ThermalPrinterLib
  }
  return mod.ThermalPrinter ? mod : (mod.default as ThermalPrinterLib)
}

export interface ThermalPrinterLibTransportOptions extends TransportOptions {
  /** node-thermal-printer interface string: `printer:NAME` or a device path like `/dev/usb/lp0`. */
  interface: string
  /** The spooler driver module, required for `printer:NAME`. */
  driver?: object
  /** Default: import node-thermal-printer. */
  loader?: ThermalPrinterLibLoader
}

export class ThermalPrinterLibTransport extends BaseTransport {
  readonly url: string
  override readonly readable = false
  private readonly iface: string
  private readonly driver: object | undefined
  private readonly loader: ThermalPrinterLibLoader
  private printer: ThermalPrinterLike | null = null

  constructor(options: ThermalPrinterLibTransportOptions) {
    super(options)
    this.iface = options.interface
    this.driver = options.driver
    this.loader = options.loader ?? loadLib
    this.url = this.iface.startsWith('printer:') ? this.iface : `lp:${this.iface}`
  }

  async open(): Promise<void> {
    this.assertClosed()
    if (this.iface.startsWith('printer:') && !this.driver) {
      throw new TransportError(
        TransportErrorCode.unavailable,
        `${this.url} 需要打印驱动模块 / printer: interfaces need a driver module (node-thermal-printer "driver" option)`,
      )
    }
    const lib = await this.loader()
    let printer: ThermalPrinterLike
    try {
      printer = new lib.ThermalPrinter({
        type: lib.PrinterTypes.EPSON,
        interface: this.iface,
        ...(this.driver ? { driver: this.driver } : {}),
      })
    } catch (err) {
      throw new TransportError(
        TransportErrorCode.openFailed,
        `无法打开打印机 / cannot open ${this.url}: ${toError(err).message}`,
        toError(err),
      )
    }
    if (!(await this.connected(printer))) {
      throw new TransportError(TransportErrorCode.notFound, `找不到打印机 / no printer at ${this.url}`)
    }
    this.printer = printer
    this.markOpen()
  }

  /** The library's printer interface throws `false` instead of returning it. */
  private async connected(printer: ThermalPrinterLike): Promise<boolean> {
    try {
      return (await printer.isPrinterConnected()) === true
    } catch {
      return false
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    const printer = this.openHandle(this.printer)
    try {
      await printer.raw(Buffer.from(bytes))
    } catch (err) {
      // The library rejects with strings ('Printer Error') as well as errors; writeFailed takes both.
      const error = this.writeFailed(err)
      if (!(await this.connected(printer))) {
        this.printer = null
        this.markClosed({ kind: 'disconnected', error })
      }
      throw error
    }
  }

  async close(): Promise<void> {
    this.printer = null
    this.markClosed({ kind: 'requested' })
  }
}
