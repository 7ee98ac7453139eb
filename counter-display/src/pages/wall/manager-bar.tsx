import { useState } from 'preact/hooks'
import { HallClock } from '../../components/hall-clock'
import { SignInForm } from '../../components/sign-in-form'
import { useHall } from '../../store/context'
import { useWall } from './wall-context'

/** The wall's title bar, with the manager's sign-in for following up bad ratings. */
export function ManagerBar({ name }: { name: string }) {
  const { session, ledger } = useWall()
  const businessDate = useHall().snapshot.value?.hall.businessDate
  const [open, setOpen] = useState(false)
  const current = session.session.value
  return (
    <header class="wall__header">
      <h1>
        {name}
        <small>管理大屏</small>
      </h1>
      <HallClock />
      {current ? (
        <div class="wall__manager">
          <span>
            {current.staff.name}（{current.staff.title}）已登录
          </span>
          {businessDate &&
            (['this', 'last'] as const).map((which) => (
              <button
                key={which}
                type="button"
                class="btn btn--ghost wall__header-btn"
                data-action={`export-${which}`}
                disabled={ledger.busy.value !== null}
                onClick={() => void ledger.download(which, businessDate)}
              >
                {ledger.busy.value === which
                  ? '正在导出…'
                  : which === 'this'
                    ? '导出本月台账'
                    : '导出上月台账'}
              </button>
            ))}
          {(ledger.error.value ?? ledger.saved.value) && (
            <span class="wall__ledger" role="status">
              {ledger.error.value ?? `已下载 ${ledger.saved.value}`}
            </span>
          )}
          <button
            type="button"
            class="btn btn--ghost wall__header-btn"
            onClick={() => void session.signOut()}
          >
            退出
          </button>
        </div>
      ) : (
        <button
          type="button"
          class="btn btn--ghost wall__header-btn"
          data-action="manager-sign-in"
          onClick={() => setOpen(!open)}
        >
          主任登录
        </button>
      )}
      {open && !current && (
        <div class="wall__signin">
          <SignInForm
            title="管理人员登录"
            hint="登录后可核实和整改差评"
            busy={session.busy.value}
            error={session.error.value}
            onSubmit={(staffNo, pin) =>
              void session.signIn(staffNo, pin).then((ok) => {
                if (ok) setOpen(false)
              })
            }
          />
          <button type="button" class="btn wall__signin-close" onClick={() => setOpen(false)}>
            取消
          </button>
        </div>
      )}
    </header>
  )
}
