import { useEffect, useState } from 'preact/hooks'
import type { QrMatrix } from '../logic/qr'

/**
 * A QR code as one SVG path, with the 4-module quiet zone the standard asks for. The encoder (the
 * qrcode library) is loaded only when a code is shown, i.e. when the paper did not print, so the
 * ticket screen's usual path stays small; until it arrives the square is blank.
 */
export function QrCode(props: { text: string; size: number; label: string }) {
  const [symbol, setSymbol] = useState<{ text: string; path: string; extent: number } | null>(null)
  useEffect(() => {
    let live = true
    void import('../logic/qr').then(({ encodeQr }) => {
      if (live) setSymbol({ text: props.text, ...svgPath(encodeQr(props.text)) })
    })
    return () => {
      live = false
    }
  }, [props.text])
  const shown = symbol?.text === props.text ? symbol : null
  const extent = shown?.extent ?? 1
  return (
    <svg
      class="qr"
      role="img"
      aria-label={props.label}
      width={props.size}
      height={props.size}
      viewBox={`0 0 ${extent} ${extent}`}
      shape-rendering="crispEdges"
      data-qr={shown ? props.text : undefined}
    >
      <rect width={extent} height={extent} fill="#fff" />
      {shown && <path d={shown.path} fill="#000" />}
    </svg>
  )
}

function svgPath(qr: QrMatrix): { path: string; extent: number } {
  let path = ''
  qr.modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x + 4} ${y + 4}h1v1h-1z`
    })
  })
  return { path, extent: qr.size + 8 }
}
