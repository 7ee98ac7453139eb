/**
 * The HTML of the device simulator control page (simulator-control.ts serves it): Simplified
 * Chinese, big buttons, no build step and no framework. It polls `/api/state` and rebuilds only
 * the parts that change, so a half-typed scan code survives the refresh.
 */

const STYLE = `
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;background:#f3f5f8;color:#1b2733;font-size:18px}
header{background:#b3261e;color:#fff;padding:14px 24px}header h1{margin:0;font-size:26px}
header a{color:#fff}main{padding:16px 24px}
.note{background:#fff7d6;border:1px solid #e0c060;padding:10px 14px;border-radius:8px;margin-bottom:14px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:16px}
.term{background:#fff;border-radius:12px;box-shadow:0 1px 4px #0002;padding:14px 18px}
.term h2{margin:0 0 6px;font-size:22px}.muted{color:#5b6875;font-size:15px}
.sec{border-top:1px solid #e3e7ec;margin-top:12px;padding-top:10px}.sec h3{margin:0 0 8px;font-size:18px}
button{font-size:18px;padding:10px 16px;margin:4px 6px 4px 0;border-radius:8px;border:1px solid #0b57d0;background:#0b57d0;color:#fff;cursor:pointer;min-height:48px}
button.light{background:#fff;color:#0b57d0}button.bad{background:#b3261e;border-color:#b3261e}
input[type=text]{font-size:18px;padding:10px;width:60%;border:1px solid #8894a0;border-radius:8px}
.chip{display:inline-block;padding:2px 10px;border-radius:12px;margin:2px;font-size:14px;color:#fff}
.ok{background:#1e8e3e}.warn{background:#b06000}.down{background:#b3261e}
.led{background:#111;color:#ff3b2f;font-family:monospace;font-size:24px;padding:10px 14px;border-radius:6px;min-height:64px;white-space:pre;letter-spacing:2px}
.jobs{display:flex;flex-wrap:wrap;gap:10px}.job{border:1px solid #d5dbe1;border-radius:8px;padding:6px;width:180px;font-size:14px}
.job img{width:100%;max-height:260px;object-fit:contain;object-position:top;background:#fff}
#toast{position:fixed;bottom:20px;left:50%;transform:translateX(-50%);background:#1b2733;color:#fff;padding:12px 20px;border-radius:8px;display:none;font-size:18px}
label.reason{display:inline-block;margin:2px 10px 2px 0;font-size:16px}`

