import type {
  ApiClient,
  CaseOutcome,
  CaseType,
  DayUnit,
  FinishCaseBody,
  MissingMaterial,
  ServiceGuide,
  ServiceSummary,
} from '@hall/protocol'
import { computed, type ReadonlySignal, type Signal, signal } from '@preact/signals'

/**
 * The case form (办件): the service item, its type (即办件/承诺件/上报件/退办件), the outcome (受理,
 * 补齐补正 with every missing material listed once — 一次性告知 — or 不予受理 with the reason), and
 * the promised days. The checks here only guide the clerk; the server decides.
 */

export interface CaseFormValues {
  serviceItemId: string | null
  caseType: CaseType
  outcome: CaseOutcome
  missing: MissingMaterial[]
  refusalReason: string
  promiseDays: string
  supplementDays: string
  continueService: boolean
  /** The guide's promised days, the server's default for 承诺件. */
  guidePromisedDays: number | null
  /** The unit of the promised days: the guide's (工作日, 自然日 or 日), working days without one. */
  promiseDayUnit: DayUnit
}

const wholeNumber = (text: string) => /^\d+$/.test(text.trim())

/** The finish request for these values, or what is still missing. */
export function finishBody(values: CaseFormValues): { body: FinishCaseBody | null; problems: string[] } {
  const problems: string[] = []
  if (values.serviceItemId === null) problems.push('请选择办理事项')
  const missing = values.missing
    .map((m) => ({ name: m.name.trim(), note: m.note?.trim() || null }))
    .filter((m) => m.name !== '')
  if (values.outcome === 'supplement' && missing.length === 0)
    problems.push('补齐补正须勾选或填写需要补充的材料')
  const reason = values.refusalReason.trim()
  if (values.outcome === 'rejected' && reason === '') problems.push('不予受理须填写理由')
  const promiseText = values.promiseDays.trim()
  const needsPromise = values.caseType === 'promised' && values.outcome === 'accepted'
  if (promiseText !== '' && (!wholeNumber(promiseText) || Number(promiseText) > 365)) {
    problems.push('承诺时限应为 0 到 365 之间的整数')
  } else if (needsPromise && promiseText === '' && values.guidePromisedDays === null) {
    problems.push('承诺件须填写承诺办结时限')
  }
  const supplementText = values.supplementDays.trim()
  if (
    values.outcome === 'supplement' &&
    supplementText !== '' &&
    (!wholeNumber(supplementText) || Number(supplementText) < 1 || Number(supplementText) > 90)
  ) {
    problems.push('补正期限应为 1 到 90 个工作日')
  }
  if (problems.length > 0 || values.serviceItemId === null) return { body: null, problems }
  const body: FinishCaseBody = {
    serviceItemId: values.serviceItemId,
    caseType: values.caseType,
    outcome: values.outcome,
  }
  if (values.outcome === 'supplement') {
    body.missingMaterials = missing
    if (supplementText !== '') body.supplementDays = Number(supplementText)
  }
  if (values.outcome === 'rejected') body.refusalReason = reason
  if (needsPromise && promiseText !== '') {
    body.promiseDays = Number(promiseText)
    if (values.promiseDayUnit !== 'working') body.promiseDayUnit = values.promiseDayUnit
  }
  if (values.continueService) body.continueService = true
  return { body, problems }
}

/** The usual type of a service item: promised days mean 承诺件, none or zero 即办件. */
export function defaultCaseType(guide: Pick<ServiceGuide, 'promisedDays'>): CaseType {
  return guide.promisedDays !== null && guide.promisedDays > 0 ? 'promised' : 'immediate'
}

export interface CaseForm {
  caseId: ReadonlySignal<string | null>
  query: Signal<string>
  results: ReadonlySignal<ServiceSummary[]>
  searching: ReadonlySignal<boolean>
  service: ReadonlySignal<ServiceGuide | null>
  loadError: ReadonlySignal<string | null>
  caseType: Signal<CaseType>
  outcome: Signal<CaseOutcome>
  checked: ReadonlySignal<ReadonlySet<string>>
  extras: ReadonlySignal<string[]>
  refusalReason: Signal<string>
  promiseDays: Signal<string>
  supplementDays: Signal<string>
  continueService: Signal<boolean>
  problems: ReadonlySignal<string[]>
  body: ReadonlySignal<FinishCaseBody | null>
  /** Starts over for an open case, with the service item already known, if any. */
  reset(caseId: string | null, serviceItemId: string | null): void
  search(text: string): void
  choose(serviceId: string): Promise<void>
  toggle(material: string): void
  addExtra(text: string): void
  removeExtra(index: number): void
}

