import { useRef } from 'preact/hooks'
import { applySearchKey, PHRASES, type SearchKey } from '../logic/search-input'
import { useStores } from '../store/context'
import { Keyboard } from './keyboard'
import { ServiceTile } from './tiles'

const DEBOUNCE_MS = 200

/** Find a service by pinyin initials, a common word or its 序号; results as big tiles. */
export function SearchPanel(props: { title: string }) {
  const { session, actions } = useStores()
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const query = session.query.value
  const results = session.results.value
  const press = (key: SearchKey) => {
    const next = applySearchKey(session.query.value, key)
    session.query.value = next
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void actions.search(next), DEBOUNCE_MS)
  }
  return (
    <div class="search">
      <div class="search-top">
        <h1 class="page-title">{props.title}</h1>
        <div class="search-box" data-testid="search-box">
          {query === '' ? <span class="placeholder">输入事项名称的拼音首字母，如“低保”输入 DB</span> : query}
        </div>
        <div class="chips">
          {PHRASES.map((p) => (
            <button type="button" class="chip" key={p} onClick={() => press({ kind: 'phrase', text: p })}>
              {p}
            </button>
          ))}
        </div>
      </div>
      <div class="search-results" data-testid="results">
        {results === null ? null : results.length === 0 ? (
          <p class="empty">没有找到相关事项。可以换个词试试，或到咨询台询问。</p>
        ) : (
          results.map((s) => <ServiceTile key={s.id} service={s} onPress={() => actions.chooseService(s)} />)
        )}
      </div>
      <Keyboard onKey={press} digits />
    </div>
  )
}