const SCRIPT = `
const $ = (s, el = document) => el.querySelector(s)
const esc = (t) => String(t ?? '').replace(/[&<>"']/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'})[c])
const LEVELS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意']
const KINDS = { idcard: '身份证阅读器', scanner: '扫码枪', printer: '打印机', evaluator: '评价器', led: '窗口屏' }
const BOX = { idle: '空闲', prompting: '请评价', thanks: '感谢评价' }
let built = false
function toast(text) {
  const el = $('#toast'); el.textContent = text; el.style.display = 'block'
  clearTimeout(toast.timer); toast.timer = setTimeout(() => { el.style.display = 'none' }, 2500)
}
async function act(id, path, body, done) {
  const res = await fetch('/api/terminals/' + encodeURIComponent(id) + path, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) })
  const answer = await res.json().catch(() => ({ ok: false, message: '操作失败' }))
  toast(answer.ok ? done : answer.message); refresh()
}
function title(t) {
  const m = /^counter-(.+)$/.exec(t.id)
  return m ? m[1] + '号窗口' : t.id.startsWith('kiosk') ? t.id.replace('kiosk-', '') + '号取号机' : t.id
}
function build(state) {
  $('#hall').innerHTML = state.hallUrl ? '<a href="' + esc(state.hallUrl) + '">返回大厅首页</a>' : ''
  $('#notes').innerHTML = state.problems.map((p) => '<div class="note">' + esc(p) + '</div>').join('')
  $('#grid').innerHTML = state.terminals.map((t) => {
    const has = (k) => t.kinds.includes(k)
    let html = '<section class="term" data-id="' + esc(t.id) + '"><h2>' + esc(title(t)) + ' <span class="muted">' + esc(t.id) + '</span></h2><div class="status"></div>'
    if (t.missing.length) html += '<div class="note">未模拟：' + esc(t.missing.join('；')) + '</div>'
    if (has('idcard')) html += '<div class="sec"><h3>身份证阅读器 <span class="card muted"></span></h3>' +
      state.cards.map((c) => '<button data-card="' + esc(c.id) + '">放上 ' + esc(c.label) + '</button>').join('') +
      '<button class="light" data-remove>拿走身份证</button></div>'
    if (has('scanner')) html += '<div class="sec"><h3>扫码枪</h3><input type="text" placeholder="要扫描的内容，如 HALLAPPT:ABCD2345"> <button data-scan>扫码</button><div class="qrs"></div></div>'
    if (has('evaluator')) html += '<div class="sec"><h3>评价器：<span class="box"></span></h3>' +
      LEVELS.map((l, i) => '<button ' + (i >= 3 ? 'class="bad" ' : '') + 'data-level="' + (i + 1) + '">' + l + '</button>').join('') +
      '<div class="muted">不满意时先勾选原因：</div>' +
      Object.entries(state.reasons).map(([n, l]) => '<label class="reason"><input type="checkbox" value="' + n + '"> ' + esc(l) + '</label>').join('') + '</div>'
    if (has('led')) html += '<div class="sec"><h3>窗口屏</h3><div class="led"></div></div>'
    if (has('printer')) html += '<div class="sec"><h3>打印机 <span class="paper muted"></span></h3><div class="jobs"></div></div>'
    return html + '</section>'
  }).join('')
  for (const el of document.querySelectorAll('.term')) {
    const id = el.dataset.id
    el.addEventListener('click', (e) => {
      const b = e.target.closest('button'); if (!b) return
      if (b.dataset.card) act(id, '/card', { card: b.dataset.card }, '已放上身份证，阅读器正在读卡')
      else if ('remove' in b.dataset) act(id, '/card/remove', {}, '已拿走身份证')
      else if ('scan' in b.dataset) { const code = $('input[type=text]', el).value; act(id, '/scan', { code }, '已扫码：' + code) }
      else if (b.dataset.qr) act(id, '/scan', { code: b.dataset.qr }, '已扫描小票上的二维码')
      else if (b.dataset.level) {
        const reasons = [...el.querySelectorAll('.reason input:checked')].map((c) => Number(c.value))
        act(id, '/rating', { level: Number(b.dataset.level), reasons: Number(b.dataset.level) >= 4 ? reasons : [] }, '已按下：' + LEVELS[b.dataset.level - 1])
      }
    })
  }
  built = state.terminals.map((t) => t.id).join()
}
function update(state) {
  if (built !== state.terminals.map((t) => t.id).join()) build(state)
  for (const t of state.terminals) {
    const el = document.querySelector('.term[data-id="' + CSS.escape(t.id) + '"]'); if (!el) continue
    $('.status', el).innerHTML = '<span class="chip ' + (t.agent.status === 'connected' ? 'ok">设备代理已连接' : 'down">设备代理：' + esc(t.agent.status)) + '</span>' +
      t.devices.map((d) => '<span class="chip ' + (d.status === 'ok' ? 'ok' : d.status === 'warning' ? 'warn' : 'down') + '" data-status="' + esc(d.status) + '" title="' + esc(d.lastError) + '">' + esc(KINDS[d.kind] ?? d.kind) + (d.status === 'ok' ? '' : '：' + esc(d.reason)) + '</span>').join('') +
      (t.agent.pending ? ' <span class="muted">待发送 ' + t.agent.pending + ' 条</span>' : '')
    const card = $('.card', el); if (card) card.textContent = t.cardPlaced ? '（卡在阅读器上）' : ''
    const box = $('.box', el); if (box && t.evaluator) box.textContent = (BOX[t.evaluator.state] ?? t.evaluator.state) + (t.evaluator.caseRef ? '（' + t.evaluator.caseRef + '）' : '')
    const led = $('.led', el); if (led) led.textContent = t.led.join('\\n')
    const paper = $('.paper', el); if (paper && t.printer) paper.textContent = t.printer.paper === 'ok' ? '' : '（缺纸）'
    const jobs = $('.jobs', el)
    if (jobs) jobs.innerHTML = t.jobs.length ? t.jobs.map((j) => '<div class="job"><a href="' + esc(j.svg) + '" target="_blank"><img src="' + esc(j.svg) + '" alt=""></a><div>第 ' + j.index + ' 张 ' + esc(j.title) + '</div><a href="' + esc(j.txt) + '" target="_blank">文本</a> · <a href="' + esc(j.svg) + '" target="_blank">图片</a></div>').join('') : '<span class="muted">还没有打印</span>'
    const qrs = $('.qrs', el)
    if (qrs) {
      const codes = state.terminals.flatMap((x) => x.jobs.map((j) => j.qr)).filter(Boolean).slice(0, 3)
      const html = codes.map((q) => '<button class="light" data-qr="' + esc(q) + '">扫描二维码 ' + esc(q.length > 24 ? q.slice(0, 24) + '…' : q) + '</button>').join('')
      if (qrs.innerHTML !== html) qrs.innerHTML = html
    }
  }
}
async function refresh() {
  try { update(await (await fetch('/api/state')).json()) } catch { }
}
refresh(); setInterval(refresh, 1500)`

export function simulatorControlPage(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>设备模拟器控制台</title>
<style>${STYLE}</style></head><body>
<header><h1>设备模拟器控制台（演示）</h1><div>代替身份证、扫码枪、评价器的“手”，看打印出的小票和窗口屏。所有身份证都是虚构的测试数据。 <span id="hall"></span></div></header>
<main><div id="notes"></div><div id="grid" class="grid">正在加载…</div></main><div id="toast"></div>
<script>${SCRIPT}</script></body></html>`
}
