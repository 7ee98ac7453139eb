import { CardGreeting } from '../components/card-greeting'
import { ErrorBox } from '../components/error-box'
import { SearchIcon } from '../components/icons'
import { QueueTile } from '../components/tiles'
import { useStores } from '../store/context'

/** Choose a business category: the 4+X comprehensive windows, then local ones; or find a service. */
export function CategoriesPage() {
  const { hall, actions } = useStores()
  return (
    <section class="stack">
      <CardGreeting />
      <h1 class="page-title">请选择业务类别</h1>
      <div class="tiles">
        {hall.queues.value.map((q) => (
          <QueueTile key={q.id} queue={q} onPress={() => actions.chooseQueue(q.id)} />
        ))}
      </div>
      <button
        type="button"
        class="tile tile-search"
        data-testid="find-service"
        onClick={() => actions.startSearch()}
      >
        <span class="tile-letter" aria-hidden="true">
          <SearchIcon />
        </span>
        <span class="tile-body">
          <span class="tile-title">不知道选哪一类？按事项名称查找</span>
          <span class="tile-desc">输入拼音首字母，例如“低保”输入 DB</span>
        </span>
      </button>
      <ErrorBox />
    </section>
  )
}
