import { spawn } from 'node:child_process'
import { callPinyin, KIOSK_PROMPTS, type KioskPrompt } from './announce.js'

/**
 * Call announcements rendered on the hall server, offline: a two-tone chime, then the sentence
 * spoken by espeak-ng (Debian package espeak-ng, voice cmn-latn-pinyin), as one WAV the display
 * plays. Rendered once per code and window and kept in a small cache. Without espeak-ng the
 * server says so and the display shows the call without sound.
 */

const RATE = 22050

export class AudioUnavailable extends Error {}

/** 16-bit mono PCM WAV from samples in [-1, 1]. */
export function wavFromSamples(samples: Float32Array, rate = RATE): Buffer {
  const data = Buffer.alloc(samples.length * 2)
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] as number))
    data.writeInt16LE(Math.round(s * 32767), i * 2)
  }
  return wavFromPcm(data, rate)
}

export function wavFromPcm(pcm: Buffer, rate = RATE): Buffer {
  const header = Buffer.alloc(44)
  header.write('RIFF', 0)
  header.writeUInt32LE(36 + pcm.length, 4)
  header.write('WAVE', 8)
  header.write('fmt ', 12)
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20)
  header.writeUInt16LE(1, 22)
  header.writeUInt32LE(rate, 24)
  header.writeUInt32LE(rate * 2, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36)
  header.writeUInt32LE(pcm.length, 40)
  return Buffer.concat([header, pcm])
}

/** The PCM data of a 16-bit mono WAV, and its sample rate. */
export function pcmOfWav(wav: Buffer): { pcm: Buffer; rate: number } {
  if (wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE')
    throw new Error('not a WAV file')
  let offset = 12
  let rate = RATE
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4)
    let size = wav.readUInt32LE(offset + 4)
    if (id === 'fmt ') rate = wav.readUInt32LE(offset + 12)
    if (id === 'data') {
      // espeak-ng writes to a pipe, so the sizes in its header may be left as 0 or 0xFFFFFFFF.
      if (size === 0 || size === 0xffffffff || offset + 8 + size > wav.length) size = wav.length - offset - 8
      return { pcm: wav.subarray(offset + 8, offset + 8 + size), rate }
    }
    offset += 8 + size + (size % 2)
  }
  throw new Error('WAV without data')
}

/** Ding-dong: two decaying tones, E6 then C6, as hall chimes go. */
export function chime(rate = RATE): Float32Array {
  const tone = (freq: number, seconds: number) =>
    Array.from({ length: Math.round(rate * seconds) }, (_, i) => {
      const t = i / rate
      return (
        0.35 * Math.sin(2 * Math.PI * freq * t) * Math.exp(-3.2 * t) +
        0.1 * Math.sin(4 * Math.PI * freq * t) * Math.exp(-6 * t)
      )
    })
  const gap = Array.from({ length: Math.round(rate * 0.15) }, () => 0)
  return Float32Array.from([...tone(1318.5, 0.55), ...tone(1046.5, 0.8), ...gap])
}

function espeak(text: string, voice: string, speed: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('espeak-ng', ['-v', voice, '-s', String(speed), '--stdout', text], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const chunks: Buffer[] = []
    child.stdout.on('data', (d: Buffer) => chunks.push(d))
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new AudioUnavailable('没有安装 espeak-ng（apt-get install espeak-ng）')
          : error,
      ),
    )
    child.on('close', (code) =>
      code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`espeak-ng exited ${code}`)),
    )
  })
}

export class CallAudio {
  private readonly cache = new Map<string, Promise<Buffer>>()
  private readonly ding = chime()

  constructor(private readonly options: { voice: string; speed: number; cacheSize: number }) {}

  /** The WAV for "请 {code} 号到 {window} 号窗口办理", chime first. */
  render(code: string, windowNumber: number): Promise<Buffer> {
    return this.cached(`call/${code}/${windowNumber}`, () => this.speak(callPinyin(code, windowNumber), true))
  }

  /** A kiosk prompt, spoken without the chime. */
  prompt(key: KioskPrompt): Promise<Buffer> {
    return this.cached(`prompt/${key}`, () => this.speak(KIOSK_PROMPTS[key], false))
  }

  private async speak(pinyin: string, withChime: boolean): Promise<Buffer> {
    const { pcm, rate } = pcmOfWav(await espeak(pinyin, this.options.voice, this.options.speed))
    if (!withChime) return wavFromPcm(pcm, rate)
    const chimePcm = pcmOfWav(wavFromSamples(rate === RATE ? this.ding : chime(rate), rate)).pcm
    return wavFromPcm(Buffer.concat([chimePcm, pcm]), rate)
  }

  private cached(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
    const cached = this.cache.get(key)
    if (cached) return cached
    const rendering = make()
    rendering.catch(() => this.cache.delete(key))
    this.cache.set(key, rendering)
    if (this.cache.size > this.options.cacheSize) this.cache.delete(this.cache.keys().next().value as string)
    return rendering
  }
}
