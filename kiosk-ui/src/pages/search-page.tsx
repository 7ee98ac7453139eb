import { ErrorBox } from '../components/error-box'
import { SearchPanel } from '../components/search-panel'
import { useStores } from '../store/context'

/** Find a service to take a number for, or to read its guide. */
export function SearchPage() {
  const { session } = useStores()
  return (
    <section class="stack stack-fill">
      <SearchPanel title={session.purpose.value === 'guide' ? '查找办事指南' : '查找要办理的事项'} />
      <ErrorBox />
    </section>
  )
}
