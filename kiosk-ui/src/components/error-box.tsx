import { useStores } from '../store/context'

/** The last failure, in the server's Chinese words. */
export function ErrorBox() {
  const { session } = useStores()
  const error = session.error.value
  if (!error) return null
  return (
    <div class="banner banner-error" role="alert" data-testid="error">
      {error}
    </div>
  )
}

export function BusyNote() {
  const { session } = useStores()
  if (!session.busy.value) return null
  return (
    <div class="busy" role="status" data-testid="busy">
      <span class="spinner" aria-hidden="true" />
      正在处理，请稍候……
    </div>
  )
}
