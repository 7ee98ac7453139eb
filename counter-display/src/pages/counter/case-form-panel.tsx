import {
  CASE_OUTCOME_LABELS,
  CASE_OUTCOMES,
  CASE_TYPE_LABELS,
  CASE_TYPES,
  type CaseOutcome,
  type CaseType,
  DAY_UNIT_WORDS,
  dayLimitText,
  type HallSnapshot,
} from '@hall/protocol'
import { useLayoutEffect } from 'preact/hooks'
import { SHORTCUTS } from '../../lib/shortcuts'
import { PAPER_LABELS } from '../../store/console-store'
import { useHall } from '../../store/context'
import { useCaseForm, useConsole } from './counter-context'
import { MaterialChecklist } from './material-checklist'
import { ServicePicker } from './service-picker'
import { useActionRunner } from './use-console-shortcuts'

/** The open case: service item, type, outcome and what the outcome needs; F8 finishes and prints. */
export function CaseFormPanel({ caseId }: { caseId: string }) {
  const hall = useHall()
  const form = useCaseForm()
  const desk = useConsole()
  const snapshot = hall.snapshot.value as HallSnapshot
  const open = snapshot.cases.find((c) => c.id === caseId)
  const run = useActionRunner(open?.windowId ?? '')
  useLayoutEffect(() => {
    if (form.caseId.peek() !== caseId) form.reset(caseId, open?.serviceItemId ?? null)
  }, [caseId, form, open?.serviceItemId])
  const outcome = form.outcome.value
  const problems = form.problems.value
  return (
    <form
      class="case"
      onSubmit={(event) => {
        event.preventDefault()
        run('finishCase')
      }}
    >
      <div class="case__head">
        <h2>办件</h2>
        <span class="case__id num">{caseId}</span>
        {open?.ticketCode && <span class="chip chip--open">号码 {open.ticketCode}</span>}
        {open?.applicantName && <span class="case__applicant">办事人 {open.applicantName}</span>}
      </div>
      <ServicePicker />
      <fieldset class="case__row">
        <legend>办件类型</legend>
        {CASE_TYPES.map((type) => (
          <Choice<CaseType>
            key={type}
            name="caseType"
            value={type}
            label={CASE_TYPE_LABELS[type]}
            current={form.caseType.value}
            onPick={(v) => (form.caseType.value = v)}
          />
        ))}
      </fieldset>
      <fieldset class="case__row">
        <legend>受理结果</legend>
        {CASE_OUTCOMES.map((value) => (
          <Choice<CaseOutcome>
            key={value}
            name="outcome"
            value={value}
            label={CASE_OUTCOME_LABELS[value]}
            current={outcome}
            onPick={(v) => (form.outcome.value = v)}
          />
        ))}
      </fieldset>
      {outcome === 'accepted' && form.caseType.value === 'promised' && (
        <label class="case__inline">
          承诺办结时限
          <input
            class="case__days num"
            name="promiseDays"
            inputMode="numeric"
            value={form.promiseDays.value}
            onInput={(e) => (form.promiseDays.value = (e.currentTarget as HTMLInputElement).value)}
          />
          {DAY_UNIT_WORDS[form.service.value?.promisedDayUnit ?? 'working']}
          {form.service.value?.legalDays != null && (
            <small class="case__muted">
              （法定 {dayLimitText(form.service.value.legalDays, form.service.value.legalDayUnit)}）
            </small>
          )}
        </label>
      )}
      {outcome === 'supplement' && <MaterialChecklist />}
      {outcome === 'rejected' && (
        <label class="case__block">
          不予受理的理由（将打印在不予受理通知书上）
          <textarea
            name="refusalReason"
            rows={3}
            maxLength={1000}
            value={form.refusalReason.value}
            onInput={(e) => (form.refusalReason.value = (e.currentTarget as HTMLTextAreaElement).value)}
          />
        </label>
      )}
      <div class="case__foot">
        <label class="case__inline">
          <input
            type="checkbox"
            checked={form.continueService.value}
            onChange={(e) => (form.continueService.value = (e.currentTarget as HTMLInputElement).checked)}
          />
          办结后继续为该号办理其他事项
        </label>
        {problems.length > 0 && <span class="case__problems">{problems.join('；')}</span>}
        <button
          type="submit"
          class="btn btn--primary case__submit"
          data-action="finishCase"
          disabled={desk.busy.value !== null || form.body.value === null}
        >
          <span class="kbd">{SHORTCUTS.finishCase.key}</span>
          办结并打印{PAPER_LABELS[outcome]}
        </button>
      </div>
    </form>
  )
}

function Choice<T extends string>(props: {
  name: string
  value: T
  label: string
  current: T
  onPick: (value: T) => void
}) {
  return (
    <label class={`case__choice${props.current === props.value ? ' is-on' : ''}`}>
      <input
        type="radio"
        name={props.name}
        value={props.value}
        checked={props.current === props.value}
        onChange={() => props.onPick(props.value)}
      />
      {props.label}
    </label>
  )
}
