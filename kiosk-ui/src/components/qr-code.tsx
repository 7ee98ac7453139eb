import { useMemo } from 'preact/hooks'
import { encodeQr } from '../logic/qr'

/** A QR code as one SVG path, with the 4-module quiet zone the standard asks for. */
export function QrCode(props: { text: string; size: number; label: string }) {
  const { path, extent } = useMemo(() => {
    const qr = encodeQr(props.text)
    let d = ''
    qr.modules.forEach((row, y) => {
      row.forEach((dark, x) => {
        if (dark) d += `M${x + 4} ${y + 4}h1v1h-1z`
      })
    })
    return { path: d, extent: qr.size + 8 }
  }, [props.text])
  return (
    <svg
      class="qr"
      role="img"
      aria-label={props.label}
      width={props.size}
      height={props.size}
      viewBox={`0 0 ${extent} ${extent}`}
      shape-rendering="crispEdges"
      data-qr={props.text}
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  )
}
