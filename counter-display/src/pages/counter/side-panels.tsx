import type { HallSnapshot, WindowView } from '@hall/protocol'
import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import { useHall } from '../../store/context'
import { useConsole } from './counter-context'

/** Small inline panels (never modal): Esc or the same key closes them, the rest stays usable. */

function PanelFrame({ title, children }: { title: string; children: ComponentChildren }) {
  const desk = useConsole()
  return (
    <section class="panel" aria-label={title}>
      <div class="panel__head">
        <span>{title}</span>
        <button type="button" class="btn btn--ghost panel__close" onClick={() => (desk.panel.value = 'none')}>
          <span class="kbd">Esc</span>关闭
        </button>
      </div>
      {children}
    </section>
  )
}

export function TransferPanel({ window }: { window: WindowView }) {
  const snapshot = useHall().snapshot.value as HallSnapshot
  const desk = useConsole()
  const busy = desk.busy.value !== null
  return (
    <PanelFrame title="转移当前号码">
      <div class="panel__label">转到业务队列（重新排队，保留取号时间）</div>
      <div class="panel__choices">
        {snapshot.queues.map((q) => (
          <button
            key={q.id}
            type="button"
            class="btn"
            disabled={busy}
            onClick={() => void desk.transfer({ toQueueId: q.id })}
          >
            {q.prefix} {q.name}
          </button>
        ))}
      </div>
      <div class="panel__label">转到指定窗口（该窗口优先呼叫）</div>
      <div class="panel__choices">
        {snapshot.windows
          .filter((w) => w.id !== window.id)
          .map((w) => (
            <button
              key={w.id}
              type="button"
              class="btn"
              disabled={busy}
              onClick={() => void desk.transfer({ toWindowId: w.id })}
            >
              {w.name}
              {w.status !== 'open' && (
                <small class="panel__muted">（{w.status === 'paused' ? '暂停' : '未开放'}）</small>
              )}
            </button>
          ))}
      </div>
    </PanelFrame>
  )
}

export function CallTicketPanel() {
  const desk = useConsole()
  const [code, setCode] = useState('')
  return (
    <PanelFrame title="呼叫指定号码">
      <form
        class="panel__row"
        onSubmit={(event) => {
          event.preventDefault()
          if (code.trim() !== '') void desk.callTicket(code)
        }}
      >
        <input
          class="panel__input num"
          name="code"
          placeholder="如 A012"
          value={code}
          // biome-ignore lint/a11y/noAutofocus: the panel exists to type this number
          autoFocus
          onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value.toUpperCase())}
        />
        <button
          type="submit"
          class="btn btn--primary"
          disabled={desk.busy.value !== null || code.trim() === ''}
        >
          呼叫（Enter）
        </button>
      </form>
      <div class="panel__hint">过号的号码也可以再次呼叫。</div>
    </PanelFrame>
  )
}

const PAUSE_REASONS = ['临时离岗', '午间休息', '业务培训', '系统故障', '设备故障', '外出办理业务']

export function PausePanel() {
  const desk = useConsole()
  const [reason, setReason] = useState('')
  const busy = desk.busy.value !== null
  return (
    <PanelFrame title="暂停服务">
      <div class="panel__choices">
        {PAUSE_REASONS.map((r) => (
          <button key={r} type="button" class="btn" disabled={busy} onClick={() => void desk.pause(r)}>
            {r}
          </button>
        ))}
      </div>
      <form
        class="panel__row"
        onSubmit={(event) => {
          event.preventDefault()
          if (reason.trim() !== '') void desk.pause(reason)
        }}
      >
        <input
          class="panel__input"
          name="reason"
          placeholder="其他原因"
          maxLength={100}
          value={reason}
          onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="btn btn--primary" disabled={busy || reason.trim() === ''}>
          暂停
        </button>
      </form>
    </PanelFrame>
  )
}
