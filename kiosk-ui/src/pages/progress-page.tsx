import { hallDateTime } from '@hall/domain'
import type { CaseView } from '@hall/protocol'
import { BigButton } from '../components/big-button'
import { CardGreeting } from '../components/card-greeting'
import { BusyNote, ErrorBox } from '../components/error-box'
import { CardIcon, ScanIcon } from '../components/icons'
import { Keyboard } from '../components/keyboard'
import { explainCase } from '../logic/case-explain'
import { isReceiptNo } from '../logic/scan-codes'
import { applySearchKey } from '../logic/search-input'
import { useStores } from '../store/context'

/** Case progress: scan the receipt's QR or swipe the card; each case explained in plain words. */
export function ProgressPage() {
  const { session, actions } = useStores()
  const cases = session.cases.value
  const typed = session.query.value.toUpperCase()
  return (
    <section class="stack">
      <h1 class="page-title">办件进度查询</h1>
      <CardGreeting />
      <BusyNote />
      <ErrorBox />
      {cases === null ? (
        <>
          <div class="ways">
            <div class="way">
              <ScanIcon />
              <span>扫描受理凭证上的二维码</span>
            </div>
            <div class="way">
              <CardIcon />
              <span>或刷办事人的身份证</span>
            </div>
          </div>
          <div class="code-entry">
            <div class="search-box" data-testid="receipt-box">
              {typed === '' ? <span class="placeholder">也可以输入受理编号，如 SL202611230001</span> : typed}
            </div>
            <BigButton
              label="查询"
              tone="primary"
              testId="lookup-receipt"
              disabled={!isReceiptNo(typed) || session.busy.value}
              onPress={() => void actions.lookupCases({ ref: typed })}
            />
          </div>
          <Keyboard
            digits
            onKey={(key) => (session.query.value = applySearchKey(session.query.value, key))}
          />
        </>
      ) : cases.length === 0 ? (
        <p class="empty" data-testid="no-cases">
          没有查到办件。请确认受理凭证或身份证是否正确，或到窗口咨询。
        </p>
      ) : (
        <div class="cases" data-testid="cases">
          {cases.map((c) => (
            <CaseCard key={c.id} item={c} />
          ))}
        </div>
      )}
    </section>
  )
}

function CaseCard(props: { item: CaseView }) {
  const { hall } = useStores()
  const c = props.item
  const offset = hall.hall.value?.utcOffsetMinutes ?? 480
  const plain = explainCase(c, offset)
  return (
    <article class={`case case-${plain.tone}`} data-testid="case" data-outcome={c.outcome ?? 'open'}>
      <header class="case-head">
        <span class="case-title">{c.serviceName ?? '办件'}</span>
        <span class="case-state">{plain.title}</span>
      </header>
      <div class="case-meta">
        {c.receiptNo ? `受理编号 ${c.receiptNo} · ` : ''}
        {c.applicantName ? `办事人 ${c.applicantName} · ` : ''}
        {hallDateTime(c.finishedAt ?? c.openedAt, offset, { year: true })}
      </div>
      {plain.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {plain.missing.length > 0 ? (
        <ol class="materials" data-testid="missing">
          {plain.missing.map((m) => (
            <li key={m.name}>
              <span class="material-name">{m.name}</span>
              {m.note ? <span class="material-extra">{m.note}</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </article>
  )
}
