/**
 * Plays the call audio through one <audio> element, so two announcements can never sound at
 * once. `play` resolves when the audio ends (or after a safety limit if the element stalls) and
 * rejects when the browser refuses (autoplay blocked) or cannot decode it. Counts what really
 * happened, for the display's test hook.
 */

export interface AudioPlayerStats {
  started: number
  ended: number
  lastSrc: string | null
}

export function createAudioPlayer() {
  const element = new Audio()
  element.preload = 'auto'
  const stats: AudioPlayerStats = { started: 0, ended: 0, lastSrc: null }
  element.addEventListener('playing', () => {
    stats.started++
  })
  element.addEventListener('ended', () => {
    stats.ended++
  })

  function play(url: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let limit: ReturnType<typeof setTimeout> | null = null
      const done = (error?: unknown) => {
        if (limit !== null) clearTimeout(limit)
        element.removeEventListener('ended', onEnded)
        element.removeEventListener('error', onError)
        element.removeEventListener('loadedmetadata', onMeta)
        if (error) reject(error)
        else resolve()
      }
      const onEnded = () => done()
      const onError = () => done(Object.assign(new Error('audio error'), { name: 'MediaError' }))
      const arm = (ms: number) => {
        if (limit !== null) clearTimeout(limit)
        limit = setTimeout(() => {
          element.pause()
          done()
        }, ms)
      }
      const onMeta = () => {
        if (Number.isFinite(element.duration)) arm((element.duration + 3) * 1000)
      }
      element.addEventListener('ended', onEnded)
      element.addEventListener('error', onError)
      element.addEventListener('loadedmetadata', onMeta)
      arm(20_000)
      stats.lastSrc = url
      element.src = url
      element.currentTime = 0
      element.play().catch((error: unknown) => done(error ?? new Error('play refused')))
    })
  }

  return { play, stats, element }
}
