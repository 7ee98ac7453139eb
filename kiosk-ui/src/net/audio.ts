import type { ApiClient } from '@hall/client'
import type { KioskPromptKey } from '@hall/protocol'

/**
 * Spoken prompts: WAV files rendered by the hall server (`kioskPrompt`). An <audio> element cannot
 * send the bearer token, so each prompt is fetched with the API client once, kept as a blob URL
 * and played from there. Any failure (no audio device, espeak-ng missing on the server, offline)
 * leaves the kiosk silent and working.
 */

export interface Prompter {
  play(key: KioskPromptKey): void
  stop(): void
}

export function createPrompter(api: ApiClient, enabled: () => boolean): Prompter {
  const urls = new Map<KioskPromptKey, Promise<string | null>>()
  let element: HTMLAudioElement | null = null
  const urlOf = (key: KioskPromptKey) => {
    let found = urls.get(key)
    if (!found) {
      found = api('kioskPrompt', { query: { key } })
        .then((bytes) =>
          URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'audio/wav' })),
        )
        .catch(() => {
          urls.delete(key)
          return null
        })
      urls.set(key, found)
    }
    return found
  }
  return {
    play(key) {
      if (!enabled()) return
      void urlOf(key).then((url) => {
        if (!url || !enabled()) return
        try {
          element ??= document.body.appendChild(document.createElement('audio'))
          element.src = url
          void element.play().catch(() => undefined)
        } catch {
          // No audio output: stay silent.
        }
      })
    },
    stop() {
      element?.pause()
    },
  }
}
