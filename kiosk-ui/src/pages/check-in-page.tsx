import { BigButton } from '../components/big-button'
import { CardGreeting } from '../components/card-greeting'
import { BusyNote, ErrorBox } from '../components/error-box'
import { CardIcon, ScanIcon } from '../components/icons'
import { Keyboard } from '../components/keyboard'
import { isAppointmentCode } from '../logic/scan-codes'
import { applySearchKey } from '../logic/search-input'
import { useStores } from '../store/context'

/** Appointment check-in: scan the code, swipe the card, or type the 8-character code. */
export function CheckInPage() {
  const { session, actions } = useStores()
  const typed = session.query.value.toUpperCase()
  return (
    <section class="stack">
      <h1 class="page-title">预约签到</h1>
      <CardGreeting />
      <div class="ways">
        <div class="way">
          <ScanIcon />
          <span>扫描预约码</span>
        </div>
        <div class="way">
          <CardIcon />
          <span>或刷预约时登记的身份证</span>
        </div>
      </div>
      <BusyNote />
      <ErrorBox />
      <div class="code-entry">
        <div class="search-box" data-testid="code-box">
          {typed === '' ? <span class="placeholder">也可以输入 8 位预约码</span> : typed}
        </div>
        <BigButton
          label="签到"
          tone="primary"
          testId="check-in-code"
          disabled={!isAppointmentCode(typed) || session.busy.value}
          onPress={() => void actions.checkIn({ code: typed })}
        />
      </div>
      <Keyboard digits onKey={(key) => (session.query.value = applySearchKey(session.query.value, key))} />
    </section>
  )
}
