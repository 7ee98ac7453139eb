import type { HallSnapshot, WindowView } from '@hall/protocol'
import { actionAvailability } from '../../lib/console-rules'
import { SHORTCUTS, type ShortcutAction } from '../../lib/shortcuts'
import { useHall } from '../../store/context'
import { useCaseForm, useConsole } from './counter-context'
import { CallTicketPanel, PausePanel, TransferPanel } from './side-panels'
import { useActionRunner } from './use-console-shortcuts'

const MAIN: ShortcutAction[] = [
  'callNext',
  'recall',
  'skip',
  'startCase',
  'transfer',
  'callTicket',
  'complete',
]

/** The calling actions with their keys, and the small inline panels some of them open. */
export function ActionPanel({ window }: { window: WindowView }) {
  const hall = useHall()
  const desk = useConsole()
  const form = useCaseForm()
  const run = useActionRunner(window.id)
  const snapshot = hall.snapshot.value as HallSnapshot
  const ticket = snapshot.tickets.find((t) => t.id === window.currentTicketId) ?? null
  const why = actionAvailability(window, ticket, form.body.value !== null, snapshot.hall.maxRecalls)
  const busy = desk.busy.value !== null
  const panel = desk.panel.value
  const button = (action: ShortcutAction, extra = '') => (
    <button
      key={action}
      type="button"
      class={`action action--${action}${extra}${panel === action ? ' is-open' : ''}`}
      data-action={action}
      disabled={busy || why[action] !== null}
      title={why[action] ?? SHORTCUTS[action].label}
      onClick={() => run(action)}
    >
      <span class="kbd">{SHORTCUTS[action].key}</span>
      {SHORTCUTS[action].label}
    </button>
  )
  return (
    <div class="actions">
      <div class="actions__grid">{MAIN.map((action) => button(action))}</div>
      <div class="actions__pause">
        {window.status === 'paused' ? button('resume', ' action--wide') : button('pause', ' action--wide')}
      </div>
      {panel === 'transfer' && <TransferPanel window={window} />}
      {panel === 'callTicket' && <CallTicketPanel />}
      {panel === 'pause' && <PausePanel />}
    </div>
  )
}
