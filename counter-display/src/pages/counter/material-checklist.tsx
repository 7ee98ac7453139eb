import { useState } from 'preact/hooks'
import { useCaseForm } from './counter-context'

/**
 * 补齐补正: tick every material the applicant must still bring, from the guide's list, and add any
 * other; all of them go on the one 一次性告知单.
 */
export function MaterialChecklist() {
  const form = useCaseForm()
  const [extra, setExtra] = useState('')
  const materials = form.service.value?.materials ?? []
  const add = () => {
    form.addExtra(extra)
    setExtra('')
  }
  return (
    <div class="materials">
      <div class="materials__title">需补齐补正的材料（一次性告知）</div>
      {materials.length === 0 && <div class="case__muted">该事项的办事指南没有列出材料，请在下方填写。</div>}
      <ul class="materials__list">
        {materials.map((m) => (
          <li key={m.name}>
            <label class={form.checked.value.has(m.name) ? 'is-on' : ''}>
              <input
                type="checkbox"
                checked={form.checked.value.has(m.name)}
                onChange={() => form.toggle(m.name)}
              />
              <span>
                {m.name}
                {m.required && <em class="materials__req">必需</em>}
                {m.copies && <small> {m.copies}</small>}
              </span>
            </label>
          </li>
        ))}
        {form.extras.value.map((name, i) => (
          <li key={`extra-${name}`} class="materials__extra">
            <span>{name}</span>
            <button type="button" class="btn btn--ghost" onClick={() => form.removeExtra(i)}>
              删除
            </button>
          </li>
        ))}
      </ul>
      <div class="materials__add">
        <input
          name="extraMaterial"
          placeholder="其他材料"
          maxLength={200}
          value={extra}
          onInput={(e) => setExtra((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              add()
            }
          }}
        />
        <button type="button" class="btn" onClick={add} disabled={extra.trim() === ''}>
          添加
        </button>
        <label class="materials__days">
          补正期限
          <input
            class="case__days num"
            name="supplementDays"
            inputMode="numeric"
            placeholder="默认"
            value={form.supplementDays.value}
            onInput={(e) => (form.supplementDays.value = (e.currentTarget as HTMLInputElement).value)}
          />
          个工作日
        </label>
      </div>
    </div>
  )
}
