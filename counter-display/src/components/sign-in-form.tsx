import { useEffect, useRef, useState } from 'preact/hooks'
import { applyKey, Keypad } from './keypad'

/**
 * Staff number and PIN, typed or tapped on the keypad (which fills the field that has focus).
 * Enter moves from the staff number to the PIN, then signs in.
 */
export function SignInForm(props: {
  title: string
  hint?: string
  busy: boolean
  error: string | null
  onSubmit: (staffNo: string, pin: string) => void
}) {
  const [staffNo, setStaffNo] = useState('')
  const [pin, setPin] = useState('')
  const [field, setField] = useState<'staffNo' | 'pin'>('staffNo')
  const staffRef = useRef<HTMLInputElement>(null)
  const pinRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    const target = field === 'staffNo' ? staffRef.current : pinRef.current
    if (target && document.activeElement !== target) target.focus()
  }, [field])
  const submit = () => {
    if (staffNo === '') return setField('staffNo')
    if (pin.length < 4) return setField('pin')
    props.onSubmit(staffNo, pin)
    setPin('')
  }
  const onKey = (key: string) => {
    if (field === 'staffNo') setStaffNo((v) => applyKey(v, key, 12))
    else setPin((v) => applyKey(v, key, 12))
  }
  return (
    <form
      class="sign-in"
      onSubmit={(event) => {
        event.preventDefault()
        if (field === 'staffNo' && pin === '') setField('pin')
        else submit()
      }}
    >
      <h2 class="sign-in__title">{props.title}</h2>
      {props.hint && <p class="sign-in__hint">{props.hint}</p>}
      <label class={`sign-in__field${field === 'staffNo' ? ' is-active' : ''}`}>
        <span>工号</span>
        <input
          name="staffNo"
          inputMode="numeric"
          autoComplete="username"
          value={staffNo}
          ref={staffRef}
          onFocus={() => setField('staffNo')}
          onInput={(e) =>
            setStaffNo((e.currentTarget as HTMLInputElement).value.replace(/\D/g, '').slice(0, 12))
          }
        />
      </label>
      <label class={`sign-in__field${field === 'pin' ? ' is-active' : ''}`}>
        <span>密码</span>
        <input
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="current-password"
          value={pin}
          ref={pinRef}
          onFocus={() => setField('pin')}
          onInput={(e) => setPin((e.currentTarget as HTMLInputElement).value.replace(/\D/g, '').slice(0, 12))}
        />
      </label>
      <Keypad onKey={onKey} disabled={props.busy} />
      {props.error && (
        <p class="sign-in__error" role="alert">
          {props.error}
        </p>
      )}
      <button type="submit" class="btn btn--primary btn--block" disabled={props.busy}>
        {props.busy ? '正在登录…' : '登录（Enter）'}
      </button>
    </form>
  )
}
