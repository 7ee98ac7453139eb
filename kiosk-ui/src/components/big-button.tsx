import type { ComponentChildren } from 'preact'

export type ButtonTone = 'primary' | 'secondary' | 'plain' | 'danger'

export interface BigButtonProps {
  label: string
  sub?: string | undefined
  icon?: ComponentChildren
  tone?: ButtonTone
  disabled?: boolean
  wide?: boolean
  testId?: string
  onPress(): void
}

/** The one button of the kiosk: at least 64 px high, pressed state only (no hover on touch). */
export function BigButton(props: BigButtonProps) {
  const tone = props.tone ?? 'secondary'
  return (
    <button
      type="button"
      class={`btn btn-${tone}${props.wide ? ' btn-wide' : ''}`}
      disabled={props.disabled}
      data-testid={props.testId}
      onClick={() => props.onPress()}
    >
      {props.icon ? <span class="btn-icon">{props.icon}</span> : null}
      <span class="btn-text">
        <span class="btn-label">{props.label}</span>
        {props.sub ? <span class="btn-sub">{props.sub}</span> : null}
      </span>
    </button>
  )
}
