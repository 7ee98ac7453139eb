import { useLayoutEffect } from 'preact/hooks'

/**
 * When a call was first painted on this screen, by call key, in `performance.now()` time: taken in
 * the task after the animation frame that drew it. The latency benchmark reads these.
 */

export interface PaintMarks {
  /** Painted, by call key. */
  marks: Record<string, number>
  /** The delta carrying the call arrived, by call key. */
  received: Record<string, number>
}

const KEEP = 500

export const paintMarks: PaintMarks = { marks: {}, received: {} }

function trim(record: Record<string, number>): void {
  const keys = Object.keys(record)
  if (keys.length > KEEP) for (const old of keys.slice(0, keys.length - KEEP)) delete record[old]
}

export function markReceived(key: string): void {
  paintMarks.received[key] = performance.now()
  trim(paintMarks.received)
}

export function usePaintMark(key: string | null): void {
  useLayoutEffect(() => {
    if (key === null || key in paintMarks.marks) return
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        paintMarks.marks[key] = performance.now()
        trim(paintMarks.marks)
      }
      channel.port2.postMessage(null)
    })
  }, [key])
}
