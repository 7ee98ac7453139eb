import type { ApiClient } from '@hall/protocol'

/**
 * The server's rendering of a call (chime, then 请 A012 号到 3 号窗口办理), fetched with the
 * screen's token and kept as a blob URL. The last few are kept (as promises, so a prefetch and the
 * play that follows share one request); repeats and recalls do not fetch again.
 */
export function createCallAudioSource(api: ApiClient, keep = 12) {
  const cache = new Map<string, Promise<string>>()
  return function load(code: string, windowNumber: number): Promise<string> {
    const key = `${code}@${windowNumber}`
    const cached = cache.get(key)
    if (cached) {
      cache.delete(key)
      cache.set(key, cached)
      return cached
    }
    const loading = api('callAudio', { query: { code, window: windowNumber } }).then((bytes) =>
      URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'audio/wav' })),
    )
    loading.catch(() => cache.delete(key))
    cache.set(key, loading)
    while (cache.size > keep) {
      const oldest = cache.keys().next().value as string
      void cache.get(oldest)?.then(URL.revokeObjectURL, () => undefined)
      cache.delete(oldest)
    }
    return loading
  }
}
