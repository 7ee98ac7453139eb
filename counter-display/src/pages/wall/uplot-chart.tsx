import { useEffect, useRef } from 'preact/hooks'
import uPlot from 'uplot'

/**
 * A uPlot chart that fills its box: created once per `configKey` (the options that shape it),
 * fed new data in place, resized with its box.
 */
export function UplotChart(props: {
  configKey: string
  options: () => Omit<uPlot.Options, 'width' | 'height'>
  data: uPlot.AlignedData
  label: string
  /** Height of the plot itself; a legend goes below it. */
  height?: number
}) {
  const box = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | null>(null)
  const latest = useRef(props)
  latest.current = props
  useEffect(() => {
    const el = box.current
    if (!el) return
    const size = () => ({ width: Math.max(200, el.clientWidth), height: latest.current.height ?? 220 })
    const chart = new uPlot({ ...latest.current.options(), ...size() }, latest.current.data, el)
    plot.current = chart
    const observer = new ResizeObserver(() => chart.setSize(size()))
    observer.observe(el)
    return () => {
      observer.disconnect()
      chart.destroy()
      plot.current = null
    }
  }, [props.configKey])
  useEffect(() => {
    plot.current?.setData(props.data)
  }, [props.data])
  return <div class="chart" ref={box} role="img" aria-label={props.label} />
}
