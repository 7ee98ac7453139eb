import type { ServiceGuide } from '@hall/protocol'
import { BigButton } from '../components/big-button'
import { BusyNote, ErrorBox } from '../components/error-box'
import { PrintIcon, TicketIcon } from '../components/icons'
import { PrintStatus } from '../components/print-status'
import { formatDays } from '../logic/format'
import { useStores } from '../store/context'

/**
 * A service guide (办事指南) with every element of 淄川区镇村便民服务标准化管理办法 §30, in the order
 * the article lists them; print the whole guide or only the material list.
 */
export function GuidePage() {
  const { hall, session, actions } = useStores()
  const guide = session.guide.value
  if (!guide) return null
  const canTake = hall.hall.value?.mode === 'open' && guide.queueId !== null
  return (
    <section class="guide" data-testid="guide">
      <div class="guide-scroll">
        <h1 class="guide-title">{guide.name}</h1>
        <dl class="guide-facts">
          <Fact label="事项类型" value={guide.itemType} />
          <Fact label="实施主体" value={guide.department} />
          <Fact label="法定办结时限" value={formatDays(guide.legalDays, guide.legalDayUnit)} />
          <Fact label="承诺办结时限" value={formatDays(guide.promisedDays, guide.promisedDayUnit)} />
          <Fact label="结果名称" value={guide.resultName} />
        </dl>
        <Section title="受理条件" text={guide.conditions} />
        <Materials guide={guide} />
        <Process text={guide.process} />
        <Section title="设定依据" text={guide.basis} />
        <Section title="收费标准" text={guide.fees} />
        <Section title="收费依据" text={guide.feeBasis} />
        <Section title="审查标准" text={guide.reviewStandard} />
        <Section title="预约办理" text={guide.appointment} />
        <Section title="咨询方式" text={guide.consultation} />
        <Section title="监督投诉方式" text={guide.complaint} />
      </div>
      <div class="guide-actions">
        <BusyNote />
        <ErrorBox />
        <PrintStatus state={session.print.state.value} what="办事指南" />
        <div class="row">
          <BigButton
            label="打印办事指南"
            icon={<PrintIcon />}
            testId="print-guide"
            disabled={session.busy.value}
            onPress={() => void actions.printGuide(false)}
          />
          <BigButton
            label="打印材料清单"
            icon={<PrintIcon />}
            testId="print-materials"
            disabled={session.busy.value}
            onPress={() => void actions.printGuide(true)}
          />
          {canTake ? (
            <BigButton
              label="取号办理"
              icon={<TicketIcon />}
              tone="primary"
              testId="guide-take-number"
              onPress={() => actions.takeNumberForGuide()}
            />
          ) : null}
        </div>
      </div>
    </section>
  )
}

function Fact(props: { label: string; value: string | null }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.value ?? '—'}</dd>
    </div>
  )
}

function Section(props: { title: string; text: string | null }) {
  return (
    <section class="guide-section">
      <h2>{props.title}</h2>
      <p>{props.text ?? '无'}</p>
    </section>
  )
}

function Materials(props: { guide: ServiceGuide }) {
  const list = props.guide.materials
  return (
    <section class="guide-section" data-testid="materials">
      <h2>所需材料（{list.length} 项）</h2>
      {list.length === 0 ? (
        <p>无需提交材料</p>
      ) : (
        <ol class="materials">
          {list.map((m) => (
            <li key={m.name}>
              <span class="material-name">{m.name}</span>
              <span class={`badge${m.required ? ' badge-required' : ''}`}>
                {m.required ? '必须' : '可选'}
              </span>
              {m.copies ? <span class="material-extra">{m.copies}</span> : null}
              {m.note ? <span class="material-extra">{m.note}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

function Process(props: { text: string | null }) {
  const steps = (props.text ?? '')
    .split(/→|->/)
    .map((s) => s.trim())
    .filter(Boolean)
  return (
    <section class="guide-section">
      <h2>办理流程</h2>
      {steps.length === 0 ? (
        <p>无</p>
      ) : (
        <ol class="steps">
          {steps.map((s, i) => (
            <li key={`${i}-${s}`}>{s}</li>
          ))}
        </ol>
      )}
    </section>
  )
}
