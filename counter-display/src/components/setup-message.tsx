import { DEVICE_ROLE_LABELS, type DeviceRole } from '@hall/protocol'
import type { PageName } from '../net/device-token'

/** What a screen shows instead of itself when it cannot be one: no token, a refused one, no server yet. */

const ROLES: Record<PageName, DeviceRole> = {
  display: 'display',
  window: 'window_screen',
  counter: 'counter',
  pad: 'pad',
  wall: 'wall',
}

export function SetupMessage({
  page,
  problem,
}: {
  page: PageName
  problem: 'missing' | 'refused' | 'connecting'
}) {
  const role = ROLES[page]
  const name = DEVICE_ROLE_LABELS[role]
  if (problem === 'connecting') {
    return (
      <div class="setup setup--connecting" role="status">
        <div class="setup__title">{name}</div>
        <p class="setup__lead">正在连接大厅服务器…</p>
      </div>
    )
  }
  return (
    <div class="setup" role="alert">
      <div class="setup__title">{name}</div>
      <p class="setup__lead">{problem === 'missing' ? '此屏幕尚未设置' : '此设备的登记令牌无效或已被注销'}</p>
      <ol class="setup__steps">
        <li>
          管理员在大厅服务器上登记本设备：
          <code>
            hallctl enroll 设备编号 --role {role}
            {role === 'window_screen' || role === 'pad' || role === 'counter' ? ' --window 窗口号' : ''}
          </code>
        </li>
        <li>
          用登记时得到的令牌打开本页一次：<code>{`${location.origin}/screens/${page}.html?token=令牌`}</code>
        </li>
        <li>令牌会保存在本机，以后直接打开本页即可。</li>
      </ol>
      {problem === 'refused' && <p class="setup__note">本屏会每隔 15 秒自动重试。</p>}
    </div>
  )
}
