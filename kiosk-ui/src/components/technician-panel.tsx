import { DEVICE_ROLE_LABELS } from '@hall/protocol'
import { useState } from 'preact/hooks'
import { useStores } from '../store/context'
import { BigButton } from './big-button'

const PIN_DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']

/**
 * The technician's panel (Ctrl+Alt+Shift+T held for two seconds, then the PIN): who this kiosk is,
 * its link to the server, the terminal's devices as the agent reports them, reload, forget token.
 */
export function TechnicianPanel() {
  const { tech } = useStores()
  const [entered, setEntered] = useState('')
  const [unlocked, setUnlocked] = useState(false)
  const [wrong, setWrong] = useState(false)
  const close = () => {
    tech.open.value = false
  }
  const press = (digit: string) => {
    const next = (entered + digit).slice(0, 12)
    setWrong(false)
    if (next === tech.pin) {
      setUnlocked(true)
      setEntered('')
    } else {
      setEntered(next)
      if (next.length >= tech.pin.length) {
        setWrong(true)
        setEntered('')
      }
    }
  }
  return (
    <div class="overlay" data-testid="tech-panel">
      <div class="panel">
        <h2>设备维护</h2>
        {unlocked ? (
          <DeviceStatus />
        ) : (
          <div class="pin">
            <p>请输入维护密码</p>
            <div class="pin-dots" data-testid="pin-dots">
              {'●'.repeat(entered.length) || '　'}
            </div>
            {wrong ? <p class="banner banner-error">密码不正确</p> : null}
            <div class="pin-pad">
              {PIN_DIGITS.map((d) => (
                <button type="button" class="key" key={d} data-pin={d} onClick={() => press(d)}>
                  {d}
                </button>
              ))}
            </div>
          </div>
        )}
        <div class="row">
          {unlocked ? (
            <BigButton label="重新加载页面" testId="tech-reload" onPress={() => tech.reload()} />
          ) : null}
          {unlocked ? (
            <BigButton
              label="清除设备令牌"
              tone="danger"
              testId="tech-forget"
              onPress={() => tech.forgetToken()}
            />
          ) : null}
          <BigButton label="关闭" tone="primary" testId="tech-close" onPress={close} />
        </div>
      </div>
    </div>
  )
}

function DeviceStatus() {
  const { hall } = useStores()
  const me = hall.me.value
  const agent = hall.agent.value
  const snapshot = hall.snapshot.value
  const alarms = (snapshot?.alarms ?? []).filter(
    (a) => a.active && (a.subject === me?.deviceId || a.subject === agent?.id),
  )
  return (
    <dl class="tech-facts" data-testid="tech-status">
      <div>
        <dt>本机</dt>
        <dd>
          {me
            ? `${me.deviceId}（${DEVICE_ROLE_LABELS[me.role as keyof typeof DEVICE_ROLE_LABELS] ?? me.role}），终端 ${me.terminal ?? '—'}`
            : '未知'}
        </dd>
      </div>
      <div>
        <dt>大厅服务器</dt>
        <dd>
          {hall.link.value === 'online' ? '已连接' : '未连接'}（{location.origin}），状态序号{' '}
          {snapshot?.seq ?? '—'}
        </dd>
      </div>
      <div>
        <dt>设备代理</dt>
        <dd>{agent ? (agent.online ? '在线' : '离线') : '未登记'}</dd>
      </div>
      {(agent?.attached ?? []).map((d) => (
        <div key={d.name}>
          <dt>{d.name}</dt>
          <dd>
            {d.connected ? '已连接' : '未连接'}
            {d.printer ? `，纸张 ${d.printer.paper}${d.printer.coverOpen ? '，纸仓盖未关' : ''}` : ''}
            {d.lastError ? `，${d.lastError}` : ''}
          </dd>
        </div>
      ))}
      <div>
        <dt>告警</dt>
        <dd>{alarms.length === 0 ? '无' : alarms.map((a) => a.message).join('；')}</dd>
      </div>
      <div>
        <dt>页面版本</dt>
        <dd>{document.querySelector('script[type="module"]')?.getAttribute('src') ?? '—'}</dd>
      </div>
    </dl>
  )
}
