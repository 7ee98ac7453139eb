import { effect, signal } from '@preact/signals'
import type { KeyStore } from '../logic/boot-params'

/**
 * What the kiosk remembers across restarts: care mode (关怀模式: larger type, higher contrast) and
 * spoken prompts. Remembered per kiosk, not per citizen: a hall sets it for its public.
 */

const CARE_KEY = 'hall.kiosk.care'
const VOICE_KEY = 'hall.kiosk.voice'

export function createPrefsStore(store: KeyStore) {
  const care = signal(store.getItem(CARE_KEY) === '1')
  const voice = signal(store.getItem(VOICE_KEY) === '1')
  const dispose: () => void = effect(() => {
    store.setItem(CARE_KEY, care.value ? '1' : '0')
    store.setItem(VOICE_KEY, voice.value ? '1' : '0')
  })
  return {
    care,
    voice,
    toggleCare() {
      care.value = !care.value
    },
    toggleVoice() {
      voice.value = !voice.value
    },
    dispose,
  }
}

export type PrefsStore = ReturnType<typeof createPrefsStore>
