/**
 * Finding devices on a terminal PC without udev. `SerialPort.list()` runs `udevadm` and never lists
 * `/dev/pts/*` (shared device notes): on the minimal systems and containers halls run, it rejects.
 * So serial discovery looks at the file system instead, in this order:
 *
 *   1. paths from the config (the installer knows best; symlinks allowed),
 *   2. `/dev/serial/by-id/*` (stable names, present when udev runs),
 *   3. `/dev/ttyUSB*` and `/dev/ttyACM*` (USB-serial bridges and CDC-ACM scanners).
 *
 * HID devices are listed by vendor/product id through node-hid when it loads. Every missing piece
 * comes back as a `DiscoveryProblem` naming what is missing, never as a throw.
 */

import { constants } from 'node:fs'
import { access, readdir, realpath } from 'node:fs/promises'
import { join } from 'node:path'
import { type HidDeviceInfo, type HidLoader, loadNodeHid } from './hid.js'
import { toError } from './transport.js'

export interface DiscoveryProblem {
  code: 'NO_UDEV' | 'NO_LIBUSB' | 'NOT_FOUND' | 'NO_PERMISSION'
  severity: 'info' | 'warn' | 'error'
  /** Chinese, then English. */
  message: string
  path?: string
}

export interface SerialCandidate {
  /** The path to open (as configured, or the by-id link). */
  path: string
  source: 'configured' | 'by-id' | 'tty-glob'
  /** Where the path leads, e.g. `/dev/ttyUSB0`. */
  device: string
}

export interface SerialDiscovery {
  ports: SerialCandidate[]
  problems: DiscoveryProblem[]
}

export interface SerialDiscoveryOptions {
  /** Configured paths, tried first. */
  configured?: readonly string[]
  /** Device directory; default `/dev` (tests use a temp dir). */
  devDir?: string
  /** Whether udev runs; default: `/run/udev/control` exists. */
  udev?: boolean
}

/** True when udev is running (its control socket exists). */
export async function udevRunning(): Promise<boolean> {
  try {
    await access('/run/udev/control')
    return true
  } catch {
    return false
  }
}

/** Checks one path: a problem for a missing device or one the user may not open, else null. */
export async function checkDevicePath(path: string): Promise<DiscoveryProblem | null> {
  try {
    await access(path, constants.R_OK | constants.W_OK)
    return null
  } catch (err) {
    const code = (err as { code?: string }).code
    if (code === 'EACCES' || code === 'EPERM') {
      return {
        code: 'NO_PERMISSION',
        severity: 'error',
        path,
        message: `无权读写 ${path}，请把运行用户加入 dialout 组后重新登录 / no permission on ${path}: add the user to the dialout group and log in again`,
      }
    }
    return {
      code: 'NOT_FOUND',
      severity: 'error',
      path,
      message: `设备不存在：${path}，请检查线缆和配置 / no device at ${path}: check the cable and the configured path (${toError(err).message})`,
    }
  }
}

async function list(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort()
  } catch {
    return []
  }
}

async function resolve(path: string): Promise<string> {
  try {
    return await realpath(path)
  } catch {
    return path
  }
}

export async function discoverSerialPorts(options: SerialDiscoveryOptions = {}): Promise<SerialDiscovery> {
  const devDir = options.devDir ?? '/dev'
  const ports: SerialCandidate[] = []
  const problems: DiscoveryProblem[] = []
  const seen = new Set<string>()
  const add = (path: string, source: SerialCandidate['source'], device: string): void => {
    if (seen.has(device)) return
    seen.add(device)
    ports.push({ path, source, device })
  }

  for (const path of options.configured ?? []) {
    const problem = await checkDevicePath(path)
    if (problem) problems.push(problem)
    else add(path, 'configured', await resolve(path))
  }

  const udev = options.udev ?? (await udevRunning())
  if (!udev) {
    problems.push({
      code: 'NO_UDEV',
      severity: 'info',
      message:
        '未运行 udev：SerialPort.list() 不可用，改为扫描 /dev/serial/by-id 与 /dev/ttyUSB*、/dev/ttyACM* / ' +
        'udev is not running: SerialPort.list() is unusable, scanning /dev/serial/by-id and /dev/ttyUSB*, /dev/ttyACM* instead',
    })
  }

  const byId = join(devDir, 'serial', 'by-id')
  for (const name of await list(byId)) {
    const path = join(byId, name)
    add(path, 'by-id', await resolve(path))
  }
  for (const name of await list(devDir)) {
    if (/^tty(USB|ACM)\d+$/.test(name)) {
      const path = join(devDir, name)
      add(path, 'tty-glob', await resolve(path))
    }
  }
  return { ports, problems }
}

export interface HidDiscoveryOptions {
  vendorId?: number
  productId?: number
  loader?: HidLoader
}

export interface HidDiscovery {
  devices: HidDeviceInfo[]
  problems: DiscoveryProblem[]
}

/** HID devices (optionally of one vendor/product id) through node-hid's `devicesAsync()`. */
export async function discoverHidDevices(options: HidDiscoveryOptions = {}): Promise<HidDiscovery> {
  let hid: Awaited<ReturnType<HidLoader>>
  try {
    hid = await (options.loader ?? loadNodeHid)()
  } catch (err) {
    return {
      devices: [],
      problems: [{ code: 'NO_LIBUSB', severity: 'error', message: toError(err).message }],
    }
  }
  try {
    const { vendorId, productId } = options
    const all =
      vendorId !== undefined && productId !== undefined
        ? await hid.devicesAsync(vendorId, productId)
        : await hid.devicesAsync()
    const devices = all.filter(
      (d) =>
        (vendorId === undefined || d.vendorId === vendorId) &&
        (productId === undefined || d.productId === productId),
    )
    const problems: DiscoveryProblem[] = []
    if (devices.length === 0 && vendorId !== undefined) {
      const id = `${vendorId.toString(16).padStart(4, '0')}:${(productId ?? 0).toString(16).padStart(4, '0')}`
      problems.push({
        code: 'NOT_FOUND',
        severity: 'warn',
        message: `未找到 USB 设备 ${id}，请检查是否插好 / no HID device ${id} found: check that it is plugged in`,
      })
    }
    return { devices, problems }
  } catch (err) {
    const message = `无法列出 HID 设备 / cannot list HID devices: ${toError(err).message}`
    return { devices: [], problems: [{ code: 'NOT_FOUND', severity: 'error', message }] }
  }
}
