import type { ComponentChildren } from 'preact'

/** A titled panel of the wall. */
export function Card({
  title,
  extra,
  children,
}: {
  title: string
  extra?: ComponentChildren
  children: ComponentChildren
}) {
  return (
    <div class="card">
      <div class="card__head">
        <h2>{title}</h2>
        {extra}
      </div>
      {children}
    </div>
  )
}
