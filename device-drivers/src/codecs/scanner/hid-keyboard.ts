/**
 * Barcode/QR scanners in USB HID keyboard mode: boot keyboard reports in, scanned codes out; and
 * the reverse for simulated scanners.
 *
 * Report layout (USB HID 1.11 boot keyboard report; device-drivers/docs/protocols.md):
 *   [report id]? | modifiers | reserved | key1 key2 key3 key4 key5 key6
 * modifiers: 0x02 left Shift, 0x20 right Shift (Ctrl/Alt/GUI make a key a shortcut, not text).
 * Keys are usage ids (hid-usage.ts); 0x28 Enter ends a scan. A report lists the keys held down
 * now, so a character is typed on the transition from up to down: a key still listed in the next
 * report is held, not pressed again. Scanners send an all-zero release report after each press,
 * which is how "00" arrives as two presses.
 *
 * Report ids: on Linux hidraw a keyboard without numbered reports yields 8 bytes, while Windows
 * and devices with numbered reports put a report-id byte first (9 bytes). `reportId: 'auto'` goes
 * by length; a number also filters out the device's other reports (consumer keys, vendor data).
 */

import { ScannerCodecError, ScannerErrorCode } from './errors.js'
import {
  charToUsage,
  HidModifier,
  HidUsage,
  NON_TEXT_MODIFIER_MASK,
  SHIFT_MASK,
  usageToChar,
} from './hid-usage.js'

export interface HidKeyboardDecoderOptions {
  /** 'auto' (default): 9-byte reports start with an id, 8-byte ones do not. */
  reportId?: 'auto' | 'none' | number
  /** Tab as a character in the code (default), or as the end of a scan like Enter. */
  tab?: 'char' | 'terminate'
  /** Longest code in characters; longer input is dropped up to the next terminator. */
  maxLength?: number
}

export type HidScanResult =
  | {
      kind: 'scan'
      text: string
      terminator: 'enter' | 'tab'
      /** Keys in this scan that typed nothing we know (each also reported as a warning). */
      ignoredKeys: number
    }
  | {
      kind: 'warning'
      code: 'UNKNOWN_KEY'
      usage: number
      modifiers: number
      /** How many UNKNOWN_KEY warnings this decoder has given, this one included. */
      count: number
    }
  | { kind: 'warning'; code: 'BAD_REPORT'; length: number; count: number }
  | { kind: 'error'; code: 'TOO_LONG'; maxLength: number }

export const DEFAULT_MAX_SCAN_LENGTH = 4096

const BOOT_REPORT_LENGTH = 8

export class HidKeyboardDecoder {
  private readonly reportId: 'auto' | 'none' | number
  private readonly tabTerminates: boolean
  private readonly maxLength: number
  private held = new Set<number>()
  private text = ''
  private ignored = 0
  private overflowing = false
  private readonly counts = { UNKNOWN_KEY: 0, BAD_REPORT: 0 }

  constructor(options: HidKeyboardDecoderOptions = {}) {
    this.reportId = options.reportId ?? 'auto'
    this.tabTerminates = options.tab === 'terminate'
    this.maxLength = options.maxLength ?? DEFAULT_MAX_SCAN_LENGTH
  }

  /** Warnings given so far, by code. */
  get warningCounts(): Readonly<{ UNKNOWN_KEY: number; BAD_REPORT: number }> {
    return { ...this.counts }
  }

  /** Forgets held keys and any unterminated code, e.g. after the device was reopened. */
  reset(): void {
    this.held = new Set()
    this.text = ''
    this.ignored = 0
    this.overflowing = false
  }

  /** Feeds one input report; returns the scans (and warnings) it completed. */
  push(report: Uint8Array): HidScanResult[] {
    const boot = this.bootReport(report)
    if (boot === null) return []
    if (boot === undefined) {
      this.counts.BAD_REPORT++
      return [{ kind: 'warning', code: 'BAD_REPORT', length: report.length, count: this.counts.BAD_REPORT }]
    }

    const modifiers = boot[0]!
    const keys: number[] = []
    for (let i = 2; i < BOOT_REPORT_LENGTH; i++) {
      const usage = boot[i]!
      // Rollover/POST/undefined errors: the report says nothing about which keys are down.
      if (usage >= HidUsage.errorRollOver && usage <= HidUsage.errorUndefined) return []
      // 0 is an empty slot; 0xE0-0xE7 are modifiers that some devices also list as keys.
      if (usage !== 0 && (usage < 0xe0 || usage > 0xe7)) keys.push(usage)
    }

    const results: HidScanResult[] = []
    for (const usage of keys) {
      if (!this.held.has(usage)) this.press(usage, modifiers, results)
    }
    this.held = new Set(keys)
    return results
  }

