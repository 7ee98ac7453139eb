/**
 * USB HID through node-hid 3's async API (`HID.HIDAsync.open`, `HID.devicesAsync`): barcode
 * scanners in keyboard mode, read by the agent directly so codes do not depend on which window has
 * the keyboard focus.
 *
 * node-hid is loaded lazily, on the first HID use: its native part loads `libusb-1.0.so.0` even
 * for hidraw (shared device notes), and a missing library must only disable HID, with a message
 * naming the Debian package, not crash the agent. Each `data` event is exactly one input report.
 * node-hid ships no mock, so the module is injectable for tests.
 */

import {
  BaseTransport,
  TransportError,
  TransportErrorCode,
  type TransportOptions,
  toError,
} from './transport.js'

export interface HidDeviceInfo {
  vendorId: number
  productId: number
  path?: string | undefined
  serialNumber?: string | undefined
  manufacturer?: string | undefined
  product?: string | undefined
  interface: number
  usagePage?: number | undefined
  usage?: number | undefined
}

/** What we use of an open node-hid device. */
export interface HidHandle {
  on(event: 'data', listener: (report: Buffer) => void): unknown
  on(event: 'error', listener: (error: unknown) => void): unknown
  write(values: number[] | Buffer): Promise<number>
  close(): Promise<void>
}

/** What we use of the node-hid module. */
export interface NodeHidModule {
  devicesAsync(): Promise<HidDeviceInfo[]>
  devicesAsync(vendorId: number, productId: number): Promise<HidDeviceInfo[]>
  HIDAsync: {
    open(path: string): Promise<HidHandle>
    open(vendorId: number, productId: number): Promise<HidHandle>
  }
  getHidapiVersion?(): string
}

export type HidLoader = () => Promise<NodeHidModule>

export const LIBUSB_HINT =
  '无法加载 node-hid（USB HID 设备支持），请安装 Debian 软件包 libusb-1.0-0（apt-get install libusb-1.0-0） / ' +
  'node-hid cannot load its native module: install the Debian package libusb-1.0-0'

/** Wraps a load failure of node-hid in the message an installer can act on. */
export function hidUnavailable(err: unknown): TransportError {
  const e = toError(err)
  return new TransportError(TransportErrorCode.unavailable, `${LIBUSB_HINT} (${e.message})`, e)
}

let cached: Promise<NodeHidModule> | null = null

/** Loads node-hid once; rejects with TRANSPORT_UNAVAILABLE naming libusb-1.0-0 if it cannot. */
export const loadNodeHid: HidLoader = () => {
  cached ??= (async () => {
    try {
      const mod = (await import('node-hid')) as unknown as NodeHidModule & { default?: NodeHidModule }
      const hid = mod.HIDAsync ? mod : (mod.default ?? mod)
      // Importing does not load the native part; this does, so a missing libusb shows up here.
      hid.getHidapiVersion?.()
      return hid
    } catch (err) {
      cached = null
      throw hidUnavailable(err)
    }
  })()
  return cached
}

export type HidTarget = { path: string } | { vendorId: number; productId: number }

export interface HidTransportOptions extends TransportOptions {
  target: HidTarget
  /** Default `loadNodeHid`; tests pass a fake. */
  loader?: HidLoader
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0')

export class HidTransport extends BaseTransport {
  readonly url: string
  readonly target: HidTarget
  private readonly loader: HidLoader
  private handle: HidHandle | null = null

  constructor(options: HidTransportOptions) {
    super(options)
    this.target = options.target
    this.loader = options.loader ?? loadNodeHid
    this.url =
      'path' in this.target
        ? `hid:${this.target.path}`
        : `hid:${hex4(this.target.vendorId)}:${hex4(this.target.productId)}`
  }

  async open(): Promise<void> {
    this.assertClosed()
    const hid = await this.loader()
    let handle: HidHandle
    try {
      const t = this.target
      handle =
        'path' in t ? await hid.HIDAsync.open(t.path) : await hid.HIDAsync.open(t.vendorId, t.productId)
    } catch (err) {
      throw new TransportError(
        TransportErrorCode.notFound,
        `无法打开 HID 设备，请检查设备是否插好、运行用户是否有权读取 / cannot open ${this.url}: ` +
          `no such device, or no permission on the hidraw node (${toError(err).message})`,
        toError(err),
      )
    }
    this.handle = handle
    handle.on('data', (report: Buffer) => {
      if (this.handle !== handle) return
      this.emit('data', new Uint8Array(report.buffer, report.byteOffset, report.length))
    })
    // node-hid reports an unplug as a read error; the handle is useless afterwards.
    handle.on('error', (err: unknown) => {
      if (this.handle !== handle) return
      this.handle = null
      handle.close().catch(() => {})
      this.markClosed({ kind: 'disconnected', error: toError(err) })
    })
    this.markOpen()
  }

  /** Sends an output report; the first byte is the report id (0 for devices without ids). */
  async write(bytes: Uint8Array): Promise<void> {
    const handle = this.openHandle(this.handle)
    try {
      await handle.write(Array.from(bytes))
    } catch (err) {
      throw this.writeFailed(err)
    }
  }

  async close(): Promise<void> {
    const handle = this.handle
    if (!handle) return
    this.handle = null
    try {
      await handle.close()
    } catch (err) {
      this.log.debug('close reported an error', { url: this.url, error: toError(err) })
    }
    this.markClosed({ kind: 'requested' })
  }
}
