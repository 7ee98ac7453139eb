import { dayLimitText } from '@hall/protocol'
import { useCaseForm } from './counter-context'

/** Finds the service item by name or pinyin initials (户口 → hk), then loads its guide. */
export function ServicePicker() {
  const form = useCaseForm()
  const service = form.service.value
  const results = form.results.value
  return (
    <div class="picker">
      <label class="picker__label" for="service-query">
        办理事项
      </label>
      <div class="picker__box">
        <input
          id="service-query"
          name="serviceQuery"
          class="picker__input"
          placeholder="输入事项名称或拼音首字母，如 hk"
          autoComplete="off"
          value={form.query.value}
          onInput={(e) => form.search((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            const first = results[0]
            if (e.key === 'Enter' && first) {
              e.preventDefault()
              void form.choose(first.id)
            }
          }}
        />
        {form.searching.value && <span class="picker__busy">查找中…</span>}
        {results.length > 0 && (
          <ul class="picker__results">
            {results.map((item) => (
              <li key={item.id}>
                <button type="button" class="picker__result" onClick={() => void form.choose(item.id)}>
                  <span>{item.name}</span>
                  <small>
                    {item.category} · {item.itemType}
                  </small>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {service && (
        <div class="picker__chosen" data-service={service.id}>
          <b>{service.name}</b>
          <span>
            {service.department ?? service.category}
            {service.promisedDays !== null &&
              ` · 承诺时限 ${dayLimitText(service.promisedDays, service.promisedDayUnit)}`}
            {` · 所需材料 ${service.materials.length} 项`}
          </span>
        </div>
      )}
      {form.loadError.value && <div class="picker__error">{form.loadError.value}</div>}
    </div>
  )
}