  /** The 8 boot bytes; null for another report id (not ours to read), undefined if malformed. */
  private bootReport(report: Uint8Array): Uint8Array | null | undefined {
    let body: Uint8Array
    if (this.reportId === 'none') body = report
    else if (this.reportId === 'auto')
      body = report.length === BOOT_REPORT_LENGTH + 1 ? report.subarray(1) : report
    else {
      if (report.length === 0) return undefined
      if (report[0] !== this.reportId) return null
      body = report.subarray(1)
    }
    return body.length === BOOT_REPORT_LENGTH ? body : undefined
  }

  private press(usage: number, modifiers: number, out: HidScanResult[]): void {
    if (usage === HidUsage.enter || usage === HidUsage.keypadEnter) {
      this.terminate('enter', out)
      return
    }
    if (usage === HidUsage.tab && this.tabTerminates) {
      this.terminate('tab', out)
      return
    }

    const ch =
      modifiers & NON_TEXT_MODIFIER_MASK
        ? undefined
        : usage === HidUsage.tab
          ? '\t'
          : usageToChar(usage, (modifiers & SHIFT_MASK) !== 0)
    if (ch === undefined) {
      this.counts.UNKNOWN_KEY++
      this.ignored++
      out.push({ kind: 'warning', code: 'UNKNOWN_KEY', usage, modifiers, count: this.counts.UNKNOWN_KEY })
      return
    }
    if (this.overflowing) return
    if (this.text.length >= this.maxLength) {
      this.overflowing = true
      this.text = ''
      out.push({ kind: 'error', code: 'TOO_LONG', maxLength: this.maxLength })
      return
    }
    this.text += ch
  }

  private terminate(terminator: 'enter' | 'tab', out: HidScanResult[]): void {
    // An Enter with nothing before it is not a scan (e.g. a scanner configured to send a blank line).
    if (!this.overflowing && this.text.length > 0) {
      out.push({ kind: 'scan', text: this.text, terminator, ignoredKeys: this.ignored })
    }
    this.text = ''
    this.ignored = 0
    this.overflowing = false
  }
}

export interface HidEncodeOptions {
  /** Key sent after the text (default 'enter'). */
  terminator?: 'enter' | 'tab' | 'none'
  /** Prepend this report id to every report. */
  reportId?: number
  /** Which Shift the simulated scanner holds for capitals (default 'left'). */
  shift?: 'left' | 'right'
}

/**
 * The reports a scanner in keyboard mode sends for `text`: for each character a press report then
 * an all-zero release report. `\t` is sent as the Tab key. Throws `ScannerCodecError` for
 * characters a US keyboard cannot type (Chinese, for instance, which keyboard mode loses).
 */
export function encodeHidReports(text: string, options: HidEncodeOptions = {}): Uint8Array[] {
  const { reportId } = options
  if (reportId !== undefined && (!Number.isInteger(reportId) || reportId < 0 || reportId > 0xff)) {
    throw new ScannerCodecError(ScannerErrorCode.invalidArgument, `report id must be a byte, got ${reportId}`)
  }
  const shiftBit = options.shift === 'right' ? HidModifier.rightShift : HidModifier.leftShift
  const report = (modifiers: number, usage: number): Uint8Array => {
    const boot = [modifiers, 0, usage, 0, 0, 0, 0, 0]
    return Uint8Array.from(reportId === undefined ? boot : [reportId, ...boot])
  }
  const out: Uint8Array[] = []
  const key = (usage: number, shift: boolean) => {
    out.push(report(shift ? shiftBit : 0, usage), report(0, 0))
  }
  for (const ch of text) {
    if (ch === '\t') {
      key(HidUsage.tab, false)
      continue
    }
    const k = charToUsage(ch)
    if (!k) {
      throw new ScannerCodecError(
        ScannerErrorCode.unsupportedChar,
        `a US keyboard cannot type ${JSON.stringify(ch)}`,
      )
    }
    key(k.usage, k.shift)
  }
  const terminator = options.terminator ?? 'enter'
  if (terminator === 'enter') key(HidUsage.enter, false)
  else if (terminator === 'tab') key(HidUsage.tab, false)
  return out
}
