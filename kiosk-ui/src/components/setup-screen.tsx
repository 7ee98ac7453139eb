/**
 * Shown instead of the kiosk when it has no device token, or the server refused the one it has.
 * Written for the technician who installs the terminal.
 */
export function SetupScreen(props: { reason: 'missing' | 'rejected' }) {
  return (
    <div class="setup" data-testid="setup" data-reason={props.reason}>
      <h1>{props.reason === 'missing' ? '取号机尚未登记' : '取号机的设备令牌无效'}</h1>
      <p>
        {props.reason === 'missing'
          ? '这台取号机还没有设备令牌，暂时不能为群众服务。'
          : '大厅服务器拒绝了这台取号机的设备令牌（可能已被注销或重新登记）。'}
      </p>
      <h2>技术人员请按以下步骤设置：</h2>
      <ol>
        <li>
          在大厅服务器上登记本机：
          <code>npm run hallctl -- enroll kiosk-1 --role kiosk --terminal kiosk-1</code>
          ，记下输出的令牌。
        </li>
        <li>
          用带令牌的地址打开本页一次：<code>http://大厅服务器地址:8080/kiosk/?token=令牌</code>
          （可加 <code>&amp;pin=维护密码</code>）。
        </li>
        <li>令牌会保存在本机浏览器中，并自动从地址栏中去掉。</li>
      </ol>
      <p class="setup-help">群众如看到此页面，请联系大厅工作人员。</p>
    </div>
  )
}