export interface CaseFormDeps {
  api: ApiClient
  errorText(error: unknown): string
  debounceMs?: number
}

export function createCaseForm(deps: CaseFormDeps): CaseForm {
  const caseId = signal<string | null>(null)
  const query = signal('')
  const results = signal<ServiceSummary[]>([])
  const searching = signal(false)
  const service = signal<ServiceGuide | null>(null)
  const loadError = signal<string | null>(null)
  const caseType = signal<CaseType>('immediate')
  const outcome = signal<CaseOutcome>('accepted')
  const checked = signal<ReadonlySet<string>>(new Set())
  const extras = signal<string[]>([])
  const refusalReason = signal('')
  const promiseDays = signal('')
  const supplementDays = signal('')
  const continueService = signal(false)
  let searchSeq = 0
  let chooseSeq = 0
  let timer: ReturnType<typeof setTimeout> | null = null

  const values = computed<CaseFormValues>(() => ({
    serviceItemId: service.value?.id ?? null,
    caseType: caseType.value,
    outcome: outcome.value,
    missing: [
      ...(service.value?.materials ?? [])
        .filter((m) => checked.value.has(m.name))
        .map((m) => ({ name: m.name, note: m.note })),
      ...extras.value.map((name) => ({ name, note: null })),
    ],
    refusalReason: refusalReason.value,
    promiseDays: promiseDays.value,
    supplementDays: supplementDays.value,
    continueService: continueService.value,
    guidePromisedDays: service.value?.promisedDays ?? null,
    promiseDayUnit: service.value?.promisedDayUnit ?? 'working',
  }))
  const checkedResult = computed(() => finishBody(values.value))

  async function choose(serviceId: string): Promise<void> {
    const seq = ++chooseSeq
    loadError.value = null
    try {
      const guide = await deps.api('getService', { params: { serviceId } })
      if (seq !== chooseSeq) return
      service.value = guide
      caseType.value = defaultCaseType(guide)
      promiseDays.value = guide.promisedDays === null ? '' : String(guide.promisedDays)
      checked.value = new Set()
      results.value = []
      query.value = guide.name
    } catch (error) {
      if (seq === chooseSeq) loadError.value = deps.errorText(error)
    }
  }

  async function runSearch(text: string): Promise<void> {
    const seq = ++searchSeq
    searching.value = true
    try {
      const found = await deps.api('searchServices', { query: { q: text, limit: 20 } })
      if (seq === searchSeq) results.value = found
    } catch (error) {
      if (seq === searchSeq) loadError.value = deps.errorText(error)
    } finally {
      if (seq === searchSeq) searching.value = false
    }
  }

  return {
    caseId,
    query,
    results,
    searching,
    service,
    loadError,
    caseType,
    outcome,
    checked,
    extras,
    refusalReason,
    promiseDays,
    supplementDays,
    continueService,
    problems: computed(() => checkedResult.value.problems),
    body: computed(() => checkedResult.value.body),
    reset(id, serviceItemId) {
      caseId.value = id
      query.value = ''
      results.value = []
      service.value = null
      loadError.value = null
      caseType.value = 'immediate'
      outcome.value = 'accepted'
      checked.value = new Set()
      extras.value = []
      refusalReason.value = ''
      promiseDays.value = ''
      supplementDays.value = ''
      continueService.value = false
      chooseSeq++
      if (serviceItemId) void choose(serviceItemId)
    },
    search(text) {
      query.value = text
      if (timer !== null) clearTimeout(timer)
      const trimmed = text.trim()
      if (trimmed === '') {
        searchSeq++
        results.value = []
        searching.value = false
        return
      }
      timer = setTimeout(() => void runSearch(trimmed), deps.debounceMs ?? 200)
    },
    choose,
    toggle(material) {
      const next = new Set(checked.peek())
      if (next.has(material)) next.delete(material)
      else next.add(material)
      checked.value = next
    },
    addExtra(text) {
      const name = text.trim()
      if (name === '' || extras.peek().includes(name)) return
      extras.value = [...extras.peek(), name]
    },
    removeExtra(index) {
      extras.value = extras.peek().filter((_, i) => i !== index)
    },
  }
}
